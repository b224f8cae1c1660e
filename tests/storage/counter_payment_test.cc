// Counter payments (issue 7) on both engines: POS and cash recorded in one transaction, a line
// paid once whatever races, receipts numbered next in the unit's series, the POS list's filters.
#include "app/counter_payment.h"

#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <thread>

#include "../fakes/fake_payment_gateway.h"
#include "app/online_payment.h"
#include "console_fixture.h"
#include "fixtures.h"

namespace motcua::testing {
namespace {

using namespace std::chrono_literals;
using core::ErrorKind;
using core::Money;
using core::PaymentMethod;

class CounterPayment : public ConsoleTest {
 protected:
  void SetUp() override {
    ConsoleTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    case_ = take_in(officer_);
    ASSERT_EQ(case_.fee_lines.size(), 2u);
  }

  app::CounterPayment counter(app::Store* store = nullptr) {
    return app::CounterPayment(store ? *store : this->store(), *clock_);
  }

  std::vector<std::int64_t> all_lines(const core::CaseRecord& c) const {
    std::vector<std::int64_t> ids;
    for (const core::FeeLine& l : c.fee_lines) ids.push_back(l.id);
    return ids;
  }

  app::PosPaymentInput pos(const core::CaseRecord& c, std::int64_t amount = 3000,
                           std::string terminal = "T0001234") const {
    return {c.code, all_lines(c), {std::move(terminal), "a1b2c3", "4321"}, Money::dong(amount)};
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

  long long count(const std::string& table) {
    return query_number("SELECT COUNT(*) FROM " + table);
  }

  core::CaseRecord case_;
};

TEST_P(CounterPayment, PosPaysTheLinesIssuesTheNextReceiptAndAudits) {
  auto done = counter().record_pos(officer_, pos(case_));
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->method, PaymentMethod::kPos);
  EXPECT_EQ(done->amount, Money::dong(3000));
  EXPECT_EQ(done->reference, app::counter_reference(done->id));
  EXPECT_FALSE(done->change.has_value());
  ASSERT_TRUE(done->receipt_id.has_value());
  core::CaseRecord paid = reload(case_.code);
  for (const core::FeeLine& line : paid.fee_lines) {
    EXPECT_TRUE(line.paid);
    EXPECT_EQ(line.method, PaymentMethod::kPos);
    EXPECT_EQ(line.paid_at, clock_->now());
    EXPECT_EQ(line.receipt_id, done->receipt_id);
    EXPECT_FALSE(line.payment_request_id.has_value());
  }
  EXPECT_EQ(query_number("SELECT number FROM receipts"), 1);
  EXPECT_EQ(query_number("SELECT receipt_id FROM counter_payments"), *done->receipt_id);
  EXPECT_EQ(count("counter_payment_lines"), 2);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM counter_payments WHERE approval_code = 'A1B2C3'"
                         " AND card_last4 = '4321' AND terminal_id = 'T0001234'"
                         " AND staff_login = 'demo' AND tendered IS NULL AND amount = 3000"),
            1);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM audit_log WHERE action = 'payment.counter'"
                         " AND entity_id = '" +
                         case_.code + "'"),
            1);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM receipts WHERE payload LIKE '%Thanh toán qua máy"
                         " POS%' AND payload LIKE '%" +
                         done->reference + "%'"),
            1);
}

TEST_P(CounterPayment, CashKeepsWhatWasTenderedAndGivesTheChange) {
  auto done = counter().record_cash(officer_, {case_.code, all_lines(case_), Money::dong(5000)});
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->method, PaymentMethod::kCash);
  EXPECT_EQ(done->change, Money::dong(2000));
  EXPECT_EQ(query_number("SELECT tendered FROM counter_payments"), 5000);
  EXPECT_EQ(query_number("SELECT amount FROM counter_payments"), 3000);
  for (const core::FeeLine& line : reload(case_.code).fee_lines) {
    EXPECT_EQ(line.method, PaymentMethod::kCash);
  }
  // Exactly the total: no change.
  core::CaseRecord second = take_in(officer_);
  auto exact = counter().record_cash(officer_, {second.code, all_lines(second), Money::dong(3000)});
  ASSERT_TRUE(exact.ok()) << exact.error().message;
  EXPECT_EQ(exact->change, Money::dong(0));
}

