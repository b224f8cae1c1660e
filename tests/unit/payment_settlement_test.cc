#include "core/payment_settlement.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

TEST(PaymentSettlement, UnpaidLinesArePaidAndNothingIsOverpaid) {
  auto s = settle_success({{41, Money::dong(2000), false}, {42, Money::dong(1000), false}});
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->to_mark_paid, (std::vector<std::int64_t>{41, 42}));
  EXPECT_EQ(s->receipt_amount, Money::dong(3000));
  EXPECT_TRUE(s->overpaid_line_ids.empty());
  EXPECT_EQ(s->overpayment, Money{});
}

TEST(PaymentSettlement, LinePaidElsewhereBecomesOverpayment) {
  auto s = settle_success({{41, Money::dong(2000), true}, {42, Money::dong(1000), false}});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->to_mark_paid, (std::vector<std::int64_t>{42}));
  EXPECT_EQ(s->receipt_amount, Money::dong(1000));
  EXPECT_EQ(s->overpaid_line_ids, (std::vector<std::int64_t>{41}));
  EXPECT_EQ(s->overpayment, Money::dong(2000));
}

TEST(PaymentSettlement, EverythingPaidAlreadyMakesTheWholeAmountOverpayment) {
  auto s = settle_success({{41, Money::dong(2000), true}, {42, Money::dong(1000), true}});
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->to_mark_paid.empty());
  EXPECT_EQ(s->receipt_amount, Money{});
  EXPECT_EQ(s->overpayment, Money::dong(3000));
}

TEST(PaymentSettlement, RepeatedOrNegativeLineIsRefused) {
  EXPECT_EQ(settle_success({{1, Money::dong(1), false}, {1, Money::dong(1), false}}).error().kind,
            ErrorKind::kInvalidInput);
  EXPECT_EQ(settle_success({{1, Money::dong(-1), false}}).error().kind, ErrorKind::kInvalidInput);
}

TEST(PaymentSettlement, LostRaceMovesTheLineToOverpayment) {
  auto s = settle_success({{41, Money::dong(2000), false}, {42, Money::dong(1000), false}});
  ASSERT_TRUE(s.ok());
  Settlement settled = s.value();
  ASSERT_TRUE(mark_lost_race(settled, 41, Money::dong(2000)).ok());
  EXPECT_EQ(settled.to_mark_paid, (std::vector<std::int64_t>{42}));
  EXPECT_EQ(settled.receipt_amount, Money::dong(1000));
  EXPECT_EQ(settled.overpayment, Money::dong(2000));
  EXPECT_EQ(settled.overpaid_line_ids, (std::vector<std::int64_t>{41}));
  EXPECT_EQ(mark_lost_race(settled, 41, Money::dong(2000)).error().kind, ErrorKind::kInvalidInput);
}

}  // namespace
}  // namespace motcua::core
