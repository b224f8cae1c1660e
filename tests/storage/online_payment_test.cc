#include "app/online_payment.h"

#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <mutex>
#include <set>
#include <thread>

#include "../fakes/fake_payment_gateway.h"
#include "console_fixture.h"
#include "fixtures.h"

namespace motcua::testing {
namespace {

using namespace std::chrono_literals;
using app::ApplyVerdict;
using core::ErrorKind;
using core::Money;
using core::PaymentState;

class OnlinePayment : public ConsoleTest {
 protected:
  void SetUp() override {
    ConsoleTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    case_ = take_in(officer_);
    ASSERT_EQ(case_.fee_lines.size(), 2u);
  }

  app::OnlinePaymentSettings settings() const {
    app::OnlinePaymentSettings s;
    s.public_base_url = "https://motcua.example";
    return s;
  }
  app::OnlinePayment payment(app::Store* store = nullptr) {
    return app::OnlinePayment(store ? *store : this->store(), gateway_, *clock_, settings_);
  }

  // The gateway's confirmation of `start`.
  static app::GatewayOutcome outcome(const app::PaymentStart& start, std::string event_id,
                                     PaymentState state = PaymentState::kSucceeded) {
    app::GatewayOutcome o;
    o.event_id = std::move(event_id);
    o.transaction_id = "TX-" + start.reference;
    o.reference = start.reference;
    o.state = state;
    o.amount = start.amount;
    o.currency = "VND";
    if (state == PaymentState::kSucceeded) o.paid_at = 1714091400;  // 26/04/2024 07:30 (+07)
    o.channel = {"bank", "970415", "VietinBank"};
    o.provider_reference = "FT24117" + start.reference;
    return o;
  }

  app::PaymentStart start(const std::string& code, std::vector<std::int64_t> lines = {}) {
    auto started = payment().start(code, lines);
    EXPECT_TRUE(started.ok()) << started.error().message;
    return started.ok() ? started.value() : app::PaymentStart{};
  }

  app::ApplyResult apply_ok(const app::GatewayOutcome& o) {
    auto applied = payment().apply(o, "{\"event_id\":\"" + o.event_id + "\"}");
    EXPECT_TRUE(applied.ok()) << applied.error().message;
    return applied.ok() ? applied.value() : app::ApplyResult{};
  }

  core::CaseRecord reload(const std::string& code) {
    core::CaseRecord out;
    core::Status s = store().read([&](app::Repositories& r) -> core::Status {
      auto found = r.cases().find_by_code(code);
      if (!found.ok()) return found.error();
      out = found->value();
      return {};
    });
    EXPECT_TRUE(s.ok());
    return out;
  }

  std::vector<app::PaymentCallbackRecord> callbacks(const std::string& reference) {
    std::vector<app::PaymentCallbackRecord> out;
    core::Status s = store().read([&](app::Repositories& r) -> core::Status {
      auto request = r.payments().find_by_reference(reference);
      if (!request.ok()) return request.error();
      auto found = r.payments().callbacks_for_request((*request)->id);
      if (!found.ok()) return found.error();
      out = found.value();
      return {};
    });
    EXPECT_TRUE(s.ok());
    return out;
  }

