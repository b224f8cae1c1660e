#include "adapters/storage/sql_account_repositories.h"

#include <soci/soci.h>

#include "adapters/storage/sql_error.h"

namespace motcua::adapters::storage {
namespace {

// Binds the one key of a lookup: text (":k") or number (":n").
void bind_key(soci::statement& st, const std::string& where, const std::string& text_key,
              const long long& int_key) {
  if (where.find(":k") != std::string::npos) st.exchange(soci::use(text_key));
  if (where.find(":n") != std::string::npos) st.exchange(soci::use(int_key));
}

std::string_view kind_text(core::AccountKind kind) {
  return kind == core::AccountKind::kBusiness ? "business" : "citizen";
}

core::Status changed_one(soci::statement& st, std::int64_t id, const char* what) {
  st.execute(true);
  if (st.get_affected_rows() == 0) {
    return core::Error{core::ErrorKind::kNotFound,
                       std::string("there is no ") + what + " " + std::to_string(id)};
  }
  return {};
}

template <typename T>
core::Result<std::optional<T>> first_of(core::Result<std::vector<T>> rows) {
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<T>();
  return std::optional<T>(std::move(rows->front()));
}

}  // namespace

SqlStaffRepository::SqlStaffRepository(soci::session& session, Engine) : session_(session) {}

core::Result<std::int64_t> SqlStaffRepository::create(const core::StaffMember& s) {
  return guarded("creating staff " + s.username, [&]() -> core::Result<std::int64_t> {
    long long roles = s.roles;
    long long active = s.active ? 1 : 0;
    long long id = 0;
    session_ << "INSERT INTO staff (username, full_name, agency_code, roles, password_hash,"
                " active) VALUES (:u, :n, :a, :r, :p, :x) RETURNING id",
        soci::use(s.username), soci::use(s.full_name), soci::use(s.agency_code), soci::use(roles),
        soci::use(s.password_hash), soci::use(active), soci::into(id);
    return std::int64_t{id};
  });
}

core::Result<std::vector<core::StaffMember>> SqlStaffRepository::select(const std::string& where,
                                                                        const std::string& text_key,
                                                                        long long int_key) {
  return guarded("reading staff", [&]() -> core::Result<std::vector<core::StaffMember>> {
    core::StaffMember s;
    long long id = 0, roles = 0, active = 0;
    soci::statement st(session_);
    st.exchange(soci::into(id));
    st.exchange(soci::into(s.username));
    st.exchange(soci::into(s.full_name));
    st.exchange(soci::into(s.agency_code));
    st.exchange(soci::into(roles));
    st.exchange(soci::into(s.password_hash));
    st.exchange(soci::into(active));
    bind_key(st, where, text_key, int_key);
    st.alloc();
    st.prepare(
        "SELECT id, username, full_name, agency_code, roles, password_hash, active"
        " FROM staff " +
        where + " ORDER BY id");
    st.define_and_bind();
    st.execute();
    std::vector<core::StaffMember> out;
    while (st.fetch()) {
      s.id = id;
      s.roles = static_cast<std::uint32_t>(roles);
      s.active = active != 0;
      out.push_back(s);
    }
    return out;
  });
}

core::Result<std::optional<core::StaffMember>> SqlStaffRepository::find_by_username(
    std::string_view username) {
  return first_of(select("WHERE username = :k", std::string(username), 0));
}

core::Result<std::optional<core::StaffMember>> SqlStaffRepository::find_by_id(std::int64_t id) {
  return first_of(select("WHERE id = :n", "", id));
}

core::Result<std::vector<core::StaffMember>> SqlStaffRepository::list_by_agency(
    std::string_view agency_code) {
  return select("WHERE agency_code = :k", std::string(agency_code), 0);
}

core::Status SqlStaffRepository::update(const core::StaffMember& s) {
  return guarded("updating staff " + s.username, [&]() -> core::Status {
    long long roles = s.roles;
    long long active = s.active ? 1 : 0;
    long long id = s.id;
    soci::statement st =
        (session_.prepare << "UPDATE staff SET full_name = :n, agency_code = :a, roles = :r,"
                             " password_hash = :p, active = :x WHERE id = :i",
         soci::use(s.full_name), soci::use(s.agency_code), soci::use(roles),
         soci::use(s.password_hash), soci::use(active), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      return core::Error{core::ErrorKind::kNotFound, "there is no staff member " + s.username};
    }
    return {};
  });
}

SqlCitizenRepository::SqlCitizenRepository(soci::session& session, Engine) : session_(session) {}

core::Result<std::int64_t> SqlCitizenRepository::create(const core::CitizenAccount& c) {
  return guarded("creating citizen account", [&]() -> core::Result<std::int64_t> {
    long long id = 0;
    std::string kind(kind_text(c.kind));
    long long created = c.created_at.time_since_epoch().count();
    session_ << "INSERT INTO citizens (id_number, full_name, phone, email, password_hash, kind,"
                " created_at) VALUES (:i, :n, :p, :e, :h, :k, :c) RETURNING id",
        soci::use(c.id_number), soci::use(c.full_name), soci::use(c.phone), soci::use(c.email),
        soci::use(c.password_hash), soci::use(kind), soci::use(created), soci::into(id);
    return std::int64_t{id};
  });
}

core::Result<std::optional<core::CitizenAccount>> SqlCitizenRepository::select_one(
    const std::string& where, const std::string& text_key, long long int_key) {
  return guarded(
      "reading citizen account", [&]() -> core::Result<std::optional<core::CitizenAccount>> {
        core::CitizenAccount c;
        long long id = 0, created = 0;
        std::string kind;
        soci::statement st(session_);
        st.exchange(soci::into(id));
        st.exchange(soci::into(c.id_number));
        st.exchange(soci::into(c.full_name));
        st.exchange(soci::into(c.phone));
        st.exchange(soci::into(c.email));
        st.exchange(soci::into(c.password_hash));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(created));
        bind_key(st, where, text_key, int_key);
        st.alloc();
        st.prepare(
            "SELECT id, id_number, full_name, phone, email, password_hash, kind,"
            " created_at FROM citizens " +
            where);
        st.define_and_bind();
        if (!st.execute(true)) return std::optional<core::CitizenAccount>();
        c.id = id;
        c.kind = kind == "business" ? core::AccountKind::kBusiness : core::AccountKind::kCitizen;
        c.created_at = std::chrono::sys_seconds(std::chrono::seconds(created));
        return std::optional<core::CitizenAccount>(c);
      });
}