TEST_P(CounterPayment, BadInputIsRefusedAndChangesNothing) {
  struct Case {
    const char* what;
    app::PosPaymentInput input;
    core::CounterRefusal refusal;
  };
  app::PosPaymentInput no_lines = pos(case_);
  no_lines.line_ids.clear();
  app::PosPaymentInput short_code = pos(case_);
  short_code.slip.approval_code = "A1B2C";
  app::PosPaymentInput bad_code = pos(case_);
  bad_code.slip.approval_code = "A1B2C!";
  app::PosPaymentInput bad_card = pos(case_);
  bad_card.slip.card_last4 = "43a1";
  app::PosPaymentInput no_terminal = pos(case_);
  no_terminal.slip.terminal_id = "  ";
  app::PosPaymentInput wrong_amount = pos(case_, 2000);
  for (const Case& c : {Case{"no lines", no_lines, core::CounterRefusal::kNoLines},
                        Case{"5 characters", short_code, core::CounterRefusal::kApprovalCode},
                        Case{"punctuation", bad_code, core::CounterRefusal::kApprovalCode},
                        Case{"card", bad_card, core::CounterRefusal::kCardLast4},
                        Case{"terminal", no_terminal, core::CounterRefusal::kTerminalId},
                        Case{"amount", wrong_amount, core::CounterRefusal::kAmountMismatch}}) {
    auto refused = counter().record_pos(officer_, c.input);
    ASSERT_FALSE(refused.ok()) << c.what;
    EXPECT_EQ(refused.error().kind, ErrorKind::kInvalidInput) << c.what;
    EXPECT_EQ(refused.error().message, core::describe(c.refusal)) << c.what;
  }
  auto short_cash =
      counter().record_cash(officer_, {case_.code, all_lines(case_), Money::dong(2999)});
  ASSERT_FALSE(short_cash.ok());
  EXPECT_EQ(short_cash.error().message, core::describe(core::CounterRefusal::kTenderedShort));
  auto foreign = counter().record_cash(officer_, {case_.code, {999999}, Money::dong(5000)});
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().kind, ErrorKind::kInvalidInput);

  EXPECT_EQ(count("counter_payments"), 0);
  EXPECT_EQ(count("counter_payment_lines"), 0);
  EXPECT_EQ(count("receipts"), 0);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM fee_lines WHERE paid = 1"), 0);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM audit_log WHERE action = 'payment.counter'"), 0);
}

TEST_P(CounterPayment, OnlyOfficersWhoMayReadTheCaseTakeItsMoney) {
  core::StaffMember stranger = add_staff("tuphap", "H34.4", core::kRoleOfficer);
  auto refused = counter().record_pos(stranger, pos(case_));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kForbidden);
  core::CaseRecord missing = case_;
  missing.code = "H34.22.6-000000-9999";
  auto unknown = counter().record_pos(officer_, pos(missing));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(count("counter_payments"), 0);
}

TEST_P(CounterPayment, ALinePaidOnlineRefusesTheWholeCounterPayment) {
  FakePaymentGateway gateway;
  app::OnlinePaymentSettings settings;
  settings.public_base_url = "https://motcua.example";
  app::OnlinePayment online(store(), gateway, *clock_, settings);
  auto started = online.start(case_.code, {case_.fee_lines[1].id});
  ASSERT_TRUE(started.ok());
  app::GatewayOutcome o;
  o.event_id = "EV-1";
  o.transaction_id = "TX-" + started->reference;
  o.reference = started->reference;
  o.state = core::PaymentState::kSucceeded;
  o.amount = started->amount;
  o.currency = "VND";
  ASSERT_TRUE(online.apply(o, "{}").ok());

  auto refused = counter().record_pos(officer_, pos(case_));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kConflict);
  EXPECT_NE(refused.error().message.find("Phí chứng thực bản sao từ bản chính từ trang thứ 3."),
            std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find("already paid"), std::string::npos);
  core::CaseRecord after = reload(case_.code);
  EXPECT_FALSE(after.fee_lines[0].paid) << "nothing changed";
  EXPECT_EQ(after.fee_lines[1].method, PaymentMethod::kPaymentPlatform);
  EXPECT_EQ(count("counter_payments"), 0);
  EXPECT_EQ(count("receipts"), 1);
  EXPECT_EQ(query_number("SELECT last_value FROM sequences WHERE scope = 'receipt:AA-24E'"), 1);

  // The line still unpaid can be paid at the counter; its receipt is the next number.
  auto rest =
      counter().record_cash(officer_, {case_.code, {case_.fee_lines[0].id}, Money::dong(2000)});
  ASSERT_TRUE(rest.ok()) << rest.error().message;
  EXPECT_EQ(query_number("SELECT MAX(number) FROM receipts"), 2);
  // And a second counter payment of it is refused too.
  auto twice =
      counter().record_cash(officer_, {case_.code, {case_.fee_lines[0].id}, Money::dong(2000)});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(count("counter_payments"), 1);
}

