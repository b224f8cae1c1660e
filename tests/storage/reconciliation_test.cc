// The daily reconciliation (app::Reconciliation) and the payment history (app::PaymentHistory)
// against the real store on both engines, with the platform's file and status answers faked.
#include "app/reconciliation.h"

#include <gtest/gtest.h>

#include "../fakes/fake_payment_gateway.h"
#include "../fakes/fake_platform_reports.h"
#include "app/payment_history.h"
#include "console_fixture.h"
#include "core/civil_time.h"
#include "fixtures.h"

namespace motcua::testing {
namespace {

using namespace std::chrono_literals;
using core::Money;
using core::PaymentState;

using FakeReports = FakePlatformReports;

constexpr std::chrono::year_month_day kDay{std::chrono::year(2024), std::chrono::April,
                                           std::chrono::day(26)};

class Reconciliation : public ConsoleTest {
 protected:
  void SetUp() override {
    ConsoleTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    settings_.public_base_url = "https://motcua.example";
    payments_ = std::make_unique<app::OnlinePayment>(store(), gateway_, *clock_, settings_);
    reconciliation_ = std::make_unique<app::Reconciliation>(store(), reports_, *payments_, *clock_);
  }

  // A stored case of the ward with one unpaid line of `amount`.
  core::CaseRecord add_case(const std::string& code, std::int64_t amount,
                            const std::string& unit = "H34.22.6") {
    core::CaseRecord c = guide_case();
    c.code = code;
    c.receiving_agency_code = c.processing_agency_code = unit;
    c.fee_lines.clear();
    core::FeeLine l;
    l.name = "Lệ phí " + code;
    l.unit_amount = l.amount = Money::dong(amount);
    c.fee_lines.push_back(l);
    core::Status s = store().transact([&](app::Repositories& r) -> core::Status {
      auto id = r.cases().insert(c);
      return id.ok() ? core::Status{} : core::Status{id.error()};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return c;
  }

  app::PaymentStart start(const std::string& code) {
    auto started = payments_->start(code);
    EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error().message);
    return started.ok() ? started.value() : app::PaymentStart{};
  }

  app::GatewayOutcome success(const app::PaymentStart& s, const std::string& event_id) {
    app::GatewayOutcome o;
    o.event_id = event_id;
    o.transaction_id = "TX-" + s.reference;
    o.reference = s.reference;
    o.state = PaymentState::kSucceeded;
    o.amount = s.amount;
    o.currency = "VND";
    o.paid_at = 1714091400;  // 26/04/2024 07:30 (+07)
    o.channel = {"bank", "970415", "VietinBank"};
    o.provider_reference = "FT" + s.reference;
    return o;
  }

  void row(const app::PaymentStart& s, PaymentState state, std::int64_t amount = -1) {
    reports_.report.rows.push_back({"TX-" + s.reference, s.reference, state,
                                    Money::dong(amount < 0 ? s.amount.in_dong() : amount),
                                    state == PaymentState::kSucceeded ? 1714091400 : 0, "970415",
                                    ""});
  }

  // Paid lines and receipts of a case.
  std::pair<int, int> paid_and_receipts(const std::string& code) {
    int paid = 0, receipts = 0;
    core::Status s = store().read([&](app::Repositories& r) -> core::Status {
      auto found = r.cases().find_by_code(code);
      if (!found.ok()) return found.error();
      for (const core::FeeLine& l : (*found)->fee_lines) paid += l.paid ? 1 : 0;
      auto list = r.receipts().list_for_case((*found)->id);
      if (!list.ok()) return list.error();
      receipts = static_cast<int>(list->size());
      return {};
    });
    EXPECT_TRUE(s.ok());
    return {paid, receipts};
  }

  static const app::ReconciliationItemRecord* item_for(const app::ReconciliationReport& report,
                                                       const std::string& reference,
                                                       std::string_view kind) {
    for (const auto& item : report.items) {
      if (item.reference == reference && item.kind == kind) return &item;
    }
    return nullptr;
  }

  FakePaymentGateway gateway_;
  FakeReports reports_;
  app::OnlinePaymentSettings settings_;
  std::unique_ptr<app::OnlinePayment> payments_;
  std::unique_ptr<app::Reconciliation> reconciliation_;
};

TEST_P(Reconciliation, FindsEveryKindOfMismatchAndPaysNothingTwice) {
  // matched
  add_case("H34.22.6-240426-0101", 3000);
  app::PaymentStart matched = start("H34.22.6-240426-0101");
  ASSERT_TRUE(payments_->apply(success(matched, "EV-1"), "{}").ok());
  row(matched, PaymentState::kSucceeded);
  // paid at the platform, the callback lost
  add_case("H34.22.6-240426-0102", 2000);
  app::PaymentStart lost = start("H34.22.6-240426-0102");
  gateway_.set_state("TX-" + lost.reference, PaymentState::kSucceeded, 1714091400);
  row(lost, PaymentState::kSucceeded);
  // the platform collected another amount
  add_case("H34.22.6-240426-0103", 1000);
  app::PaymentStart differs = start("H34.22.6-240426-0103");
  row(differs, PaymentState::kSucceeded, 1500);
  // a confirmation delivered twice, and its row listed twice in the file
  add_case("H34.22.6-240426-0104", 4000);
  app::PaymentStart twice = start("H34.22.6-240426-0104");
  ASSERT_TRUE(payments_->apply(success(twice, "EV-4"), "{}").ok());
  ASSERT_EQ(payments_->apply(success(twice, "EV-4"), "{}")->verdict, app::ApplyVerdict::kDuplicate);
  row(twice, PaymentState::kSucceeded);
  row(twice, PaymentState::kSucceeded);
  // open here, cancelled at the platform (its callback lost)
  add_case("H34.22.6-240426-0105", 5000);
  app::PaymentStart abandoned = start("H34.22.6-240426-0105");
  gateway_.set_state("TX-" + abandoned.reference, PaymentState::kCancelled);
  row(abandoned, PaymentState::kCancelled);
  // the platform never answered the create call: absent from the file
  add_case("H34.22.6-240426-0106", 6000);
  gateway_.set_down(true);
  ASSERT_FALSE(payments_->start("H34.22.6-240426-0106").ok());
  gateway_.set_down(false);
  // a success motcua never asked for
  reports_.report.rows.push_back({"PP-STRANGER", "PR-999999", PaymentState::kSucceeded,
                                  Money::dong(7000), 1714091400, "", ""});

  auto report = reconciliation_->run(kDay, "cli");
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->run.state, app::ReconciliationRunState::kSucceeded);