  // A stored case of the ward with `amounts` as its unpaid lines.
  core::CaseRecord case_with_lines(const std::string& code,
                                   const std::vector<std::int64_t>& amounts) {
    core::CaseRecord c = guide_case();
    c.code = code;
    c.fee_lines.clear();
    for (std::int64_t a : amounts) {
      core::FeeLine l;
      l.name = "Phí " + std::to_string(a);
      l.unit_amount = l.amount = Money::dong(a);
      c.fee_lines.push_back(l);
    }
    core::Status s = store().transact([&](app::Repositories& r) -> core::Status {
      auto id = r.cases().insert(c);
      return id.ok() ? core::Status{} : core::Status{id.error()};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return reload(code);
  }

  FakePaymentGateway gateway_;
  app::OnlinePaymentSettings settings_ = settings();
  core::CaseRecord case_;
};

TEST_P(OnlinePayment, StartCreatesARequestThenReusesItWhileOpen) {
  app::PaymentStart first = start(case_.code);
  EXPECT_FALSE(first.nothing_due);
  EXPECT_FALSE(first.reused);
  EXPECT_EQ(first.reference, "PR-000001");
  EXPECT_EQ(first.payment_url, "https://pay.example/checkout/TX-PR-000001");
  EXPECT_EQ(first.amount, Money::dong(3000));
  auto sent = gateway_.created();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].reference, "PR-000001");
  EXPECT_EQ(sent[0].return_url, "https://motcua.example/thanh-toan/ket-qua?ref=PR-000001");
  EXPECT_EQ(sent[0].callback_url, "https://motcua.example/api/v1/payment-platform/callbacks");
  EXPECT_EQ(sent[0].payer_name, "VÕ ĐẶNG NGỌC GIẢ");
  EXPECT_EQ(sent[0].payer_id_number, "062190008870");
  EXPECT_EQ(sent[0].agency_code, "H34.22.6");
  EXPECT_EQ(sent[0].beneficiary_bank_bin, "970415");
  EXPECT_EQ(sent[0].description, "Thanh toan le phi cho ho so " + case_.code);
  EXPECT_EQ(sent[0].expires_at, (clock_->now() + 15min).time_since_epoch().count());
  ASSERT_EQ(sent[0].fee_lines.size(), 2u);
  EXPECT_EQ(sent[0].fee_lines[0].amount, Money::dong(2000));

  clock_->advance(14min);
  app::PaymentStart again = start(case_.code);
  EXPECT_TRUE(again.reused);
  EXPECT_EQ(again.reference, "PR-000001");
  EXPECT_EQ(again.payment_url, first.payment_url);
  EXPECT_EQ(gateway_.created().size(), 1u) << "an open request is not sent again";
  auto payments = payment().case_payments(case_.code);
  ASSERT_TRUE(payments.ok());
  EXPECT_TRUE(payments->open);
  EXPECT_EQ(payments->status_label, "Đang chờ thanh toán");

  clock_->advance(2min);  // expired
  app::PaymentStart fresh = start(case_.code);
  EXPECT_FALSE(fresh.reused);
  EXPECT_EQ(fresh.reference, "PR-000002");
}

TEST_P(OnlinePayment, NothingDueWhenEveryLineIsPaid) {
  app::PaymentStart first = start(case_.code);
  apply_ok(outcome(first, "EV-1"));
  app::PaymentStart after = start(case_.code);
  EXPECT_TRUE(after.nothing_due);
  EXPECT_TRUE(after.payment_url.empty());
  EXPECT_EQ(gateway_.created().size(), 1u);
  auto unknown = payment().start("H34.22.6-240426-9999");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::kNotFound);
}

TEST_P(OnlinePayment, ChosenLinesAreNotRequestedTwice) {
  std::int64_t first_line = case_.fee_lines[0].id, second_line = case_.fee_lines[1].id;
  app::PaymentStart second = start(case_.code, {second_line});
  EXPECT_EQ(second.amount, Money::dong(1000));
  ASSERT_EQ(gateway_.created().back().fee_lines.size(), 1u);
  EXPECT_EQ(gateway_.created().back().fee_lines[0].line_id, second_line);

  // All lines by default: the line awaiting PR-000001 is left out.
  app::PaymentStart rest = start(case_.code);
  EXPECT_EQ(rest.reference, "PR-000002");
  EXPECT_EQ(rest.amount, Money::dong(2000));
  EXPECT_EQ(gateway_.created().back().fee_lines[0].line_id, first_line);

  EXPECT_EQ(start(case_.code, {second_line}).reference, "PR-000001");  // the same lines: reused
  EXPECT_EQ(start(case_.code).reference, "PR-000002");  // every line awaits: the newest
  auto both = payment().start(case_.code, {first_line, second_line});
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error().kind, ErrorKind::kConflict);
  auto foreign = payment().start(case_.code, {first_line + 1000});
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().kind, ErrorKind::kInvalidInput);
}