TEST_P(CounterPayment, ReceiptNumbersRunOnAcrossOnlineAndCounterWithNoGap) {
  std::vector<core::CaseRecord> cases = {case_};
  for (int i = 0; i < 3; ++i) cases.push_back(take_in(officer_));
  ASSERT_TRUE(counter().record_pos(officer_, pos(cases[0])).ok());
  // A refused payment in between uses no number.
  ASSERT_FALSE(counter().record_pos(officer_, pos(cases[1], 1)).ok());
  ASSERT_TRUE(counter()
                  .record_cash(officer_, {cases[1].code, all_lines(cases[1]), Money::dong(3000)})
                  .ok());
  ASSERT_TRUE(counter().record_pos(officer_, pos(cases[2])).ok());
  EXPECT_EQ(count("receipts"), 3);
  EXPECT_EQ(query_number("SELECT MIN(number) FROM receipts"), 1);
  EXPECT_EQ(query_number("SELECT MAX(number) FROM receipts"), 3);
  EXPECT_EQ(query_number("SELECT COUNT(DISTINCT number) FROM receipts"), 3);
  EXPECT_EQ(query_number("SELECT last_value FROM sequences WHERE scope = 'receipt:AA-24E'"), 3);
}

// Two officers record the same line at once, many times over: each time exactly one wins,
// the other is refused as already paid, and each line is on exactly one receipt.
TEST_P(CounterPayment, TwoThreadsRecordingTheSameLineExactlyOneSucceeds) {
  constexpr int kRounds = 8;
  std::vector<core::CaseRecord> cases;
  for (int i = 0; i < kRounds; ++i) cases.push_back(take_in(officer_));
  auto wide = adapters::storage::open_store(url(), {4});
  ASSERT_TRUE(wide.ok());
  std::atomic<int> succeeded{0}, conflicts{0}, errors{0};
  for (const core::CaseRecord& c : cases) {
    std::barrier both(2);
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) {
      threads.emplace_back([&, t] {
        app::PosPaymentInput input = pos(c, 3000, "T" + std::to_string(t));
        both.arrive_and_wait();
        auto done = counter(wide.value().get()).record_pos(officer_, input);
        if (done.ok()) {
          ++succeeded;
        } else if (done.error().kind == ErrorKind::kConflict) {
          ++conflicts;
        } else {
          ++errors;
        }
      });
    }
    for (auto& t : threads) t.join();
  }
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(succeeded.load(), kRounds);
  EXPECT_EQ(conflicts.load(), kRounds);
  EXPECT_EQ(count("counter_payments"), kRounds);
  EXPECT_EQ(count("counter_payment_lines"), 2 * kRounds);
  EXPECT_EQ(count("receipts"), kRounds);
  EXPECT_EQ(query_number("SELECT MAX(number) FROM receipts"), kRounds);
  EXPECT_EQ(
      query_number("SELECT COUNT(*) FROM fee_lines WHERE paid = 1 AND receipt_id IS NOT NULL"),
      2 * kRounds);
}

