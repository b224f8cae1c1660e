#include "adapters/storage/sql_reconciliation_repository.h"

#include <soci/soci.h>

#include "adapters/storage/sql_error.h"
#include "adapters/storage/sql_support.h"

namespace motcua::adapters::storage {
namespace {

constexpr const char* kRunColumns =
    "id, business_date, started_at, finished_at, state, trigger_source, platform_count,"
    " platform_total, local_count, local_total, matched_count, mismatch_count, error";

}  // namespace

SqlReconciliationRepository::SqlReconciliationRepository(soci::session& session, Engine)
    : session_(session) {}

SqlReconciliationRepository::~SqlReconciliationRepository() = default;

core::Result<std::int64_t> SqlReconciliationRepository::create_run(
    const app::ReconciliationRunRecord& run) {
  return guarded("storing a reconciliation run", [&]() -> core::Result<std::int64_t> {
    long long day = to_column(run.business_date), started = to_column(run.started_at);
    long long zero = 0, id = 0;
    std::string state(app::to_string(run.state));
    session_ << "INSERT INTO reconciliation_runs (business_date, started_at, finished_at, state,"
                " trigger_source, platform_count, platform_total, local_count, local_total,"
                " matched_count, mismatch_count, error) VALUES (:d, :s, NULL, :st, :tr, :z1,"
                " :z2, :z3, :z4, :z5, :z6, :e) RETURNING id",
        soci::use(day), soci::use(started), soci::use(state), soci::use(run.trigger),
        soci::use(zero), soci::use(zero), soci::use(zero), soci::use(zero), soci::use(zero),
        soci::use(zero), soci::use(run.error), soci::into(id);
    return std::int64_t{id};
  });
}

core::Status SqlReconciliationRepository::finish_run(const app::ReconciliationRunRecord& run) {
  return guarded("finishing a reconciliation run", [&]() -> core::Status {
    long long id = run.id;
    NullableInt finished;
    finished.set(run.finished_at ? std::optional<long long>(to_column(*run.finished_at))
                                 : std::nullopt);
    long long pc = run.platform_count, pt = run.platform_total.in_dong();
    long long lc = run.local_count, lt = run.local_total.in_dong();
    long long mc = run.matched_count, xc = run.mismatch_count;
    std::string state(app::to_string(run.state));
    soci::statement st =
        (session_.prepare << "UPDATE reconciliation_runs SET finished_at = :f, state = :s,"
                             " platform_count = :pc, platform_total = :pt, local_count = :lc,"
                             " local_total = :lt, matched_count = :mc, mismatch_count = :xc,"
                             " error = :e WHERE id = :id",
         soci::use(finished.value, finished.indicator), soci::use(state), soci::use(pc),
         soci::use(pt), soci::use(lc), soci::use(lt), soci::use(mc), soci::use(xc),
         soci::use(run.error), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      return core::Error{core::ErrorKind::kNotFound,
                         "there is no reconciliation run " + std::to_string(id)};
    }
    return {};
  });
}

core::Result<std::int64_t> SqlReconciliationRepository::add_item(
    const app::ReconciliationItemRecord& item) {
  return guarded("storing a reconciliation item", [&]() -> core::Result<std::int64_t> {
    long long run = item.run_id, pa = item.platform_amount.in_dong();
    long long la = item.local_amount.in_dong(), id = 0;
    session_ << "INSERT INTO reconciliation_items (run_id, kind, reference, transaction_id,"
                " case_code, agency_code, platform_state, local_state, platform_amount,"
                " local_amount, action, note) VALUES (:r, :k, :ref, :t, :c, :a, :ps, :ls, :pa,"
                " :la, :act, :n) RETURNING id",
        soci::use(run), soci::use(item.kind), soci::use(item.reference),
        soci::use(item.transaction_id), soci::use(item.case_code), soci::use(item.agency_code),
        soci::use(item.platform_state), soci::use(item.local_state), soci::use(pa), soci::use(la),
        soci::use(item.action), soci::use(item.note), soci::into(id);
    return std::int64_t{id};
  });
}

std::vector<app::ReconciliationRunRecord> SqlReconciliationRepository::select_runs(
    const std::string& where, long long key) {
  long long id = 0, day = 0, started = 0, pc = 0, pt = 0, lc = 0, lt = 0, mc = 0, xc = 0;
  NullableInt finished;
  std::string state, trigger, error;
  soci::statement st =
      (session_.prepare << std::string("SELECT ") + kRunColumns +
                               " FROM reconciliation_runs WHERE " + where + " ORDER BY id DESC",
       soci::use(key), soci::into(id), soci::into(day), soci::into(started),
       soci::into(finished.value, finished.indicator), soci::into(state), soci::into(trigger),
       soci::into(pc), soci::into(pt), soci::into(lc), soci::into(lt), soci::into(mc),
       soci::into(xc), soci::into(error));
  std::vector<app::ReconciliationRunRecord> out;
  if (st.execute(true)) {
    do {
      app::ReconciliationRunRecord r;
      r.id = id;
      r.business_date = days_from_column(day);
      r.started_at = seconds_from_column(started);
      if (auto f = finished.get()) r.finished_at = seconds_from_column(*f);
      r.state =
          app::reconciliation_run_state_from(state).value_or(app::ReconciliationRunState::kFailed);
      r.trigger = trigger;
      r.platform_count = pc;
      r.platform_total = core::Money::dong(pt);
      r.local_count = lc;
      r.local_total = core::Money::dong(lt);
      r.matched_count = mc;
      r.mismatch_count = xc;
      r.error = error;
      out.push_back(std::move(r));
    } while (st.fetch());
  }
  return out;
}

core::Result<std::optional<app::ReconciliationRunRecord>> SqlReconciliationRepository::find_run(
    std::int64_t id) {
  return guarded("reading a reconciliation run",
                 [&]() -> core::Result<std::optional<app::ReconciliationRunRecord>> {
                   auto found = select_runs("id = :id", id);
                   if (found.empty()) return std::optional<app::ReconciliationRunRecord>();
                   return std::optional<app::ReconciliationRunRecord>(std::move(found.front()));
                 });
}

core::Result<std::vector<app::ReconciliationRunRecord>> SqlReconciliationRepository::runs_for_date(
    std::chrono::sys_days business_date) {
  return guarded("listing reconciliation runs",
                 [&]() -> core::Result<std::vector<app::ReconciliationRunRecord>> {
                   return select_runs("business_date = :d", to_column(business_date));
                 });
}

core::Result<std::vector<app::ReconciliationItemRecord>> SqlReconciliationRepository::items_of_run(
    std::int64_t run_id) {
  return guarded(
      "reading reconciliation items",
      [&]() -> core::Result<std::vector<app::ReconciliationItemRecord>> {
        long long key = run_id, id = 0, pa = 0, la = 0;
        app::ReconciliationItemRecord i;
        soci::statement st =
            (session_.prepare << "SELECT id, kind, reference, transaction_id, case_code,"
                                 " agency_code, platform_state, local_state, platform_amount,"
                                 " local_amount, action, note FROM reconciliation_items"
                                 " WHERE run_id = :r ORDER BY id",
             soci::use(key), soci::into(id), soci::into(i.kind), soci::into(i.reference),
             soci::into(i.transaction_id), soci::into(i.case_code), soci::into(i.agency_code),
             soci::into(i.platform_state), soci::into(i.local_state), soci::into(pa),
             soci::into(la), soci::into(i.action), soci::into(i.note));
        std::vector<app::ReconciliationItemRecord> out;
        if (st.execute(true)) {
          do {
            i.id = id;
            i.run_id = run_id;
            i.platform_amount = core::Money::dong(pa);
            i.local_amount = core::Money::dong(la);
            out.push_back(i);
          } while (st.fetch());
        }
        return out;
      });
}

}  // namespace motcua::adapters::storage