TEST_P(OnlinePayment, GatewayDownKeepsTheRequestAndTheRetryUsesTheSameReference) {
  gateway_.set_down(true);
  auto failed = payment().start(case_.code);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().kind, ErrorKind::kUnavailable);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM payment_requests WHERE reference = 'PR-000001'"
                         " AND state = 0 AND transaction_id = ''"),
            1);
  gateway_.set_down(false);
  clock_->advance(1min);
  app::PaymentStart retried = start(case_.code);
  EXPECT_EQ(retried.reference, "PR-000001");
  EXPECT_EQ(retried.payment_url, "https://pay.example/checkout/TX-PR-000001");
  auto sent = gateway_.created();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].reference, sent[1].reference);
  EXPECT_EQ(sent[0].expires_at, sent[1].expires_at)
      << "the same body, so the gateway is idempotent";
  EXPECT_EQ(sent[0].amount, sent[1].amount);
  EXPECT_EQ(query_number("SELECT state FROM payment_requests WHERE reference = 'PR-000001'"), 1);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM payment_requests"), 1);
}

TEST_P(OnlinePayment, SuccessPaysTheLinesAndIssuesTheNextReceiptOfTheSeries) {
  app::PaymentStart first = start(case_.code);
  app::ApplyResult applied = apply_ok(outcome(first, "EV-1"));
  EXPECT_EQ(applied.verdict, ApplyVerdict::kApplied);
  EXPECT_EQ(applied.state, PaymentState::kSucceeded);
  ASSERT_TRUE(applied.receipt_id.has_value());
  EXPECT_EQ(applied.overpayment, Money{});

  core::CaseRecord paid = reload(case_.code);
  for (const core::FeeLine& line : paid.fee_lines) {
    EXPECT_TRUE(line.paid);
    EXPECT_EQ(line.method, core::PaymentMethod::kPaymentPlatform);
    EXPECT_EQ(line.paid_at, std::chrono::sys_seconds{1714091400s});
    EXPECT_EQ(line.provider_transaction_id, "TX-PR-000001");
    EXPECT_EQ(line.receipt_id, applied.receipt_id);
    EXPECT_TRUE(line.payment_request_id.has_value());
  }
  auto view = payment().request_by_reference("PR-000001");
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->state, PaymentState::kSucceeded);
  EXPECT_EQ(view->state_label, "Thanh toán thành công");
  EXPECT_EQ(view->case_code, case_.code);
  EXPECT_EQ(view->receipt_number, "0000001");
  EXPECT_EQ(view->receipt_series, "AA-24E");

  auto receipt = payment().receipt(*applied.receipt_id);
  ASSERT_TRUE(receipt.ok()) << receipt.error().message;
  EXPECT_EQ(receipt->form_symbol, "01BLP0-001");
  EXPECT_EQ(receipt->series, "AA-24E");
  EXPECT_EQ(receipt->number, "0000001");
  EXPECT_EQ(receipt->unit_name, "Bộ phận TN&TKQ phường Trần Hưng Đạo");
  EXPECT_EQ(receipt->unit_tax_code, "6100123456");
  EXPECT_EQ(receipt->payer_name, "Võ Đặng Ngọc Giả");
  EXPECT_EQ(receipt->payer_id_number, "062190008870");
  EXPECT_EQ(receipt->case_code, case_.code);
  ASSERT_EQ(receipt->lines.size(), 2u);
  EXPECT_EQ(receipt->amount, Money::dong(3000));
  EXPECT_EQ(receipt->amount_in_words, "Ba nghìn đồng");
  EXPECT_EQ(receipt->method_label, "Trực tuyến qua CDVCQG (Payment Platform)");
  EXPECT_EQ(receipt->provider_transaction_id, "TX-PR-000001");
  EXPECT_EQ(receipt->reference, "PR-000001");
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM audit_log WHERE action = 'payment.succeeded'"), 1);

  core::CaseRecord other = take_in(officer_);
  app::PaymentStart second = start(other.code, {other.fee_lines[1].id});
  app::ApplyResult next = apply_ok(outcome(second, "EV-2"));
  auto second_receipt = payment().receipt(*next.receipt_id);
  ASSERT_TRUE(second_receipt.ok());
  EXPECT_EQ(second_receipt->number, "0000002");
  EXPECT_EQ(second_receipt->amount_in_words, "Một nghìn đồng");
  auto history = payment().case_payments(other.code);
  ASSERT_TRUE(history.ok());
  EXPECT_FALSE(history->open);
  EXPECT_EQ(history->status_label, "");
  ASSERT_EQ(history->receipts.size(), 1u);
  EXPECT_EQ(history->receipts[0].number, "0000002");
  ASSERT_EQ(history->requests.size(), 1u);
  EXPECT_EQ(history->requests[0].channel_code, "970415");
  EXPECT_EQ(history->requests[0].provider_reference, "FT24117PR-000002");
  EXPECT_TRUE(history->requests[0].settled_at.has_value());
}

