#include "core/case_deadlines.h"

#include <gtest/gtest.h>

#include "calendar_fixtures.h"
#include "core/civil_time.h"

namespace motcua::core {
namespace {

using namespace std::chrono_literals;

WorkingCalendar calendar() {
  return WorkingCalendar::create(fixtures::announced_years(), WorkingHours::standard()).value();
}

std::chrono::sys_seconds vn(const char* text) {
  return from_vietnam_local(parse_local_date_time(text).value());
}

TEST(CaseDeadlines, GuideCaseDeadlineIsOneWorkingDayAndAppointmentTwoMore) {
  CaseDeadlines d = compute_case_deadlines(calendar(), vn("2024-04-26 07:27:52"), 1,
                                           kDefaultAppointmentBufferDays)
                        .value();
  EXPECT_EQ(d.deadline_at, vn("2024-05-02 07:27:00"));
  EXPECT_EQ(d.appointment_at, vn("2024-05-04 07:27:00"));
  EXPECT_FALSE(d.unconfirmed_calendar);
}

TEST(CaseDeadlines, ZeroBufferMakesTheAppointmentTheDeadline) {
  CaseDeadlines d = compute_case_deadlines(calendar(), vn("2024-04-26 07:27:52"), 1, 0).value();
  EXPECT_EQ(d.appointment_at, d.deadline_at);
}

TEST(CaseDeadlines, NegativeOrHugeDayCountsAreRefused) {
  EXPECT_EQ(compute_case_deadlines(calendar(), vn("2024-04-26 07:27:52"), -1, 2).error().kind,
            ErrorKind::kInvalidInput);
  EXPECT_EQ(compute_case_deadlines(calendar(), vn("2024-04-26 07:27:52"), 1, -1).error().kind,
            ErrorKind::kInvalidInput);
  EXPECT_EQ(
      compute_case_deadlines(calendar(), vn("2024-04-26 07:27:52"), kMaxCaseDays, 1).error().kind,
      ErrorKind::kOutOfRange);
}

TEST(CaseDeadlines, ProposedYearIsReportedUnconfirmed) {
  CaseDeadlines d = compute_case_deadlines(calendar(), vn("2030-03-04 08:00:00"), 1, 2).value();
  EXPECT_TRUE(d.unconfirmed_calendar);
}

}  // namespace
}  // namespace motcua::core
