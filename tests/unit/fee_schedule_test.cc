#include "core/fee_schedule.h"

#include <gtest/gtest.h>

#include <limits>

namespace motcua::core {
namespace {

// TT 226/2016/TT-BTC Art. 4: 2.000 đồng/page for pages 1-2, 1.000 đồng/page from page 3,
// at most 200.000 đồng per copy.
FeeItem copy_certification() {
  return {"Phí chứng thực bản sao từ bản chính",
          "trang",
          {{1, Money::dong(2000), "Phí chứng thực bản sao từ bản chính"},
           {3, Money::dong(1000), "Phí chứng thực bản sao từ bản chính từ trang thứ 3."}},
          Money::dong(200000)};
}

TEST(FeeSchedule, TwoPagesAreOneTier) {
  auto lines = compute_fee(copy_certification(), {2, 1}).value();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].quantity, 2);
  EXPECT_EQ(lines[0].amount, Money::dong(4000));
}

TEST(FeeSchedule, FromPageThreeTheLowerTierApplies) {
  auto lines = compute_fee(copy_certification(), {5, 1}).value();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].quantity, 2);
  EXPECT_EQ(lines[0].amount, Money::dong(4000));
  EXPECT_EQ(lines[1].quantity, 3);
  EXPECT_EQ(lines[1].unit_amount, Money::dong(1000));
  EXPECT_EQ(lines[1].amount, Money::dong(3000));
  EXPECT_EQ(lines[1].description, "Phí chứng thực bản sao từ bản chính từ trang thứ 3.");
  EXPECT_EQ(total_of(lines).value(), Money::dong(7000));
}

TEST(FeeSchedule, SetsMultiplyEveryLine) {
  auto lines = compute_fee(copy_certification(), {3, 2}).value();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].quantity, 4);
  EXPECT_EQ(lines[1].quantity, 2);
  EXPECT_EQ(total_of(lines).value(), Money::dong(10000));
}

TEST(FeeSchedule, CapLimitsEachSet) {
  // 300 pages: 4.000 + 298.000 = 302.000 > 200.000 per copy.
  auto lines = compute_fee(copy_certification(), {300, 1}).value();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_FALSE(lines[0].capped);
  EXPECT_TRUE(lines[1].capped);
  EXPECT_EQ(lines[1].amount, Money::dong(196000));
  EXPECT_EQ(total_of(lines).value(), Money::dong(200000));
  auto two_copies = compute_fee(copy_certification(), {300, 2}).value();
  EXPECT_EQ(total_of(two_copies).value(), Money::dong(400000));
}

TEST(FeeSchedule, CapExactlyReachedIsNotCapped) {
  FeeItem item{"x", "lần", {{1, Money::dong(100000), ""}}, Money::dong(200000)};
  auto lines = compute_fee(item, {2, 1}).value();
  EXPECT_FALSE(lines[0].capped);
  EXPECT_EQ(lines[0].amount, Money::dong(200000));
}

TEST(FeeSchedule, ZeroQuantityHasNoLinesAndFreeFeesAreZero) {
  EXPECT_TRUE(compute_fee(copy_certification(), {0, 1}).value().empty());
  FeeItem birth{"Lệ phí đăng ký khai sinh", "lần", {{1, Money::dong(0), ""}}, std::nullopt};
  auto lines = compute_fee(birth, {1, 1}).value();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(lines[0].amount.is_zero());
}

TEST(FeeSchedule, RejectsBadItemsAndQuantities) {
  EXPECT_FALSE(compute_fee(copy_certification(), {-1, 1}).ok());
  EXPECT_FALSE(compute_fee(copy_certification(), {1, -1}).ok());
  FeeItem no_tiers{"x", "lần", {}, std::nullopt};
  EXPECT_FALSE(compute_fee(no_tiers, {1, 1}).ok());
  FeeItem late_start{"x", "lần", {{2, Money::dong(1), ""}}, std::nullopt};
  EXPECT_FALSE(validate_fee_item(late_start).ok());
  FeeItem unordered{"x", "lần", {{1, Money::dong(1), ""}, {1, Money::dong(1), ""}}, std::nullopt};
  EXPECT_FALSE(validate_fee_item(unordered).ok());
  FeeItem negative{"x", "lần", {{1, Money::dong(-1), ""}}, std::nullopt};
  EXPECT_FALSE(validate_fee_item(negative).ok());
}

TEST(FeeSchedule, OverflowIsAnErrorNotAWrap) {
  FeeItem item{"x",
               "lần",
               {{1, Money::dong(std::numeric_limits<std::int64_t>::max() / 2), ""}},
               std::nullopt};
  Result<std::vector<ComputedFeeLine>> r = compute_fee(item, {3, 1});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kOverflow);
}

}  // namespace
}  // namespace motcua::core