  EXPECT_NE(item_for(*report, matched.reference, app::kReconMatched), nullptr);
  const auto* settled = item_for(*report, lost.reference, app::kReconPaidNotHere);
  ASSERT_NE(settled, nullptr);
  EXPECT_EQ(settled->action, app::kReconSettledAfterQuery);
  EXPECT_EQ(settled->local_state, "succeeded");
  EXPECT_EQ(settled->local_amount, Money::dong(2000));
  EXPECT_EQ(paid_and_receipts("H34.22.6-240426-0102"), std::make_pair(1, 1));
  const auto* amount = item_for(*report, differs.reference, app::kReconAmountDiffers);
  ASSERT_NE(amount, nullptr);
  EXPECT_EQ(amount->action, app::kReconReview);
  EXPECT_EQ(paid_and_receipts("H34.22.6-240426-0103"), std::make_pair(0, 0));
  int twice_items = 0;
  for (const auto& item : report->items) {
    if (item.reference != twice.reference) continue;
    ++twice_items;
    EXPECT_EQ(item.kind, app::kReconDuplicate);
    EXPECT_EQ(item.action, app::kReconAppliedOnce);
  }
  EXPECT_EQ(twice_items, 2);  // the repeated delivery, and the repeated row
  EXPECT_EQ(paid_and_receipts("H34.22.6-240426-0104"), std::make_pair(1, 1));
  const auto* cancelled = item_for(*report, abandoned.reference, app::kReconNotAtPlatform);
  ASSERT_NE(cancelled, nullptr);
  EXPECT_EQ(cancelled->action, app::kReconUpdatedAfterQuery);
  EXPECT_EQ(cancelled->local_state, "cancelled");
  const app::ReconciliationItemRecord* never = nullptr;
  for (const auto& item : report->items) {
    if (item.case_code == "H34.22.6-240426-0106") never = &item;
  }
  ASSERT_NE(never, nullptr);
  EXPECT_EQ(never->kind, app::kReconNotAtPlatform);
  EXPECT_EQ(never->action, app::kReconNone);
  EXPECT_EQ(never->platform_state, "");
  const auto* stranger = item_for(*report, "PR-999999", app::kReconPaidNotHere);
  ASSERT_NE(stranger, nullptr);
  EXPECT_EQ(stranger->action, app::kReconReview);

