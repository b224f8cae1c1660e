#include "core/money.h"

#include <gtest/gtest.h>

#include <limits>

namespace motcua::core {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

TEST(Money, FormatsWithDotThousandsAsTheGuide) {
  EXPECT_EQ(format_vnd(Money::dong(2000)), "2.000 VND");
  EXPECT_EQ(format_vnd(Money::dong(3000)), "3.000 VND");
  EXPECT_EQ(format_vnd(Money::dong(0)), "0 VND");
  EXPECT_EQ(format_vnd(Money::dong(999)), "999 VND");
  EXPECT_EQ(format_vnd(Money::dong(1005000)), "1.005.000 VND");
  EXPECT_EQ(format_grouped(Money::dong(-1000)), "-1.000");
  EXPECT_EQ(format_grouped(Money::dong(kMax)), "9.223.372.036.854.775.807");
  EXPECT_EQ(format_grouped(Money::dong(kMin)), "-9.223.372.036.854.775.808");
}

TEST(Money, ParsesGroupedAndPlainAmounts) {
  EXPECT_EQ(parse_money("2000").value(), Money::dong(2000));
  EXPECT_EQ(parse_money("2.000").value(), Money::dong(2000));
  EXPECT_EQ(parse_money(" 2.000 VND ").value(), Money::dong(2000));
  EXPECT_EQ(parse_money("2000VND").value(), Money::dong(2000));
  EXPECT_EQ(parse_money("1.005.000 đồng").value(), Money::dong(1005000));
  EXPECT_EQ(parse_money("15.000đ").value(), Money::dong(15000));
  EXPECT_EQ(parse_money("0").value(), Money::dong(0));
}

TEST(Money, RejectsWhatIsNotWholeDong) {
  for (const char* bad : {"", "VND", "2,000", "2.5", "20.00", "2000.", ".200", "-2000", "+5",
                          "2 000", "1.0000", "1234.567", "abc", "2.000.00"}) {
    Result<Money> r = parse_money(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput) << bad;
    }
  }
}

TEST(Money, ParseRejectsPastInt64) {
  EXPECT_EQ(parse_money("9223372036854775807").value(), Money::dong(kMax));
  Result<Money> r = parse_money("9223372036854775808");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kOutOfRange);
}

TEST(Money, CheckedArithmeticReportsOverflow) {
  EXPECT_EQ(checked_add(Money::dong(2000), Money::dong(1000)).value(), Money::dong(3000));
  EXPECT_EQ(checked_subtract(Money::dong(3000), Money::dong(2000)).value(), Money::dong(1000));
  EXPECT_EQ(checked_multiply(Money::dong(2000), 3).value(), Money::dong(6000));

  EXPECT_EQ(checked_add(Money::dong(kMax), Money::dong(1)).error().kind, ErrorKind::kOverflow);
  EXPECT_EQ(checked_subtract(Money::dong(kMin), Money::dong(1)).error().kind, ErrorKind::kOverflow);
  EXPECT_EQ(checked_multiply(Money::dong(kMax / 2 + 1), 2).error().kind, ErrorKind::kOverflow);
}

TEST(Money, OrdersByAmount) {
  EXPECT_LT(Money::dong(1000), Money::dong(2000));
  EXPECT_TRUE(Money::dong(0).is_zero());
  EXPECT_TRUE(Money::dong(-1).is_negative());
}

}  // namespace
}  // namespace motcua::core
