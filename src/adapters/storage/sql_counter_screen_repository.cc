#include "adapters/storage/sql_counter_screen_repository.h"

#include <soci/soci.h>

#include <string>

#include "adapters/storage/sql_error.h"
#include "adapters/storage/sql_support.h"

namespace motcua::adapters::storage {
namespace {

std::optional<std::chrono::sys_seconds> optional_time(const NullableInt& column) {
  std::optional<long long> v = column.get();
  if (!v) return std::nullopt;
  return seconds_from_column(*v);
}

std::optional<long long> optional_column(const std::optional<std::chrono::sys_seconds>& at) {
  if (!at) return std::nullopt;
  return to_column(*at);
}

}  // namespace

SqlCounterScreenRepository::SqlCounterScreenRepository(soci::session& session, Engine)
    : session_(session) {}

core::Result<std::int64_t> SqlCounterScreenRepository::create(
    const app::CounterScreenRecord& screen) {
  return guarded("creating a counter screen", [&]() -> core::Result<std::int64_t> {
    NullableInt expires, paired, pushed;
    expires.set(optional_column(screen.pairing_expires_at));
    paired.set(optional_column(screen.paired_at));
    pushed.set(optional_column(screen.pushed_at));
    long long created = to_column(screen.created_at), seen = to_column(screen.last_seen);
    long long amount = screen.pushed_amount.in_dong(), version = screen.version, id = 0;
    session_ << "INSERT INTO counter_screens (secret_hash, pairing_code, pairing_expires_at,"
                " staff_login, paired_at, created_at, last_seen, case_code, pushed_amount,"
                " pushed_at, version) VALUES (:h, :c, :e, :s, :p, :cr, :l, :k, :a, :pu, :v)"
                " RETURNING id",
        soci::use(screen.secret_hash), soci::use(screen.pairing_code),
        soci::use(expires.value, expires.indicator), soci::use(screen.staff_login),
        soci::use(paired.value, paired.indicator), soci::use(created), soci::use(seen),
        soci::use(screen.case_code), soci::use(amount), soci::use(pushed.value, pushed.indicator),
        soci::use(version), soci::into(id);
    return std::int64_t{id};
  });
}

std::optional<app::CounterScreenRecord> SqlCounterScreenRepository::find_where(
    const char* column, std::string_view value) {
  app::CounterScreenRecord r;
  std::string key(value);
  long long id = 0, created = 0, seen = 0, amount = 0, version = 0;
  NullableInt expires, paired, pushed;
  session_ << "SELECT id, secret_hash, pairing_code, pairing_expires_at, staff_login, paired_at,"
              " created_at, last_seen, case_code, pushed_amount, pushed_at, version"
              " FROM counter_screens WHERE " +
                  std::string(column) + " = :key",
      soci::use(key), soci::into(id), soci::into(r.secret_hash), soci::into(r.pairing_code),
      soci::into(expires.value, expires.indicator), soci::into(r.staff_login),
      soci::into(paired.value, paired.indicator), soci::into(created), soci::into(seen),
      soci::into(r.case_code), soci::into(amount), soci::into(pushed.value, pushed.indicator),
      soci::into(version);
  if (!session_.got_data()) return std::nullopt;
  r.id = id;
  r.pairing_expires_at = optional_time(expires);
  r.paired_at = optional_time(paired);
  r.created_at = seconds_from_column(created);
  r.last_seen = seconds_from_column(seen);
  r.pushed_amount = core::Money::dong(amount);
  r.pushed_at = optional_time(pushed);
  r.version = version;
  return r;
}

core::Result<std::optional<app::CounterScreenRecord>> SqlCounterScreenRepository::find_by_secret(
    std::string_view secret_hash) {
  return guarded("reading a counter screen",
                 [&]() -> core::Result<std::optional<app::CounterScreenRecord>> {
                   if (secret_hash.empty()) return std::optional<app::CounterScreenRecord>();
                   return find_where("secret_hash", secret_hash);
                 });
}

core::Result<std::optional<app::CounterScreenRecord>>
SqlCounterScreenRepository::find_by_pairing_code(std::string_view code) {
  return guarded("reading a counter screen",
                 [&]() -> core::Result<std::optional<app::CounterScreenRecord>> {
                   if (code.empty()) return std::optional<app::CounterScreenRecord>();
                   return find_where("pairing_code", code);
                 });
}

core::Result<std::optional<app::CounterScreenRecord>> SqlCounterScreenRepository::find_by_staff(
    std::string_view staff_login) {
  return guarded("reading a counter screen",
                 [&]() -> core::Result<std::optional<app::CounterScreenRecord>> {
                   if (staff_login.empty()) return std::optional<app::CounterScreenRecord>();
                   return find_where("staff_login", staff_login);
                 });
}

core::Status SqlCounterScreenRepository::update(const app::CounterScreenRecord& screen) {
  return guarded("updating a counter screen", [&]() -> core::Status {
    NullableInt expires, paired, pushed;
    expires.set(optional_column(screen.pairing_expires_at));
    paired.set(optional_column(screen.paired_at));
    pushed.set(optional_column(screen.pushed_at));
    long long seen = to_column(screen.last_seen), amount = screen.pushed_amount.in_dong();
    long long id = screen.id, version = screen.version;
    soci::statement st =
        (session_.prepare << "UPDATE counter_screens SET pairing_code = :c,"
                             " pairing_expires_at = :e, staff_login = :s, paired_at = :p,"
                             " last_seen = :l, case_code = :k, pushed_amount = :a,"
                             " pushed_at = :pu, version = version + 1"
                             " WHERE id = :id AND version = :v",
         soci::use(screen.pairing_code), soci::use(expires.value, expires.indicator),
         soci::use(screen.staff_login), soci::use(paired.value, paired.indicator), soci::use(seen),
         soci::use(screen.case_code), soci::use(amount), soci::use(pushed.value, pushed.indicator),
         soci::use(id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() == 1) return {};
    long long exists = 0;
    session_ << "SELECT COUNT(*) FROM counter_screens WHERE id = :id", soci::use(id),
        soci::into(exists);
    if (exists == 0) return core::Error{core::ErrorKind::kNotFound, "no such counter screen"};
    return core::Error{core::ErrorKind::kConflict, "the counter screen changed meanwhile"};
  });
}

core::Status SqlCounterScreenRepository::touch(std::int64_t id,
                                               std::chrono::sys_seconds last_seen) {
  return guarded("marking a counter screen seen", [&]() -> core::Status {
    long long key = id, seen = to_column(last_seen);
    session_ << "UPDATE counter_screens SET last_seen = :l WHERE id = :id", soci::use(seen),
        soci::use(key);
    return {};
  });
}

core::Result<std::int64_t> SqlCounterScreenRepository::remove_unbound_unseen(
    std::chrono::sys_seconds before) {
  return guarded("removing old counter screens", [&]() -> core::Result<std::int64_t> {
    long long at = to_column(before);
    soci::statement st = (session_.prepare << "DELETE FROM counter_screens"
                                              " WHERE staff_login = '' AND last_seen < :b",
                          soci::use(at));
    st.execute(true);
    return static_cast<std::int64_t>(st.get_affected_rows());
  });
}

core::Result<std::optional<app::FeeProgress>> SqlCounterScreenRepository::fee_progress(
    std::string_view case_code) {
  return guarded("reading a case's fee progress",
                 [&]() -> core::Result<std::optional<app::FeeProgress>> {
                   std::string code(case_code);
                   long long case_id = 0, lines = 0, unpaid = 0, outstanding = 0;
                   NullableInt last_paid;
                   // SUM of BIGINT is NUMERIC on PostgreSQL: cast back for both engines.
                   session_ << "SELECT c.id, COUNT(f.id),"
                               " CAST(COALESCE(SUM(CASE WHEN f.paid = 0 THEN 1 ELSE 0 END), 0)"
                               " AS BIGINT),"
                               " CAST(COALESCE(SUM(CASE WHEN f.paid = 0 THEN f.amount ELSE 0"
                               " END), 0) AS BIGINT), MAX(f.paid_at)"
                               " FROM cases c LEFT JOIN fee_lines f ON f.case_id = c.id"
                               " WHERE c.code = :code GROUP BY c.id",
                       soci::use(code), soci::into(case_id), soci::into(lines), soci::into(unpaid),
                       soci::into(outstanding), soci::into(last_paid.value, last_paid.indicator);
                   if (!session_.got_data()) return std::optional<app::FeeProgress>();
                   app::FeeProgress p;
                   p.case_id = case_id;
                   p.lines = lines;
                   p.unpaid_lines = unpaid;
                   p.outstanding = core::Money::dong(outstanding);
                   p.last_paid_at = optional_time(last_paid);
                   return std::optional<app::FeeProgress>(p);
                 });
}

}  // namespace motcua::adapters::storage