  // Platform: matched 3.000, lost 2.000, differs 1.500, twice 4.000 x2, stranger 7.000.
  EXPECT_EQ(report->platform_count, 6);
  EXPECT_EQ(report->platform_total, Money::dong(3000 + 2000 + 1500 + 8000 + 7000));
  // Here: matched, lost (settled by the run), twice once.
  EXPECT_EQ(report->local_count, 3);
  EXPECT_EQ(report->local_total, Money::dong(3000 + 2000 + 4000));
  EXPECT_EQ(report->matched_count, 1);
  EXPECT_EQ(report->run.mismatch_count, static_cast<std::int64_t>(report->mismatches().size()));

  // A rerun is a new run; the lost payment is matched now and nothing is paid again.
  int queries = gateway_.queries();
  auto again = reconciliation_->run(kDay, "cli");
  ASSERT_TRUE(again.ok());
  EXPECT_NE(again->run.id, report->run.id);
  EXPECT_NE(item_for(*again, lost.reference, app::kReconMatched), nullptr);
  EXPECT_EQ(paid_and_receipts("H34.22.6-240426-0102"), std::make_pair(1, 1));
  EXPECT_EQ(paid_and_receipts("H34.22.6-240426-0104"), std::make_pair(1, 1));
  EXPECT_EQ(paid_and_receipts("H34.22.6-240426-0103"), std::make_pair(0, 0));
  EXPECT_EQ(gateway_.queries(), queries);  // nothing left to ask about
  EXPECT_EQ(again->local_count, 3);

  // The stored run reads back the same, and is the latest of the day.
  auto latest = reconciliation_->latest(kDay, "");
  ASSERT_TRUE(latest.ok());
  ASSERT_TRUE(latest->has_value());
  EXPECT_EQ((*latest)->run.id, again->run.id);
  EXPECT_EQ((*latest)->items.size(), again->items.size());
  EXPECT_EQ((*latest)->platform_total, again->platform_total);
  EXPECT_TRUE(*reconciliation_->reconciled(kDay));
  std::optional<app::ReconciliationRunRecord> first;
  ASSERT_TRUE(store()
                  .read([&](app::Repositories& r) -> core::Status {
                    auto found = r.reconciliations().find_run(report->run.id);
                    if (!found.ok()) return found.error();
                    first = found.value();
                    return {};
                  })
                  .ok());
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->business_date, std::chrono::sys_days(kDay));
  EXPECT_EQ(first->platform_total, report->platform_total);
  EXPECT_EQ(first->local_total, report->local_total);
  EXPECT_EQ(first->matched_count, 1);
  EXPECT_EQ(first->mismatch_count, report->run.mismatch_count);
  EXPECT_EQ(first->trigger, "cli");
}

TEST_P(Reconciliation, SettledHereButFailedAtThePlatformIsLeftForReview) {
  add_case("H34.22.6-240426-0201", 3000);
  app::PaymentStart s = start("H34.22.6-240426-0201");
  ASSERT_TRUE(payments_->apply(success(s, "EV-1"), "{}").ok());
  row(s, PaymentState::kFailed);
  auto report = reconciliation_->run(kDay, "cli");
  ASSERT_TRUE(report.ok());
  const auto* item = item_for(*report, s.reference, app::kReconNotAtPlatform);
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->action, app::kReconReview);
  EXPECT_EQ(paid_and_receipts("H34.22.6-240426-0201"), std::make_pair(1, 1));
}