TEST_P(OnlinePayment, DuplicateEventIsAnsweredAndAppliedOnce) {
  app::PaymentStart first = start(case_.code);
  apply_ok(outcome(first, "EV-1"));
  app::ApplyResult again = apply_ok(outcome(first, "EV-1"));
  EXPECT_EQ(again.verdict, ApplyVerdict::kDuplicate);
  EXPECT_FALSE(again.receipt_id.has_value());
  // The same success told by another event (a status answer): the request state says so.
  app::ApplyResult told = apply_ok(outcome(first, "query:TX-PR-000001:succeeded"));
  EXPECT_EQ(told.verdict, ApplyVerdict::kDuplicate);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM receipts"), 1);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM overpayments"), 0);
  EXPECT_EQ(query_number("SELECT last_value FROM sequences WHERE scope = 'receipt:AA-24E'"), 1);
  auto recorded = callbacks("PR-000001");
  ASSERT_EQ(recorded.size(), 3u);
  EXPECT_EQ(recorded[0].verdict, "applied");
  EXPECT_EQ(recorded[1].verdict, "duplicate");
  EXPECT_EQ(recorded[2].verdict, "duplicate");
}

TEST_P(OnlinePayment, WrongAmountCurrencyOrReferenceIsRefusedAndChangesNothing) {
  app::PaymentStart first = start(case_.code);
  app::GatewayOutcome forged = outcome(first, "EV-1");
  forged.amount = Money::dong(2000);
  auto refused = payment().apply(forged, "{\"amount\":2000}");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalidInput);
  app::GatewayOutcome dollars = outcome(first, "EV-1");
  dollars.currency = "USD";
  auto in_dollars = payment().apply(dollars, "{\"currency\":\"USD\"}");
  ASSERT_FALSE(in_dollars.ok());
  EXPECT_EQ(in_dollars.error().kind, ErrorKind::kInvalidInput);
  app::GatewayOutcome stranger = outcome(first, "EV-9");
  stranger.reference = "PR-999999";
  stranger.transaction_id = "TX-PR-999999";
  auto unknown = payment().apply(stranger, "{}");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::kNotFound);
  ASSERT_TRUE(payment().record_refused("{\"tampered\":true}", "bad signature").ok());

  for (const core::FeeLine& line : reload(case_.code).fee_lines) EXPECT_FALSE(line.paid);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM applied_events"), 0);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM receipts"), 0);
  EXPECT_EQ(query_number("SELECT state FROM payment_requests"), 1);
  auto recorded = callbacks("PR-000001");
  ASSERT_EQ(recorded.size(), 2u);
  EXPECT_EQ(recorded[0].verdict, "refused");
  EXPECT_NE(recorded[0].reason.find("amount"), std::string::npos) << recorded[0].reason;
  EXPECT_EQ(recorded[0].payload, "{\"amount\":2000}");
  EXPECT_NE(recorded[1].reason.find("currency"), std::string::npos) << recorded[1].reason;
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM payment_callbacks WHERE verdict = 'refused'"
                         " AND request_id IS NULL"),
            2);  // the unknown reference and the bad signature

  // The forged copy did not use up the event id: the real event applies.
  EXPECT_EQ(apply_ok(outcome(first, "EV-1")).verdict, ApplyVerdict::kApplied);
}

