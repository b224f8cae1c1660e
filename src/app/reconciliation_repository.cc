#include "app/reconciliation_repository.h"

#include "app/platform_reports.h"

namespace motcua::app {

ReconciliationRepository::~ReconciliationRepository() = default;
PlatformReports::~PlatformReports() = default;

std::string_view to_string(ReconciliationRunState state) {
  switch (state) {
    case ReconciliationRunState::kRunning:
      return "running";
    case ReconciliationRunState::kSucceeded:
      return "succeeded";
    case ReconciliationRunState::kFailed:
      return "failed";
  }
  return "";
}

std::optional<ReconciliationRunState> reconciliation_run_state_from(std::string_view text) {
  for (ReconciliationRunState s :
       {ReconciliationRunState::kRunning, ReconciliationRunState::kSucceeded,
        ReconciliationRunState::kFailed}) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

}  // namespace motcua::app