TEST_P(Reconciliation, AFileThatCannotBeFetchedIsARecordedFailedRun) {
  reports_.failure = core::Error{core::ErrorKind::kInvalidInput, "bad signature"};
  auto report = reconciliation_->run(kDay, "schedule");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_FALSE(*reconciliation_->reconciled(kDay));
  auto latest = reconciliation_->latest(kDay, "");
  ASSERT_TRUE(latest.ok());
  ASSERT_TRUE(latest->has_value());
  EXPECT_EQ((*latest)->run.state, app::ReconciliationRunState::kFailed);
  EXPECT_EQ((*latest)->run.error, "bad signature");
  EXPECT_EQ((*latest)->run.trigger, "schedule");
  EXPECT_TRUE((*latest)->run.finished_at.has_value());
  EXPECT_TRUE((*latest)->items.empty());
}

TEST_P(Reconciliation, LatestShowsOneUnitsItemsAndTotals) {
  add_case("H34.22.6-240426-0301", 3000, "H34.22.6");
  add_case("H34.4-240426-0001", 2000, "H34.4");
  app::PaymentStart ward = start("H34.22.6-240426-0301");
  app::PaymentStart justice = start("H34.4-240426-0001");
  ASSERT_TRUE(payments_->apply(success(ward, "EV-1"), "{}").ok());
  ASSERT_TRUE(payments_->apply(success(justice, "EV-2"), "{}").ok());
  row(ward, PaymentState::kSucceeded);
  row(justice, PaymentState::kSucceeded);
  ASSERT_TRUE(reconciliation_->run(kDay, "cli").ok());
  auto ward_view = reconciliation_->latest(kDay, "H34.22");
  ASSERT_TRUE(ward_view.ok());
  ASSERT_TRUE(ward_view->has_value());
  ASSERT_EQ((*ward_view)->items.size(), 1u);
  EXPECT_EQ((*ward_view)->items[0].agency_code, "H34.22.6");
  EXPECT_EQ((*ward_view)->platform_total, Money::dong(3000));
  EXPECT_EQ((*ward_view)->local_total, Money::dong(3000));
  auto all = reconciliation_->latest(kDay, "");
  EXPECT_EQ((*all)->platform_total, Money::dong(5000));
  // Another day was never reconciled.
  auto other =
      reconciliation_->latest(std::chrono::year_month_day{std::chrono::year(2024),
                                                          std::chrono::April, std::chrono::day(25)},
                              "");
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->has_value());
}

TEST_P(Reconciliation, ScheduledDayIsYesterdayAfterTheConfiguredTime) {
  using std::chrono::sys_days;
  // 26/04/2024 01:29 and 01:30 in Vietnam are 25/04 18:29 and 18:30 UTC.
  auto at = [](int h, int m) {
    return std::chrono::sys_seconds(sys_days(std::chrono::year(2024) / 4 / 25)) +
           std::chrono::hours(h) + std::chrono::minutes(m);
  };
  EXPECT_FALSE(app::scheduled_reconciliation_day(at(18, 29), 90).has_value());
  auto day = app::scheduled_reconciliation_day(at(18, 30), 90);
  ASSERT_TRUE(day.has_value());
  EXPECT_EQ(*day, (std::chrono::year(2024) / 4 / 25));
}

