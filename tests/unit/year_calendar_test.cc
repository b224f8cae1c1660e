#include "core/year_calendar.h"

#include <gtest/gtest.h>

#include "calendar_fixtures.h"

namespace motcua::core {
namespace {

using fixtures::make_up;
using fixtures::off;
using fixtures::ymd;

TEST(YearCalendar, WeekdaysWorkAndWeekendsRest) {
  YearCalendar empty = YearCalendar::create(2024, true, "test", {}).value();
  EXPECT_TRUE(empty.is_working_day(ymd(2024, 4, 26)));   // Friday
  EXPECT_FALSE(empty.is_working_day(ymd(2024, 4, 27)));  // Saturday
  EXPECT_FALSE(empty.is_working_day(ymd(2024, 4, 28)));  // Sunday
  EXPECT_TRUE(empty.is_working_day(ymd(2024, 12, 31)));  // Tuesday, day 366 of a leap year
}

TEST(YearCalendar, DayOffRemovesAWeekday) {
  YearCalendar y = fixtures::year_2024();
  EXPECT_FALSE(y.is_working_day(ymd(2024, 4, 29)));  // Monday, swapped
  EXPECT_FALSE(y.is_working_day(ymd(2024, 5, 1)));
  EXPECT_TRUE(y.is_working_day(ymd(2024, 5, 2)));
}

TEST(YearCalendar, MakeUpSaturdayIsWorking) {
  YearCalendar y = fixtures::year_2024();
  EXPECT_TRUE(y.is_working_day(ymd(2024, 5, 4)));
  EXPECT_FALSE(y.is_working_day(ymd(2024, 5, 11)));
}

TEST(YearCalendar, KeepsItsDataAndConfirmation) {
  YearCalendar y = fixtures::year_2026();
  EXPECT_EQ(y.year(), 2026);
  EXPECT_TRUE(y.confirmed());
  EXPECT_EQ(y.entries().size(), 8u);
  ASSERT_EQ(y.unconfirmed_entries_on(ymd(2026, 11, 24)).size(), 1u);
  EXPECT_EQ(y.unconfirmed_entries_on(ymd(2026, 11, 24))[0]->name, "Ngày Văn hóa Việt Nam");
  EXPECT_TRUE(y.unconfirmed_entries_on(ymd(2026, 11, 25)).empty());
  EXPECT_TRUE(y.contains(ymd(2026, 1, 1)));
  EXPECT_FALSE(y.contains(ymd(2027, 1, 1)));
}

TEST(YearCalendar, RejectsEntryOutsideItsYear) {
  EXPECT_FALSE(
      YearCalendar::create(2024, true, "t", {off(ymd(2023, 12, 31), ymd(2024, 1, 1), "x")}).ok());
  EXPECT_FALSE(
      YearCalendar::create(2024, true, "t", {off(ymd(2024, 12, 31), ymd(2025, 1, 1), "x")}).ok());
}

TEST(YearCalendar, RejectsReversedRangeAndEmptyName) {
  EXPECT_FALSE(
      YearCalendar::create(2024, true, "t", {off(ymd(2024, 5, 2), ymd(2024, 5, 1), "x")}).ok());
  EXPECT_FALSE(
      YearCalendar::create(2024, true, "t", {off(ymd(2024, 5, 1), ymd(2024, 5, 1), "")}).ok());
}

TEST(YearCalendar, RejectsMakeUpDayOnADayOff) {
  Result<YearCalendar> r = YearCalendar::create(
      2024, true, "t",
      {off(ymd(2024, 4, 27), ymd(2024, 5, 1), "x"), make_up(ymd(2024, 4, 27), "y")});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("2024-04-27"), std::string::npos) << r.error().message;
}

TEST(YearCalendar, RejectsMakeUpDayOnAWeekdayOrTwice) {
  EXPECT_FALSE(YearCalendar::create(2024, true, "t", {make_up(ymd(2024, 5, 3), "Friday")}).ok());
  EXPECT_FALSE(YearCalendar::create(2024, true, "t",
                                    {make_up(ymd(2024, 5, 4), "a"), make_up(ymd(2024, 5, 4), "b")})
                   .ok());
}

TEST(YearCalendar, RejectsUnsupportedYear) {
  EXPECT_FALSE(YearCalendar::create(1799, true, "t", {}).ok());
  EXPECT_FALSE(YearCalendar::create(2200, true, "t", {}).ok());
}

}  // namespace
}  // namespace motcua::core
