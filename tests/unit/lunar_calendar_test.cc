#include "core/lunar_calendar.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

using namespace std::chrono;

sys_days solar(int lunar_year, unsigned month, unsigned day, bool leap = false) {
  return lunar_to_solar({lunar_year, month, day, leap}).value();
}

TEST(LunarCalendar, TetIsTheFirstDayOfTheLunarYear) {
  EXPECT_EQ(solar(2024, 1, 1), sys_days{2024y / 2 / 10});
  EXPECT_EQ(solar(2025, 1, 1), sys_days{2025y / 1 / 29});
  EXPECT_EQ(solar(2026, 1, 1), sys_days{2026y / 2 / 17});
  EXPECT_EQ(solar(2027, 1, 1), sys_days{2027y / 2 / 6});
}

TEST(LunarCalendar, HungKingsDayIsTenthOfThirdMonth) {
  EXPECT_EQ(solar(2024, 3, 10), sys_days{2024y / 4 / 18});
  EXPECT_EQ(solar(2025, 3, 10), sys_days{2025y / 4 / 7});
  EXPECT_EQ(solar(2026, 3, 10), sys_days{2026y / 4 / 26});
}

// 1985: the new moon fell before midnight at UTC+7 but after it at UTC+8, so Vietnam's Tết
// (21/01/1985) was a month before China's. The time zone is part of the rule.
TEST(LunarCalendar, UsesVietnamTimeZone) { EXPECT_EQ(solar(1985, 1, 1), sys_days{1985y / 1 / 21}); }

TEST(LunarCalendar, LeapMonthFollowsItsNamesake) {
  // 2023 had a leap 2nd month (tháng 2 nhuận) and 2025 a leap 6th month.
  EXPECT_EQ(solar(2023, 2, 1, true), sys_days{2023y / 3 / 22});
  EXPECT_EQ(solar(2023, 3, 1), sys_days{2023y / 4 / 20});
  EXPECT_EQ(solar(2025, 6, 1, true), sys_days{2025y / 7 / 25});
}

TEST(LunarCalendar, RejectsALeapMonthTheYearDoesNotHave) {
  EXPECT_FALSE(lunar_to_solar({2024, 2, 1, true}).ok());
  EXPECT_FALSE(lunar_to_solar({2023, 5, 1, true}).ok());
}

TEST(LunarCalendar, RejectsDaysAndYearsOutOfRange) {
  EXPECT_FALSE(lunar_to_solar({2024, 13, 1, false}).ok());
  EXPECT_FALSE(lunar_to_solar({2024, 1, 31, false}).ok());
  EXPECT_FALSE(lunar_to_solar({1700, 1, 1, false}).ok());
  // Lunar month 12 of 2024 (Ất Tỵ's eve) has 29 days: Tết 2025 follows its 29th.
  EXPECT_EQ(solar(2024, 12, 29) + days{1}, solar(2025, 1, 1));
  EXPECT_FALSE(lunar_to_solar({2024, 12, 30, false}).ok());
}

}  // namespace
}  // namespace motcua::core