// A callback that names only the gateway's transaction id is found by it; every verdict and
// refusal reaches the operators' log.
TEST_P(OnlinePayment, TransactionIdAloneFindsTheRequestAndEventsAreLogged) {
  struct RecordingLog : app::EventLog {
    void log(app::LogLevel, std::string_view event, std::initializer_list<app::LogField>) override {
      std::lock_guard lock(mutex);
      events.emplace_back(event);
    }
    std::mutex mutex;
    std::vector<std::string> events;
  } log;
  app::PaymentStart first = start(case_.code);
  app::OnlinePayment pay(store(), gateway_, *clock_, settings_, &log);
  app::GatewayOutcome by_id = outcome(first, "EV-1");
  by_id.reference.clear();
  auto applied = pay.apply(by_id, "{}");
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  EXPECT_EQ(applied->verdict, ApplyVerdict::kApplied);
  EXPECT_EQ(applied->reference, first.reference);
  ASSERT_TRUE(pay.record_refused("{}", "bad signature").ok());
  EXPECT_EQ(log.events, (std::vector<std::string>{"payment.callback", "payment.callback_refused"}));
}

TEST_P(OnlinePayment, FailureAfterSuccessIsStale) {
  app::PaymentStart first = start(case_.code);
  apply_ok(outcome(first, "EV-1"));
  app::ApplyResult late = apply_ok(outcome(first, "EV-2", PaymentState::kFailed));
  EXPECT_EQ(late.verdict, ApplyVerdict::kStale);
  EXPECT_EQ(late.state, PaymentState::kSucceeded);
  EXPECT_EQ(payment().request_by_reference(first.reference)->state, PaymentState::kSucceeded);
  for (const core::FeeLine& line : reload(case_.code).fee_lines) EXPECT_TRUE(line.paid);
  EXPECT_EQ(callbacks(first.reference).back().verdict, "stale");
}

TEST_P(OnlinePayment, SuccessAfterExpiryOrFailureStillApplies) {
  app::PaymentStart first = start(case_.code);
  apply_ok(outcome(first, "EV-1", PaymentState::kExpired));
  clock_->advance(1h);
  app::ApplyResult late = apply_ok(outcome(first, "EV-2"));
  EXPECT_EQ(late.verdict, ApplyVerdict::kApplied);
  EXPECT_TRUE(late.receipt_id.has_value());
  for (const core::FeeLine& line : reload(case_.code).fee_lines) EXPECT_TRUE(line.paid);
}

TEST_P(OnlinePayment, SecondSuccessForAPaidLineBecomesOverpayment) {
  std::int64_t line = case_.fee_lines[0].id;
  app::PaymentStart a = start(case_.code, {line});
  clock_->advance(16min);
  app::PaymentStart b = start(case_.code, {line});
  ASSERT_NE(a.reference, b.reference);
  apply_ok(outcome(a, "EV-A"));
  app::ApplyResult second = apply_ok(outcome(b, "EV-B"));
  EXPECT_EQ(second.verdict, ApplyVerdict::kApplied);
  EXPECT_FALSE(second.receipt_id.has_value());
  EXPECT_EQ(second.overpayment, Money::dong(2000));
  auto history = payment().case_payments(case_.code);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->overpayments.size(), 1u);
  EXPECT_EQ(history->overpayments[0].amount, Money::dong(2000));
  EXPECT_EQ(history->overpayments[0].fee_line_ids, std::vector<std::int64_t>{line});
  EXPECT_EQ(history->overpayments[0].state, app::OverpaymentState::kToRefund);
  EXPECT_EQ(history->receipts.size(), 1u);
  core::CaseRecord paid = reload(case_.code);
  EXPECT_EQ(paid.fee_lines[0].provider_transaction_id, "TX-" + a.reference);
  EXPECT_FALSE(paid.fee_lines[1].paid);
}