TEST_P(CounterPayment, ReceiptsAreIssuedLaterForLinesPaidWithoutASeries) {
  execute_sql("UPDATE agencies SET receipt_series = '' WHERE code = 'H34.22.6'");
  auto done =
      counter().record_cash(officer_, {case_.code, {case_.fee_lines[0].id}, Money::dong(2000)});
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_FALSE(done->receipt_id.has_value());
  clock_->advance(1min);
  ASSERT_TRUE(
      counter()
          .record_pos(
              officer_,
              {case_.code, {case_.fee_lines[1].id}, {"T1", "ABC123", "0001"}, Money::dong(1000)})
          .ok());
  EXPECT_EQ(count("receipts"), 0);
  auto none = counter().issue_missing_receipts(officer_, case_.code);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->no_series);
  EXPECT_TRUE(none->receipt_ids.empty());

  execute_sql("UPDATE agencies SET receipt_series = 'AA-24E' WHERE code = 'H34.22.6'");
  auto issued = counter().issue_missing_receipts(officer_, case_.code);
  ASSERT_TRUE(issued.ok()) << issued.error().message;
  EXPECT_FALSE(issued->no_series);
  ASSERT_EQ(issued->receipt_ids.size(), 2u) << "one receipt per payment";
  core::CaseRecord after = reload(case_.code);
  EXPECT_EQ(after.fee_lines[0].receipt_id, issued->receipt_ids[0]);
  EXPECT_EQ(after.fee_lines[1].receipt_id, issued->receipt_ids[1]);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM counter_payments WHERE receipt_id IS NOT NULL"), 2);
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM audit_log WHERE action = 'receipt.issued'"), 2);
  EXPECT_EQ(query_number("SELECT MAX(number) FROM receipts"), 2);
  // Nothing left to issue.
  auto again = counter().issue_missing_receipts(officer_, case_.code);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->receipt_ids.empty());
  EXPECT_EQ(count("receipts"), 2);
}

TEST_P(CounterPayment, SearchFiltersPagesAndSumsWithinTheReadersScope) {
  core::StaffMember other = add_staff("thungan", "H34.22.6", core::kRoleOfficer);
  std::vector<core::CaseRecord> cases = {case_};
  for (int i = 0; i < 11; ++i) cases.push_back(take_in(officer_));
  for (size_t i = 0; i < cases.size(); ++i) {
    clock_->advance(1h);
    const core::StaffMember& who = i % 3 == 0 ? other : officer_;
    ASSERT_TRUE(
        counter().record_pos(who, pos(cases[i], 3000, i % 2 == 0 ? "T-EVEN" : "T-ODD")).ok());
  }
  // A cash payment is not in the POS list.
  core::CaseRecord cash_case = take_in(officer_);
  ASSERT_TRUE(counter()
                  .record_cash(officer_, {cash_case.code, all_lines(cash_case), Money::dong(3000)})
                  .ok());

  app::CounterPaymentQuery q;
  q.method = PaymentMethod::kPos;
  auto all = counter().search(officer_, q);
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(all->total, 12);
  EXPECT_EQ(all->total_amount, Money::dong(36000));
  ASSERT_EQ(all->items.size(), 10u);
  EXPECT_EQ(all->items[0].case_code, cases[11].code) << "newest first";
  EXPECT_GT(all->items[0].at, all->items[1].at);
  EXPECT_EQ(all->items[0].staff_name, "demo");
  q.page = 2;
  auto second = counter().search(officer_, q);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->items.size(), 2u);
  EXPECT_EQ(second->items[1].case_code, cases[0].code);
  q.page = 1;

  app::CounterPaymentQuery by_terminal = q;
  by_terminal.terminal_id = "T-ODD";
  EXPECT_EQ(counter().search(officer_, by_terminal)->total, 6);
  app::CounterPaymentQuery by_staff = q;
  by_staff.staff_login = "thungan";
  auto staff_page = counter().search(officer_, by_staff);
  EXPECT_EQ(staff_page->total, 4);
  EXPECT_EQ(staff_page->total_amount, Money::dong(12000));
  app::CounterPaymentQuery by_code = q;
  by_code.case_code = cases[5].code;
  EXPECT_EQ(counter().search(officer_, by_code)->total, 1);
  app::CounterPaymentQuery by_time = q;
  by_time.from = guide_reception() + 2h;   // the 2nd payment on
  by_time.until = guide_reception() + 5h;  // up to the 4th
  EXPECT_EQ(counter().search(officer_, by_time)->total, 3);

  // Another unit's officer sees none of the ward's payments.
  core::StaffMember stranger = add_staff("tuphap", "H34.4", core::kRoleOfficer);
  EXPECT_EQ(counter().search(stranger, q)->total, 0);
  q.page = 0;
  EXPECT_EQ(counter().search(officer_, q).error().kind, ErrorKind::kInvalidInput);
}

INSTANTIATE_TEST_SUITE_P(Engines, CounterPayment, ::testing::Values("sqlite", "postgres"),
                         engine_name);

}  // namespace
}  // namespace motcua::testing
