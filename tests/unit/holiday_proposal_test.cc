#include "core/holiday_proposal.h"

#include <gtest/gtest.h>

#include "calendar_fixtures.h"

namespace motcua::core {
namespace {

using fixtures::ymd;

TEST(HolidayProposal, IsUnconfirmedAndNeverAllWorkingDays) {
  YearCalendar y = propose_holidays(2027).value();
  EXPECT_FALSE(y.confirmed());
  EXPECT_FALSE(y.entries().empty());
  for (const CalendarEntry& e : y.entries()) {
    EXPECT_FALSE(e.confirmed) << e.name;
    EXPECT_EQ(e.kind, CalendarEntryKind::kDayOff);
  }
}

TEST(HolidayProposal, FixedSolarHolidays) {
  YearCalendar y = propose_holidays(2027).value();
  EXPECT_FALSE(y.is_working_day(ymd(2027, 1, 1)));    // Friday
  EXPECT_FALSE(y.is_working_day(ymd(2027, 4, 30)));   // Friday
  EXPECT_FALSE(y.is_working_day(ymd(2027, 9, 2)));    // Thursday
  EXPECT_FALSE(y.is_working_day(ymd(2027, 11, 24)));  // Wednesday, from 2026
  EXPECT_TRUE(y.is_working_day(ymd(2027, 11, 25)));
}

TEST(HolidayProposal, TetIsEveAndFourDaysWithCompensation) {
  // Tết 2027 is Saturday 06/02: days off Fri 05/02 to Tue 09/02; Sat 06 and Sun 07 fall on the
  // weekend, so Wed 10/02 and Thu 11/02 are compensatory days off.
  YearCalendar y = propose_holidays(2027).value();
  EXPECT_TRUE(y.is_working_day(ymd(2027, 2, 4)));
  for (unsigned d = 5; d <= 11; ++d) EXPECT_FALSE(y.is_working_day(ymd(2027, 2, d))) << d;
  EXPECT_TRUE(y.is_working_day(ymd(2027, 2, 12)));
}

TEST(HolidayProposal, HungKingsDayByLunarCalendar) {
  YearCalendar y = propose_holidays(2025).value();
  EXPECT_FALSE(y.is_working_day(ymd(2025, 4, 7)));
}

TEST(HolidayProposal, WeekendHolidayGivesNextWorkingDayOff) {
  // 01/05/2027 is a Saturday: Monday 03/05 is off.
  YearCalendar y = propose_holidays(2027).value();
  EXPECT_FALSE(y.is_working_day(ymd(2027, 5, 3)));
  EXPECT_TRUE(y.is_working_day(ymd(2027, 5, 4)));
  // 26/04/2026 (10/3 lunar) is a Sunday: Monday 27/04 is off, as the government announced.
  EXPECT_FALSE(propose_holidays(2026).value().is_working_day(ymd(2026, 4, 27)));
}

TEST(HolidayProposal, NationalDayCompanionMakesTheLongerBreak) {
  // 2027: 02/09 is Thursday; 03/09 (Friday) joins the weekend, 01/09 would not.
  YearCalendar y2027 = propose_holidays(2027).value();
  EXPECT_FALSE(y2027.is_working_day(ymd(2027, 9, 3)));
  EXPECT_TRUE(y2027.is_working_day(ymd(2027, 9, 1)));
  // 2025: 02/09 is Tuesday; 01/09 (Monday) joins the weekend, as announced.
  YearCalendar y2025 = propose_holidays(2025).value();
  EXPECT_FALSE(y2025.is_working_day(ymd(2025, 9, 1)));
  EXPECT_TRUE(y2025.is_working_day(ymd(2025, 9, 3)));
}

TEST(HolidayProposal, CultureDayOnlyFrom2026) {
  EXPECT_TRUE(propose_holidays(2025).value().is_working_day(ymd(2025, 11, 24)));  // Monday
  EXPECT_FALSE(propose_holidays(2026).value().is_working_day(ymd(2026, 11, 24)));
}

TEST(HolidayProposal, MatchesAnnouncedDaysOffOf2025ExceptSwaps) {
  // Every legal holiday of the proposal is a day off in the announced 2025 schedule. The
  // announcement swaps days, which no rule can predict, and placed Tết's compensation inside its
  // 9-day break, so compensatory days ("Nghỉ bù ...") may differ.
  YearCalendar proposed = propose_holidays(2025).value();
  YearCalendar announced = fixtures::year_2025();
  for (const CalendarEntry& e : proposed.entries()) {
    if (e.name.rfind("Nghỉ bù", 0) == 0) continue;
    EXPECT_FALSE(announced.is_working_day(e.from)) << e.name;
  }
}

}  // namespace
}  // namespace motcua::core