// The storage guard under the rule "no fee line is paid twice": the conditional update.
TEST_P(OnlinePayment, SettlingAPaidLineWritesNothing) {
  app::PaymentStart a = start(case_.code);
  std::int64_t line = case_.fee_lines[0].id;
  std::int64_t request_id = query_number("SELECT id FROM payment_requests");
  core::Status s = store().transact([&](app::Repositories& r) -> core::Status {
    app::LineSettlement first{core::PaymentMethod::kPaymentPlatform, std::chrono::sys_seconds{100s},
                              request_id, "TX-1"};
    auto once = r.payments().settle_line(line, first);
    EXPECT_TRUE(once.ok() && once.value());
    app::LineSettlement second = first;
    second.provider_transaction_id = "TX-2";
    auto twice = r.payments().settle_line(line, second);
    EXPECT_TRUE(twice.ok() && !twice.value());
    auto missing = r.payments().settle_line(line + 1000, first);
    EXPECT_EQ(missing.ok() ? ErrorKind::kStorage : missing.error().kind, ErrorKind::kNotFound);
    return {};
  });
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(reload(case_.code).fee_lines[0].provider_transaction_id, "TX-1");
  EXPECT_EQ(a.reference, "PR-000001");
}

TEST_P(OnlinePayment, RecoverySettlesARequestWhoseCallbackNeverCame) {
  app::PaymentStart lost = start(case_.code);
  core::CaseRecord other = take_in(officer_);
  app::PaymentStart waiting = start(other.code);
  core::CaseRecord third = take_in(officer_);
  gateway_.set_down(true);
  ASSERT_FALSE(payment().start(third.code).ok());
  gateway_.set_down(false);
  gateway_.set_state("TX-" + lost.reference, PaymentState::kSucceeded, 1714091500);

  clock_->advance(16min);  // past expiry, within the grace
  auto early = payment().recover_pending();
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early->checked, 0);

  clock_->advance(2min);
  auto counts = payment().recover_pending();
  ASSERT_TRUE(counts.ok()) << counts.error().message;
  EXPECT_EQ(counts->checked, 3);
  EXPECT_EQ(counts->settled, 1);
  EXPECT_EQ(counts->still_pending, 1);
  EXPECT_EQ(counts->expired_locally, 1);
  EXPECT_EQ(counts->failed, 0);
  for (const core::FeeLine& line : reload(case_.code).fee_lines) {
    EXPECT_TRUE(line.paid);
    EXPECT_EQ(line.paid_at, std::chrono::sys_seconds{1714091500s});
  }
  EXPECT_EQ(payment().request_by_reference(lost.reference)->receipt_number, "0000001");
  EXPECT_EQ(payment().request_by_reference(waiting.reference)->state, PaymentState::kPending);
  EXPECT_EQ(query_number("SELECT state FROM payment_requests WHERE reference = 'PR-000003'"),
            static_cast<long long>(PaymentState::kExpired));

  // The real callback arrives after all: recognised, not applied twice.
  EXPECT_EQ(apply_ok(outcome(lost, "EV-real")).verdict, ApplyVerdict::kDuplicate);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM receipts"), 1);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM overpayments"), 0);
  auto again = payment().recover_pending();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->settled, 0);
}

TEST_P(OnlinePayment, RefreshAsksTheGatewayOnceForAPendingRequest) {
  app::PaymentStart first = start(case_.code);
  auto pending = payment().refresh(first.reference);
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(pending->state, PaymentState::kPending);
  EXPECT_EQ(gateway_.queries(), 1);
  gateway_.set_state("TX-" + first.reference, PaymentState::kSucceeded, 1714091400);
  auto paid = payment().refresh(first.reference);
  ASSERT_TRUE(paid.ok());
  EXPECT_EQ(paid->state, PaymentState::kSucceeded);
  EXPECT_EQ(paid->receipt_number, "0000001");
  EXPECT_TRUE(payment().refresh(first.reference).ok());
  EXPECT_EQ(gateway_.queries(), 2) << "a settled request is not asked about again";
  EXPECT_EQ(payment().refresh("PR-424242").error().kind, ErrorKind::kNotFound);
}

