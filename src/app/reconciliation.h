#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/event_log.h"
#include "app/online_payment.h"
#include "app/platform_reports.h"
#include "app/reconciliation_repository.h"
#include "app/store.h"
#include "core/money.h"
#include "core/result.h"

namespace motcua::app {

// Item kinds (ReconciliationItemRecord::kind).
inline constexpr std::string_view kReconMatched = "matched";
// Paid at the platform, not settled here (a lost or refused confirmation).
inline constexpr std::string_view kReconPaidNotHere = "paid_not_here";
// Here but not at the platform: settled here without a success there, or a request of the day
// the platform did not complete (never received, or ended unpaid while open here).
inline constexpr std::string_view kReconNotAtPlatform = "not_at_platform";
// The platform's amount is not the request's.
inline constexpr std::string_view kReconAmountDiffers = "amount_differs";
// Something arrived more than once: a repeated row in the file, repeated deliveries of a
// confirmation, or money for lines already paid (an overpayment).
inline constexpr std::string_view kReconDuplicate = "duplicate";

// Actions (ReconciliationItemRecord::action).
inline constexpr std::string_view kReconNone = "none";
inline constexpr std::string_view kReconSettledAfterQuery = "settled_after_query";
inline constexpr std::string_view kReconUpdatedAfterQuery = "updated_after_query";
inline constexpr std::string_view kReconQueryFailed = "query_failed";
inline constexpr std::string_view kReconReview = "review";             // left for a person to check
inline constexpr std::string_view kReconAppliedOnce = "applied_once";  // repeats not applied
inline constexpr std::string_view kReconOverpaymentRecorded = "overpayment_recorded";

// The day a once-a-day job reconciles at `now`: yesterday in Vietnam time, once the Vietnam
// time of day has reached `at_minutes` after midnight; before that, nullopt.
std::optional<std::chrono::year_month_day> scheduled_reconciliation_day(
    std::chrono::sys_seconds now, int at_minutes);

// A run with its items, and totals over the items shown (all, or one unit's).
struct ReconciliationReport {
  ReconciliationRunRecord run;
  std::vector<ReconciliationItemRecord> items;  // shown ones, "matched" included
  std::int64_t platform_count = 0;              // succeeded at the platform
  core::Money platform_total;
  std::int64_t local_count = 0;  // settled here
  core::Money local_total;
  std::int64_t matched_count = 0;
  std::vector<const ReconciliationItemRecord*> mismatches() const;
};

// The daily reconciliation (đối soát): the platform's file of one Vietnam-local day against
// motcua's payment requests of that day (settled that day, or never settled and created that
// day). A success at the platform that motcua has not settled is settled by a status query
// through OnlinePayment, on the same exactly-once path as a callback, so a rerun, a late
// callback or a concurrent run never pays a line twice. Every run is recorded, a failed one
// too; a rerun of a day is a new run.
class Reconciliation {
 public:
  Reconciliation(Store& store, PlatformReports& reports, OnlinePayment& payments,
                 const Clock& clock, std::string gateway_name = "payment-platform",
                 EventLog* log = nullptr);

  // Fetches the day's file and compares it. `trigger` says who asked ("cli", "schedule",
  // "staff:12"). When the file cannot be fetched or verified the run is recorded as failed
  // and the error returned (kUnavailable, kInvalidInput); kStorage when nothing could be
  // recorded.
  core::Result<ReconciliationReport> run(std::chrono::year_month_day day, std::string_view trigger);

  // Whether a succeeded run of the day exists (the scheduled job runs a day once).
  core::Result<bool> reconciled(std::chrono::year_month_day day) const;

  // The newest run of the day (a running or failed one included), its items limited to the
  // cases whose receiving unit is within `agency_root` (empty: all items, including rows
  // motcua has no request for). nullopt when the day was never reconciled.
  core::Result<std::optional<ReconciliationReport>> latest(std::chrono::year_month_day day,
                                                           std::string_view agency_root) const;

 private:
  Store& store_;
  PlatformReports& reports_;
  OnlinePayment& payments_;
  const Clock& clock_;
  std::string gateway_name_;
  EventLog* log_;
};

}  // namespace motcua::app