core::Result<std::optional<core::CitizenAccount>> SqlCitizenRepository::find_by_id_number(
    std::string_view id_number) {
  return select_one("WHERE id_number = :k", std::string(id_number), 0);
}

core::Result<std::optional<core::CitizenAccount>> SqlCitizenRepository::find_by_id(
    std::int64_t id) {
  return select_one("WHERE id = :n", "", id);
}

core::Status SqlCitizenRepository::update_contact(std::int64_t id, std::string_view phone,
                                                  std::string_view email) {
  return guarded("updating citizen contact details", [&]() -> core::Status {
    long long key = id;
    std::string p(phone), e(email);
    soci::statement st = (session_.prepare << "UPDATE citizens SET phone = :p, email = :e"
                                              " WHERE id = :i",
                          soci::use(p), soci::use(e), soci::use(key));
    return changed_one(st, id, "citizen account");
  });
}

core::Status SqlCitizenRepository::update_password(std::int64_t id,
                                                   std::string_view password_hash) {
  return guarded("updating citizen password", [&]() -> core::Status {
    long long key = id;
    std::string h(password_hash);
    soci::statement st =
        (session_.prepare << "UPDATE citizens SET password_hash = :h WHERE id = :i", soci::use(h),
         soci::use(key));
    return changed_one(st, id, "citizen account");
  });
}