// 50 payers at once on one case, each with its own request for some lines and its own
// confirmation, all confirmed at once: every line is paid once, every đồng is either on a
// receipt or an overpayment, and receipt numbers run 1..N with no gap.
TEST_P(OnlinePayment, FiftyConcurrentPaymentsPayEachLineOnce) {
  std::vector<std::int64_t> amounts = {1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000};
  core::CaseRecord big = case_with_lines("H34.22.6-240426-0100", amounts);
  auto wide = adapters::storage::open_store(url(), {8});
  ASSERT_TRUE(wide.ok());
  settings_.request_lifetime = 0s;  // never reused: every payer gets a request of their own
  std::atomic<long long> confirmed{0};
  std::atomic<int> applied{0}, errors{0};
  std::barrier all_started(50);
  std::vector<std::thread> threads;
  for (int i = 0; i < 50; ++i) {
    threads.emplace_back([&, i] {
      app::OnlinePayment pay = payment(wide.value().get());
      std::vector<std::int64_t> chosen = {big.fee_lines[static_cast<size_t>(i % 10)].id};
      if ((i * 7 + 3) % 10 != i % 10) {
        chosen.push_back(big.fee_lines[static_cast<size_t>((i * 7 + 3) % 10)].id);
      }
      auto started = pay.start(big.code, chosen);
      if (!started.ok() || started->nothing_due) {
        ++errors;
        all_started.arrive_and_drop();
        return;
      }
      // Every payer has a request before any confirmation: the confirmations race for lines.
      all_started.arrive_and_wait();
      auto result = pay.apply(outcome(*started, "EV-" + std::to_string(i)), "{}");
      if (!result.ok()) {
        ++errors;
        return;
      }
      if (result->verdict == ApplyVerdict::kApplied) {
        ++applied;
        confirmed += started->amount.in_dong();
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(applied.load(), 50) << "each confirmation is of its own request";
  core::CaseRecord paid = reload(big.code);
  for (const core::FeeLine& line : paid.fee_lines) EXPECT_TRUE(line.paid) << line.name;
  long long receipts =
      query_number("SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM receipts");
  long long over =
      query_number("SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM overpayments");
  EXPECT_EQ(receipts, 55000) << "every line on exactly one receipt";
  EXPECT_EQ(receipts + over, confirmed.load());
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM fee_lines f JOIN receipts r ON r.id = f.receipt_id"
                         " WHERE f.case_id = " +
                         std::to_string(big.id)),
            10);
  long long n = query_number("SELECT COUNT(*) FROM receipts");
  EXPECT_EQ(query_number("SELECT COUNT(DISTINCT number) FROM receipts"), n);
  EXPECT_EQ(query_number("SELECT MIN(number) FROM receipts"), 1);
  EXPECT_EQ(query_number("SELECT MAX(number) FROM receipts"), n);
  EXPECT_EQ(query_number("SELECT last_value FROM sequences WHERE scope = 'receipt:AA-24E'"), n);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM payment_requests WHERE state = 2"), applied.load());
}

TEST_P(OnlinePayment, TwentyDeliveriesOfOneEventAtOnceApplyItOnce) {
  app::PaymentStart first = start(case_.code);
  auto wide = adapters::storage::open_store(url(), {8});
  ASSERT_TRUE(wide.ok());
  std::atomic<int> applied{0}, duplicates{0}, errors{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 20; ++i) {
    threads.emplace_back([&] {
      auto result = payment(wide.value().get()).apply(outcome(first, "EV-1"), "{}");
      if (!result.ok()) {
        ++errors;
      } else if (result->verdict == ApplyVerdict::kApplied) {
        ++applied;
      } else if (result->verdict == ApplyVerdict::kDuplicate) {
        ++duplicates;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(applied.load(), 1);
  EXPECT_EQ(duplicates.load(), 19);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM receipts"), 1);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM applied_events"), 1);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM overpayments"), 0);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM payment_callbacks"), 20);
}

INSTANTIATE_TEST_SUITE_P(Engines, OnlinePayment, ::testing::Values("sqlite", "postgres"),
                         engine_name);

}  // namespace
}  // namespace motcua::testing
