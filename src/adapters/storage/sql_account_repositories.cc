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
    session_ << "INSERT INTO citizens (id_number, full_name, phone, email, password_hash)"
                " VALUES (:i, :n, :p, :e, :h) RETURNING id",
        soci::use(c.id_number), soci::use(c.full_name), soci::use(c.phone), soci::use(c.email),
        soci::use(c.password_hash), soci::into(id);
    return std::int64_t{id};
  });
}

core::Result<std::optional<core::CitizenAccount>> SqlCitizenRepository::select_one(
    const std::string& where, const std::string& text_key, long long int_key) {
  return guarded("reading citizen account",
                 [&]() -> core::Result<std::optional<core::CitizenAccount>> {
                   core::CitizenAccount c;
                   long long id = 0;
                   soci::statement st(session_);
                   st.exchange(soci::into(id));
                   st.exchange(soci::into(c.id_number));
                   st.exchange(soci::into(c.full_name));
                   st.exchange(soci::into(c.phone));
                   st.exchange(soci::into(c.email));
                   st.exchange(soci::into(c.password_hash));
                   bind_key(st, where, text_key, int_key);
                   st.alloc();
                   st.prepare(
                       "SELECT id, id_number, full_name, phone, email, password_hash"
                       " FROM citizens " +
                       where);
                   st.define_and_bind();
                   if (!st.execute(true)) return std::optional<core::CitizenAccount>();
                   c.id = id;
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

}  // namespace motcua::adapters::storage
