#include "app/reconciliation.h"

#include <set>

#include "core/access_policy.h"
#include "core/civil_time.h"

namespace motcua::app {
namespace {

using core::Money;
using core::PaymentState;

bool open_state(PaymentState s) {
  return s == PaymentState::kCreated || s == PaymentState::kPending;
}

std::string state_text(PaymentState s) { return std::string(core::to_string(s)); }

std::chrono::sys_seconds day_start(std::chrono::year_month_day day) {
  return core::from_vietnam_local(std::chrono::local_seconds(std::chrono::local_days(day)));
}

// What the comparison needs of a local request, read in one snapshot.
struct LocalFacts {
  PaymentRequestRecord request;
  std::string agency_code;
  std::int64_t repeated_deliveries = 0;  // callbacks recorded as duplicates
  Money overpaid;                        // overpayments this request recorded
};

core::Result<std::optional<LocalFacts>> read_local(Repositories& r, std::string_view gateway,
                                                   std::string_view reference,
                                                   std::string_view transaction_id) {
  auto found = reference.empty() ? r.payments().find_by_transaction(gateway, transaction_id)
                                 : r.payments().find_by_reference(reference);
  if (!found.ok()) return found.error();
  if (!found->has_value() && !reference.empty() && !transaction_id.empty()) {
    found = r.payments().find_by_transaction(gateway, transaction_id);
    if (!found.ok()) return found.error();
  }
  if (!found->has_value()) return std::optional<LocalFacts>();
  LocalFacts facts;
  facts.request = std::move(**found);
  auto record = r.cases().find_by_id(facts.request.case_id);
  if (!record.ok()) return record.error();
  if (record->has_value()) facts.agency_code = (*record)->receiving_agency_code;
  auto callbacks = r.payments().callbacks_for_request(facts.request.id);
  if (!callbacks.ok()) return callbacks.error();
  for (const PaymentCallbackRecord& c : callbacks.value()) {
    if (c.verdict == "duplicate") ++facts.repeated_deliveries;
  }
  auto overpayments = r.payments().overpayments_for_case(facts.request.case_id);
  if (!overpayments.ok()) return overpayments.error();
  for (const OverpaymentRecord& o : overpayments.value()) {
    if (o.request_id != facts.request.id) continue;
    auto sum = core::checked_add(facts.overpaid, o.amount);
    if (!sum.ok()) return sum.error();
    facts.overpaid = sum.value();
  }
  return std::optional<LocalFacts>(std::move(facts));
}

void describe_local(ReconciliationItemRecord& item, const PaymentRequestRecord& request,
                    std::string_view agency_code) {
  if (item.reference.empty()) item.reference = request.reference;
  if (item.transaction_id.empty()) item.transaction_id = request.transaction_id;
  item.case_code = request.case_code;
  item.agency_code = std::string(agency_code);
  item.local_state = state_text(request.state);
  item.local_amount = request.state == PaymentState::kSucceeded ? request.amount : Money{};
}

// A matched success that still shows money arriving twice: a repeated delivery, or an
// overpayment. Otherwise "matched".
void mark_repeats(ReconciliationItemRecord& item, const LocalFacts& facts) {
  item.kind = std::string(kReconMatched);
  item.action = std::string(kReconNone);
  if (facts.overpaid > Money{}) {
    item.kind = std::string(kReconDuplicate);
    item.action = std::string(kReconOverpaymentRecorded);
    item.note = core::format_vnd(facts.overpaid) +
                " arrived for fee lines already paid and is recorded as an overpayment to refund";
  } else if (facts.repeated_deliveries > 0) {
    item.kind = std::string(kReconDuplicate);
    item.action = std::string(kReconAppliedOnce);
    item.note = "the confirmation arrived " + std::to_string(facts.repeated_deliveries + 1) +
                " times and was applied once";
  }
}

core::Status add_to(Money& total, Money amount) {
  auto sum = core::checked_add(total, amount);
  if (!sum.ok()) return sum.error();
  total = sum.value();
  return {};
}

core::Status set_totals(ReconciliationReport& report) {
  report.platform_count = report.local_count = report.matched_count = 0;
  report.platform_total = report.local_total = Money{};
  for (const ReconciliationItemRecord& item : report.items) {
    if (item.platform_state == core::to_string(PaymentState::kSucceeded)) {
      ++report.platform_count;
      if (core::Status s = add_to(report.platform_total, item.platform_amount); !s.ok()) return s;
    }
    if (item.local_amount > Money{}) {
      ++report.local_count;
      if (core::Status s = add_to(report.local_total, item.local_amount); !s.ok()) return s;
    }
    if (item.kind == kReconMatched) ++report.matched_count;
  }
  return {};
}

}  // namespace

std::optional<std::chrono::year_month_day> scheduled_reconciliation_day(
    std::chrono::sys_seconds now, int at_minutes) {
  std::chrono::local_seconds local = core::to_vietnam_local(now);
  std::chrono::local_days today = std::chrono::floor<std::chrono::days>(local);
  if (local - today < std::chrono::minutes(at_minutes)) return std::nullopt;
  return std::chrono::year_month_day(today - std::chrono::days(1));
}

std::vector<const ReconciliationItemRecord*> ReconciliationReport::mismatches() const {
  std::vector<const ReconciliationItemRecord*> out;
  for (const ReconciliationItemRecord& item : items) {
    if (item.kind != kReconMatched) out.push_back(&item);
  }
  return out;
}

Reconciliation::Reconciliation(Store& store, PlatformReports& reports, OnlinePayment& payments,
                               const Clock& clock, std::string gateway_name, EventLog* log)
    : store_(store),
      reports_(reports),
      payments_(payments),
      clock_(clock),
      gateway_name_(std::move(gateway_name)),
      log_(log) {}

core::Result<ReconciliationReport> Reconciliation::run(std::chrono::year_month_day day,
                                                       std::string_view trigger) {
  if (!day.ok()) return core::invalid_input("not a calendar day");
  ReconciliationReport out;
  ReconciliationRunRecord& run = out.run;
  run.business_date = std::chrono::sys_days(day);
  run.started_at = clock_.now();
  run.trigger = std::string(trigger);
  core::Status created = store_.transact([&](Repositories& r) -> core::Status {
    auto id = r.reconciliations().create_run(run);
    if (!id.ok()) return id.error();
    run.id = id.value();
    return {};
  });
  if (!created.ok()) return created.error();

  core::Result<PlatformDayReport> file = reports_.daily_report(day);
  if (!file.ok()) {
    run.state = ReconciliationRunState::kFailed;
    run.error = file.error().message;
    run.finished_at = clock_.now();
    core::Status finished = store_.transact(
        [&](Repositories& r) -> core::Status { return r.reconciliations().finish_run(run); });
    if (log_) {
      log_->log(LogLevel::kError, "reconciliation.failed",
                {{"date", core::format_iso_date(day)}, {"error", run.error}});
    }
    if (!finished.ok()) return finished.error();
    return file.error();
  }

  const std::chrono::sys_seconds from = day_start(day);
  std::vector<PaymentRequestRecord> local;
  core::Status listed = store_.read([&](Repositories& r) -> core::Status {
    auto found = r.payments().changed_between(from, from + std::chrono::days(1));
    if (!found.ok()) return found.error();
    local = std::move(found.value());
    return {};
  });
  if (!listed.ok()) return listed.error();

  auto facts_of = [&](std::string_view reference,
                      std::string_view transaction_id) -> core::Result<std::optional<LocalFacts>> {
    std::optional<LocalFacts> facts;
    core::Status read = store_.read([&](Repositories& r) -> core::Status {
      auto found = read_local(r, gateway_name_, reference, transaction_id);
      if (!found.ok()) return found.error();
      facts = std::move(found.value());
      return {};
    });
    if (!read.ok()) return read.error();
    return facts;
  };
  // Asks the platform and applies its answer (OnlinePayment::settle_by_query); fills the
  // item's local side and action from what became of the request.
  auto query = [&](ReconciliationItemRecord& item, const LocalFacts& facts,
                   std::string_view transaction_id) {
    PaymentState before = facts.request.state;
    core::Result<PaymentRequestView> after =
        payments_.settle_by_query(facts.request.reference, transaction_id);
    if (!after.ok()) {
      item.action = std::string(kReconQueryFailed);
      item.note += "; the status query failed: " + after.error().message;
      return;
    }
    item.local_state = state_text(after->state);
    if (after->state == PaymentState::kSucceeded) {
      item.local_amount = after->amount;
      item.action = std::string(kReconSettledAfterQuery);
      item.note += "; settled after a status query (it was " + state_text(before) + " here)";
    } else if (after->state != before) {
      item.action = std::string(kReconUpdatedAfterQuery);
      item.note += "; the status query moved it from " + state_text(before) + " to " +
                   state_text(after->state);
    } else {
      item.action = std::string(kReconNone);
      item.note += "; the status query still says " + state_text(after->state);
    }
  };

  std::set<std::string> seen_rows;
  std::set<std::int64_t> covered;
  for (const PlatformReportRow& row : file->rows) {
    ReconciliationItemRecord item;
    item.reference = row.reference;
    item.transaction_id = row.transaction_id;
    item.platform_state = state_text(row.state);
    item.platform_amount = row.state == PaymentState::kSucceeded ? row.amount : Money{};
    auto facts = facts_of(row.reference, row.transaction_id);
    if (!facts.ok()) return facts.error();
    std::string key = row.transaction_id.empty() ? "ref:" + row.reference : row.transaction_id;
    if (!seen_rows.insert(key).second) {
      if (facts->has_value()) {
        item.case_code = (*facts)->request.case_code;
        item.agency_code = (*facts)->agency_code;
        item.local_state = state_text((*facts)->request.state);
      }
      item.kind = std::string(kReconDuplicate);
      item.action = std::string(kReconAppliedOnce);
      item.note = "the file lists transaction " + key + " again; the repeated row was not applied";
      out.items.push_back(std::move(item));
      continue;
    }
    if (!facts->has_value()) {
      item.kind =
          std::string(row.state == PaymentState::kSucceeded ? kReconPaidNotHere : kReconMatched);
      item.action = std::string(row.state == PaymentState::kSucceeded ? kReconReview : kReconNone);
      item.note = "no payment request here has reference " + row.reference;
      out.items.push_back(std::move(item));
      continue;
    }
    const LocalFacts& here = **facts;
    covered.insert(here.request.id);
    describe_local(item, here.request, here.agency_code);
    const PaymentState mine = here.request.state;
    if (row.state == PaymentState::kSucceeded) {
      if (row.amount != here.request.amount) {
        item.kind = std::string(kReconAmountDiffers);
        item.action = std::string(kReconReview);
        item.note = "the platform collected " + core::format_vnd(row.amount) +
                    " for a request of " + core::format_vnd(here.request.amount);
      } else if (mine == PaymentState::kSucceeded) {
        mark_repeats(item, here);
      } else {
        item.kind = std::string(kReconPaidNotHere);
        item.note = "paid at the platform, " + state_text(mine) + " here";
        query(item, here, row.transaction_id);
      }
    } else if (mine == PaymentState::kSucceeded) {
      item.kind = std::string(kReconNotAtPlatform);
      item.action = std::string(kReconReview);
      item.note = "settled here, " + state_text(row.state) + " at the platform";
    } else if (open_state(mine) && !open_state(row.state)) {
      item.kind = std::string(kReconNotAtPlatform);
      item.note = "open here, " + state_text(row.state) + " at the platform: never completed";
      query(item, here, row.transaction_id);
    } else {
      item.kind = std::string(kReconMatched);
      item.action = std::string(kReconNone);
    }
    out.items.push_back(std::move(item));
  }

  for (const PaymentRequestRecord& request : local) {
    if (covered.contains(request.id)) continue;
    auto facts = facts_of(request.reference, request.transaction_id);
    if (!facts.ok()) return facts.error();
    if (!facts->has_value()) continue;  // gone since listed: nothing to compare
    const LocalFacts& here = **facts;
    ReconciliationItemRecord item;
    describe_local(item, here.request, here.agency_code);
    const PaymentState mine = here.request.state;
    item.kind = std::string(kReconNotAtPlatform);
    if (mine == PaymentState::kSucceeded) {
      item.action = std::string(kReconReview);
      item.note = "settled here, absent from the platform's file";
    } else if (here.request.transaction_id.empty()) {
      item.action = std::string(kReconNone);
      item.note = "the platform never answered this request; nothing was paid";
    } else if (open_state(mine)) {
      item.note = "open here, absent from the platform's file";
      query(item, here, "");
    } else {
      item.kind = std::string(kReconMatched);  // ended unpaid here; changed there another day
      item.action = std::string(kReconNone);
    }
    out.items.push_back(std::move(item));
  }

  if (core::Status totalled = set_totals(out); !totalled.ok()) return totalled.error();
  run.platform_count = out.platform_count;
  run.platform_total = out.platform_total;
  run.local_count = out.local_count;
  run.local_total = out.local_total;
  run.matched_count = out.matched_count;
  run.mismatch_count = static_cast<std::int64_t>(out.items.size()) - out.matched_count;
  run.state = ReconciliationRunState::kSucceeded;
  run.finished_at = clock_.now();
  core::Status stored = store_.transact([&](Repositories& r) -> core::Status {
    for (ReconciliationItemRecord& item : out.items) {
      item.run_id = run.id;
      auto id = r.reconciliations().add_item(item);
      if (!id.ok()) return id.error();
      item.id = id.value();
    }
    return r.reconciliations().finish_run(run);
  });
  if (!stored.ok()) return stored.error();
  if (log_) {
    log_->log(LogLevel::kInfo, "reconciliation",
              {{"date", core::format_iso_date(day)},
               {"run", run.id},
               {"platform_count", run.platform_count},
               {"platform_total", run.platform_total.in_dong()},
               {"local_count", run.local_count},
               {"local_total", run.local_total.in_dong()},
               {"matched", run.matched_count},
               {"mismatches", run.mismatch_count}});
  }
  return out;
}

core::Result<bool> Reconciliation::reconciled(std::chrono::year_month_day day) const {
  bool done = false;
  core::Status read = store_.read([&](Repositories& r) -> core::Status {
    auto runs = r.reconciliations().runs_for_date(std::chrono::sys_days(day));
    if (!runs.ok()) return runs.error();
    done = false;
    for (const ReconciliationRunRecord& run : runs.value()) {
      if (run.state == ReconciliationRunState::kSucceeded) done = true;
    }
    return {};
  });
  if (!read.ok()) return read.error();
  return done;
}

core::Result<std::optional<ReconciliationReport>> Reconciliation::latest(
    std::chrono::year_month_day day, std::string_view agency_root) const {
  std::optional<ReconciliationReport> out;
  core::Status read = store_.read([&](Repositories& r) -> core::Status {
    out.reset();
    auto runs = r.reconciliations().runs_for_date(std::chrono::sys_days(day));
    if (!runs.ok()) return runs.error();
    if (runs->empty()) return {};
    ReconciliationReport report;
    report.run = runs->front();
    auto items = r.reconciliations().items_of_run(report.run.id);
    if (!items.ok()) return items.error();
    for (ReconciliationItemRecord& item : items.value()) {
      if (agency_root.empty() ||
          (!item.agency_code.empty() && core::is_agency_within(item.agency_code, agency_root))) {
        report.items.push_back(std::move(item));
      }
    }
    if (core::Status totalled = set_totals(report); !totalled.ok()) return totalled;
    out = std::move(report);
    return {};
  });
  if (!read.ok()) return read.error();
  return out;
}

}  // namespace motcua::app
