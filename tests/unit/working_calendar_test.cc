#include "core/working_calendar.h"

#include <gtest/gtest.h>

#include "calendar_fixtures.h"
#include "core/civil_time.h"

namespace motcua::core {
namespace {

using namespace std::chrono;

WorkingCalendar announced() {
  return WorkingCalendar::create(fixtures::announced_years(), WorkingHours::standard()).value();
}

local_seconds at(const char* text) { return parse_local_date_time(text).value(); }

std::string plus_days(const WorkingCalendar& c, const char* start, long long days) {
  return format_cli_date_time(c.add_working_days(at(start), days).value().at);
}

std::string plus_hours(const WorkingCalendar& c, const char* start, long long hours) {
  return format_cli_date_time(c.add_working_hours(at(start), hours).value().at);
}

// The guide: received Fri 26/04/2024 07:27:52; 27/04-01/05 off, Sat 04/05 a make-up day.
TEST(WorkingCalendar, GuideOneWorkingDaySkipsTheAprilMayBreak) {
  EXPECT_EQ(plus_days(announced(), "2024-04-26 07:27:52", 1), "2024-05-02 07:27");
}

TEST(WorkingCalendar, GuideThreeWorkingDaysEndOnTheMakeUpSaturday) {
  EXPECT_EQ(plus_days(announced(), "2024-04-26 07:27:52", 3), "2024-05-04 07:27");
}

TEST(WorkingCalendar, GuideFourWorkingHoursSkipTheLunchBreak) {
  EXPECT_EQ(plus_hours(announced(), "2024-04-26 07:27:52", 4), "2024-04-26 13:27");
}

TEST(WorkingCalendar, EnteredYearsReportNothingToWarnAbout) {
  Deadline d = announced().add_working_days(at("2024-04-26 07:27:52"), 3).value();
  EXPECT_TRUE(d.proposed_years.empty());
  EXPECT_TRUE(d.unconfirmed_years.empty());
  EXPECT_TRUE(d.unconfirmed_entries.empty());
}

TEST(WorkingCalendar, StartOutsideWorkingTimeBeginsAtTheNextWindow) {
  WorkingCalendar c = announced();
  EXPECT_EQ(plus_hours(c, "2024-04-26 11:30:00", 1), "2024-04-26 14:00");  // lunch
  EXPECT_EQ(plus_hours(c, "2024-04-26 05:00:00", 1), "2024-04-26 08:00");  // early
  EXPECT_EQ(plus_hours(c, "2024-04-26 18:00:00", 1), "2024-05-02 08:00");  // evening, then break
  EXPECT_EQ(plus_hours(c, "2024-04-27 09:00:00", 4), "2024-05-02 11:00");  // day off
  EXPECT_EQ(plus_days(c, "2024-04-27 09:00:00", 0), "2024-05-02 07:00");
}

TEST(WorkingCalendar, DeadlineAtTheEndOfAWindowStaysThere) {
  WorkingCalendar c = announced();
  EXPECT_EQ(plus_days(c, "2024-04-26 07:00:00", 1), "2024-04-26 17:00");
  EXPECT_EQ(plus_hours(c, "2024-04-26 07:00:00", 4), "2024-04-26 11:00");
}

TEST(WorkingCalendar, TetTwentyTwentyFiveIsNineDaysOff) {
  // Fri 24/01/2025, then 25/01-02/02 off (no make-up day).
  EXPECT_EQ(plus_days(announced(), "2025-01-24 07:27:52", 1), "2025-02-03 07:27");
}

TEST(WorkingCalendar, MakeUpSaturdaysOfTwentyTwentySix) {
  WorkingCalendar c = announced();
  EXPECT_EQ(plus_days(c, "2026-01-09 07:27:00", 1), "2026-01-10 07:27");  // Sat 10/01
  EXPECT_EQ(plus_days(c, "2026-08-21 07:27:00", 1), "2026-08-22 07:27");  // Sat 22/08
  EXPECT_EQ(plus_days(c, "2026-08-28 07:27:00", 1), "2026-09-03 07:27");  // 29/08-02/09 off
  EXPECT_TRUE(c.is_working_day(sys_days{2026y / 1 / 10}).value());
  EXPECT_FALSE(c.is_working_day(sys_days{2026y / 1 / 17}).value());
}

TEST(WorkingCalendar, CultureDayTwentyTwentySixIsAppliedAndReportedUnconfirmed) {
  Deadline d = announced().add_working_days(at("2026-11-23 07:27:00"), 1).value();
  EXPECT_EQ(format_cli_date_time(d.at), "2026-11-25 07:27");
  ASSERT_EQ(d.unconfirmed_entries.size(), 1u);
  EXPECT_EQ(d.unconfirmed_entries[0].name, "Ngày Văn hóa Việt Nam");
  EXPECT_TRUE(d.proposed_years.empty());
}

TEST(WorkingCalendar, CrossingIntoAYearWithoutDataUsesAndReportsTheProposal) {
  // Thu 31/12/2026, then 01/01/2027 (proposed holiday, Friday) and the weekend.
  Deadline d = announced().add_working_days(at("2026-12-31 07:27:00"), 1).value();
  EXPECT_EQ(format_cli_date_time(d.at), "2027-01-04 07:27");
  EXPECT_EQ(d.proposed_years, std::vector<int>{2027});
}

TEST(WorkingCalendar, YearWithoutDataIsNeverAllWorkingDays) {
  WorkingCalendar c = announced();
  EXPECT_FALSE(c.is_working_day(sys_days{2027y / 2 / 8}).value());  // Tết 2027
  EXPECT_FALSE(c.has_entered_year(2027));
  EXPECT_FALSE(c.year_calendar(2027).value().confirmed());
  EXPECT_TRUE(c.year_calendar(2024).value().confirmed());
}

TEST(WorkingCalendar, UnconfirmedEnteredYearIsReported) {
  YearCalendar draft = YearCalendar::create(2024, false, "draft", {}).value();
  WorkingCalendar c = WorkingCalendar::create({draft}, WorkingHours::standard()).value();
  Deadline d = c.add_working_days(at("2024-04-26 07:27:52"), 1).value();
  EXPECT_EQ(d.unconfirmed_years, std::vector<int>{2024});
  EXPECT_TRUE(d.proposed_years.empty());
}

TEST(WorkingCalendar, WorkingDayIsHoursPerDayOfTheConfiguredWindows) {
  WorkingHours h = WorkingHours::parse("08:00-12:00").value();
  WorkingCalendar c = WorkingCalendar::create(fixtures::announced_years(), h).value();
  EXPECT_EQ(plus_days(c, "2024-04-26 09:00:00", 1), "2024-05-02 09:00");
  EXPECT_EQ(plus_hours(c, "2024-04-26 09:00:00", 2), "2024-04-26 11:00");
}

TEST(WorkingCalendar, RejectsDuplicateYearsAndNegativeDurations) {
  EXPECT_FALSE(WorkingCalendar::create({fixtures::year_2024(), fixtures::year_2024()},
                                       WorkingHours::standard())
                   .ok());
  EXPECT_FALSE(announced().add_working_days(at("2024-04-26 07:27:52"), -1).ok());
  EXPECT_FALSE(announced().add_working_hours(at("2024-04-26 07:27:52"), -1).ok());
}

TEST(WorkingCalendar, YearBeyondTheLunarTablesIsAnError) {
  EXPECT_FALSE(announced().add_working_days(at("2199-12-31 07:00:00"), 5).ok());
}

TEST(WorkingCalendar, AYearWithoutWorkingDaysIsAnErrorNotAHang) {
  std::vector<YearCalendar> years;
  for (int y = 2030; y <= 2031; ++y) {
    years.push_back(
        YearCalendar::create(y, true, "t",
                             {fixtures::off(fixtures::ymd(y, 1, 1), fixtures::ymd(y, 12, 31), "x")})
            .value());
  }
  WorkingCalendar c = WorkingCalendar::create(std::move(years), WorkingHours::standard()).value();
  Result<Deadline> r = c.add_working_days(at("2030-01-01 07:00:00"), 1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kOutOfRange);
}

}  // namespace
}  // namespace motcua::core