TEST_P(Reconciliation, PaymentHistoryShowsRequestsCallbacksEventsAndOverpayments) {
  add_case("H34.22.6-240426-0401", 3000);
  app::PaymentStart first = start("H34.22.6-240426-0401");
  ASSERT_TRUE(payments_->apply(success(first, "EV-1"), "{\"event_id\":\"EV-1\"}").ok());
  ASSERT_TRUE(payments_->apply(success(first, "EV-1"), "{\"event_id\":\"EV-1\"}").ok());
  ASSERT_TRUE(payments_->record_refused("{\"forged\":true}", "bad signature").ok());
  app::GatewayOutcome wrong = success(first, "EV-2");
  wrong.amount = Money::dong(9999);
  ASSERT_FALSE(payments_->apply(wrong, "{\"amount\":9999}").ok());

  auto history = app::PaymentHistory(store()).for_case("H34.22.6-240426-0401");
  ASSERT_TRUE(history.ok()) << history.error().message;
  ASSERT_EQ(history->attempts.size(), 1u);
  const app::PaymentAttempt& a = history->attempts[0];
  EXPECT_EQ(a.request.reference, first.reference);
  EXPECT_EQ(a.request.state, PaymentState::kSucceeded);
  EXPECT_EQ(a.request.channel_name, "VietinBank");
  ASSERT_EQ(a.lines.size(), 1u);
  EXPECT_EQ(a.lines[0].name, "Lệ phí H34.22.6-240426-0401");
  ASSERT_EQ(a.callbacks.size(), 3u);  // the refused forgery has no request
  EXPECT_EQ(a.callbacks[0].verdict, "applied");
  EXPECT_EQ(a.callbacks[1].verdict, "duplicate");
  EXPECT_EQ(a.callbacks[2].verdict, "refused");
  EXPECT_NE(a.callbacks[2].reason.find("amount"), std::string::npos);
  EXPECT_EQ(a.callbacks[2].payload, "{\"amount\":9999}");
  ASSERT_EQ(a.applied_events.size(), 1u);
  EXPECT_EQ(a.applied_events[0].event_id, "EV-1");
  EXPECT_TRUE(a.overpayments.empty());
  EXPECT_EQ(app::PaymentHistory(store()).for_case("H34.22.6-240426-9999").error().kind,
            core::ErrorKind::kNotFound);
}

TEST_P(Reconciliation, RequestsOfADayAreThoseSettledOrCreatedThatDay) {
  add_case("H34.22.6-240426-0501", 3000);
  app::PaymentStart paid = start("H34.22.6-240426-0501");
  ASSERT_TRUE(payments_->apply(success(paid, "EV-1"), "{}").ok());
  clock_->advance(24h);
  add_case("H34.22.6-240426-0502", 1000);
  start("H34.22.6-240426-0502");
  auto day_start =
      core::from_vietnam_local(std::chrono::local_seconds(std::chrono::local_days(kDay)));
  std::vector<app::PaymentRequestRecord> first, second;
  ASSERT_TRUE(store()
                  .read([&](app::Repositories& r) -> core::Status {
                    auto a = r.payments().changed_between(day_start, day_start + 24h);
                    if (!a.ok()) return a.error();
                    first = a.value();
                    auto b = r.payments().changed_between(day_start + 24h, day_start + 48h);
                    if (!b.ok()) return b.error();
                    second = b.value();
                    return {};
                  })
                  .ok());
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].reference, paid.reference);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].case_code, "H34.22.6-240426-0502");
}

INSTANTIATE_TEST_SUITE_P(Engines, Reconciliation, ::testing::Values("sqlite", "postgres"),
                         engine_name);

}  // namespace
}  // namespace motcua::testing