core::Result<std::int64_t> SqlCitizenRepository::add_reset_code(const app::PasswordResetCode& c) {
  return guarded("storing a password-reset code", [&]() -> core::Result<std::int64_t> {
    long long citizen = c.citizen_id;
    long long created = c.created_at.time_since_epoch().count();
    long long expires = c.expires_at.time_since_epoch().count();
    long long attempts = c.attempts;
    long long used = c.used ? 1 : 0;
    session_ << "UPDATE citizen_reset_codes SET used = 1 WHERE citizen_id = :c AND used = 0",
        soci::use(citizen);
    long long id = 0;
    session_ << "INSERT INTO citizen_reset_codes (citizen_id, code_hash, created_at, expires_at,"
                " attempts, used) VALUES (:c, :h, :t, :x, :a, :u) RETURNING id",
        soci::use(citizen), soci::use(c.code_hash), soci::use(created), soci::use(expires),
        soci::use(attempts), soci::use(used), soci::into(id);
    return std::int64_t{id};
  });
}

core::Result<std::optional<app::PasswordResetCode>> SqlCitizenRepository::current_reset_code(
    std::int64_t citizen_id) {
  return guarded(
      "reading a password-reset code",
      [&]() -> core::Result<std::optional<app::PasswordResetCode>> {
        long long citizen = citizen_id, id = 0, created = 0, expires = 0, attempts = 0, used = 0;
        app::PasswordResetCode c;
        soci::statement st =
            (session_.prepare << "SELECT id, code_hash, created_at, expires_at,"
                                 " attempts, used FROM citizen_reset_codes"
                                 " WHERE citizen_id = :c AND used = 0"
                                 " ORDER BY id DESC LIMIT 1",
             soci::into(id), soci::into(c.code_hash), soci::into(created), soci::into(expires),
             soci::into(attempts), soci::into(used), soci::use(citizen));
        if (!st.execute(true)) return std::optional<app::PasswordResetCode>();
        c.id = id;
        c.citizen_id = citizen_id;
        c.created_at = std::chrono::sys_seconds(std::chrono::seconds(created));
        c.expires_at = std::chrono::sys_seconds(std::chrono::seconds(expires));
        c.attempts = attempts;
        c.used = used != 0;
        return std::optional<app::PasswordResetCode>(c);
      });
}

core::Result<std::int64_t> SqlCitizenRepository::reset_codes_since(std::int64_t citizen_id,
                                                                   std::chrono::sys_seconds since) {
  return guarded("counting password-reset codes", [&]() -> core::Result<std::int64_t> {
    long long citizen = citizen_id, from = since.time_since_epoch().count(), count = 0;
    session_ << "SELECT COUNT(*) FROM citizen_reset_codes WHERE citizen_id = :c"
                " AND created_at >= :f",
        soci::use(citizen), soci::use(from), soci::into(count);
    return std::int64_t{count};
  });
}

core::Status SqlCitizenRepository::count_reset_attempt(std::int64_t code_id) {
  return guarded("counting a reset-code try", [&]() -> core::Status {
    long long key = code_id;
    soci::statement st =
        (session_.prepare << "UPDATE citizen_reset_codes SET attempts = attempts + 1"
                             " WHERE id = :i",
         soci::use(key));
    return changed_one(st, code_id, "password-reset code");
  });
}

core::Status SqlCitizenRepository::use_reset_code(std::int64_t code_id) {
  return guarded("using a password-reset code", [&]() -> core::Status {
    long long key = code_id;
    soci::statement st =
        (session_.prepare << "UPDATE citizen_reset_codes SET used = 1 WHERE id = :i",
         soci::use(key));
    return changed_one(st, code_id, "password-reset code");
  });
}

}  // namespace motcua::adapters::storage
