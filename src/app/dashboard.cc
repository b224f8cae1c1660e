#include "app/dashboard.h"

#include "app/case_lookup.h"

namespace motcua::app {

using core::CaseStatus;
using core::Status;

bool is_work_list_status(CaseStatus status) {
  switch (status) {
    case CaseStatus::kNew:
    case CaseStatus::kAccepted:
    case CaseStatus::kProcessing:
    case CaseStatus::kSupplementRequested:
    case CaseStatus::kFinancialObligation:
    case CaseStatus::kProcessed:
      return true;
    default:
      return false;
  }
}

core::Result<DashboardCounters> dashboard_counters(Store& store, const core::StaffMember& actor,
                                                   core::CaseScopeKind kind) {
  core::Result<core::CaseScope> scope = core::grant_scope(actor, kind);
  if (!scope.ok()) return scope.error();
  core::Result<core::CaseScope> work_scope = core::grant_scope(actor, core::CaseScopeKind::kUnit);
  if (!work_scope.ok()) work_scope = core::grant_scope(actor, core::CaseScopeKind::kOwn);
  if (!work_scope.ok()) return work_scope.error();

  DashboardCounters counters;
  counters.scope = *scope;
  Status read = store.read([&](Repositories& repos) -> Status {
    CaseQuery in_scope;
    if (apply_scope(in_scope, *scope)) {
      core::Result<std::map<CaseStatus, std::int64_t>> counts =
          repos.cases().count_by_status(in_scope);
      if (!counts.ok()) return counts.error();
      counters.by_status = std::move(counts.value());
    }
    CaseQuery in_work_scope;
    counters.work_list = 0;
    if (apply_scope(in_work_scope, *work_scope)) {
      core::Result<std::map<CaseStatus, std::int64_t>> counts =
          repos.cases().count_by_status(in_work_scope);
      if (!counts.ok()) return counts.error();
      for (const auto& [status, count] : *counts) {
        if (is_work_list_status(status)) counters.work_list += count;
      }
    }
    return {};
  });
  if (!read.ok()) return read.error();
  auto count_of = [&](CaseStatus status) {
    auto it = counters.by_status.find(status);
    return it == counters.by_status.end() ? std::int64_t{0} : it->second;
  };
  counters.cancelled = count_of(CaseStatus::kCancelled);
  counters.result_returned = count_of(CaseStatus::kResultReturned);
  counters.withdrawn = count_of(CaseStatus::kWithdrawalRequested);
  return counters;
}

}  // namespace motcua::app
