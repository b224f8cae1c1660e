#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"

namespace motcua::app {

// Đối soát: one comparison of the payment platform's daily file with motcua's payment requests
// of one Vietnam-local business day. A rerun of a day is a new run; runs are never rewritten
// once finished.
enum class ReconciliationRunState {
  kRunning,    // started, not finished (or the process died while running)
  kSucceeded,  // the file was fetched, verified and every row compared
  kFailed,     // the file could not be fetched or verified; `error` says why
};
std::string_view to_string(ReconciliationRunState state);  // "running", "succeeded", "failed"
std::optional<ReconciliationRunState> reconciliation_run_state_from(std::string_view text);

struct ReconciliationRunRecord {
  std::int64_t id = 0;
  std::chrono::sys_days business_date{};  // the Vietnam-local day reconciled
  std::chrono::sys_seconds started_at{};
  std::optional<std::chrono::sys_seconds> finished_at;
  ReconciliationRunState state = ReconciliationRunState::kRunning;
  std::string trigger;  // "cli", "schedule", "staff:<id>"
  // Succeeded transactions: the platform's rows and motcua's settled requests of the day.
  std::int64_t platform_count = 0;
  core::Money platform_total;
  std::int64_t local_count = 0;
  core::Money local_total;
  std::int64_t matched_count = 0;
  std::int64_t mismatch_count = 0;
  std::string error;  // English, for a failed run
};

// One transaction a run compared. `kind` is "matched" or a mismatch kind, `action` what the
// run did (see app/reconciliation.h for the vocabularies).
struct ReconciliationItemRecord {
  std::int64_t id = 0;
  std::int64_t run_id = 0;
  std::string kind;
  std::string reference;       // motcua's request reference ("PR-000123"), if known
  std::string transaction_id;  // the platform's id, if known
  std::string case_code;
  std::string agency_code;      // the case's receiving unit; empty when no request is known
  std::string platform_state;   // "succeeded", ...; empty when the platform has no row
  std::string local_state;      // after the run's action; empty when motcua has no request
  core::Money platform_amount;  // what the platform collected (succeeded rows), else 0
  core::Money local_amount;     // what motcua settled for the request, else 0
  std::string action;
  std::string note;  // English detail for the log and the page
};

class ReconciliationRepository {
 public:
  virtual ~ReconciliationRepository();
  // Stores a new run (run.id ignored); returns its id.
  virtual core::Result<std::int64_t> create_run(const ReconciliationRunRecord& run) = 0;
  // Writes the finished run's state, finish time, counts, totals and error. kNotFound for no
  // such run.
  virtual core::Status finish_run(const ReconciliationRunRecord& run) = 0;
  virtual core::Result<std::int64_t> add_item(const ReconciliationItemRecord& item) = 0;
  virtual core::Result<std::optional<ReconciliationRunRecord>> find_run(std::int64_t id) = 0;
  // The runs of one business day, newest first.
  virtual core::Result<std::vector<ReconciliationRunRecord>> runs_for_date(
      std::chrono::sys_days business_date) = 0;
  // The run's items in the order they were added.
  virtual core::Result<std::vector<ReconciliationItemRecord>> items_of_run(std::int64_t run_id) = 0;
};

}  // namespace motcua::app
