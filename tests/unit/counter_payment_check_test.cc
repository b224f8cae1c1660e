#include "core/counter_payment_check.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

const PosSlip kSlip{"T0001234", "AB12CD", "4321"};

TEST(CounterPaymentCheck, AcceptsASlipWhoseAmountIsTheLinesTotal) {
  EXPECT_EQ(check_pos_payment(kSlip, Money::dong(3000), Money::dong(3000)), std::nullopt);
}

TEST(CounterPaymentCheck, NamesTheFirstFaultInTheFormsOrder) {
  EXPECT_EQ(check_pos_payment({"", "AB12", "x"}, Money{}, Money::dong(1)),
            CounterRefusal::kTerminalId);
  EXPECT_EQ(
      check_pos_payment({std::string(17, 'T'), "AB12CD", "4321"}, Money::dong(1), Money::dong(1)),
      CounterRefusal::kTerminalId);
  EXPECT_EQ(check_pos_payment({"T 1", "AB12CD", "4321"}, Money::dong(1), Money::dong(1)),
            CounterRefusal::kTerminalId);
  EXPECT_EQ(check_pos_payment({"T1", "AB12C", "4321"}, Money::dong(1), Money::dong(1)),
            CounterRefusal::kApprovalCode);
  EXPECT_EQ(check_pos_payment({"T1", "AB12CDE", "4321"}, Money::dong(1), Money::dong(1)),
            CounterRefusal::kApprovalCode);
  EXPECT_EQ(check_pos_payment({"T1", "AB-2CD", "4321"}, Money::dong(1), Money::dong(1)),
            CounterRefusal::kApprovalCode);
  EXPECT_EQ(check_pos_payment({"T1", "AB12CD", "432"}, Money::dong(1), Money::dong(1)),
            CounterRefusal::kCardLast4);
  EXPECT_EQ(check_pos_payment({"T1", "AB12CD", "432a"}, Money::dong(1), Money::dong(1)),
            CounterRefusal::kCardLast4);
  EXPECT_EQ(check_pos_payment(kSlip, Money{}, Money{}), CounterRefusal::kAmount);
  EXPECT_EQ(check_pos_payment(kSlip, Money::dong(2000), Money::dong(3000)),
            CounterRefusal::kAmountMismatch);
  EXPECT_EQ(check_pos_payment(kSlip, Money::dong(4000), Money::dong(3000)),
            CounterRefusal::kAmountMismatch);
}

TEST(CounterPaymentCheck, NormalisingTrimsAndUpperCases) {
  PosSlip slip = pos_slip_normalised({" t-01 ", " ab12cd\t", " 4321 "});
  EXPECT_EQ(slip.terminal_id, "T-01");
  EXPECT_EQ(slip.approval_code, "AB12CD");
  EXPECT_EQ(slip.card_last4, "4321");
}

TEST(CounterPaymentCheck, CashChangeIsWhatIsTenderedAboveTheTotal) {
  EXPECT_EQ(cash_change(Money::dong(5000), Money::dong(3000)).value(), Money::dong(2000));
  EXPECT_EQ(cash_change(Money::dong(3000), Money::dong(3000)).value(), Money{});
  auto short_cash = cash_change(Money::dong(2999), Money::dong(3000));
  ASSERT_FALSE(short_cash.ok());
  EXPECT_EQ(short_cash.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(short_cash.error().message, describe(CounterRefusal::kTenderedShort));
  EXPECT_FALSE(cash_change(Money::dong(1000), Money{}).ok()) << "nothing to collect";
}

}  // namespace
}  // namespace motcua::core
