#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/store.h"
#include "core/account.h"
#include "core/result.h"
#include "core/working_calendar.h"
#include "core/year_calendar.h"

namespace motcua::app {

// A year's days off and make-up working days as the admin sees them.
struct CalendarYearView {
  core::YearCalendar year;
  // True when the year is stored in the database (edited here); false when it comes from the
  // shipped schedules or, for a year nobody entered, from core::propose_holidays.
  bool stored = false;
};

// The holiday calendar (admin only, app/admin_access.h). A year is edited starting from what
// deadlines use today (`fallback`: the shipped schedules, else the proposal), then stored
// whole with CalendarRepository::save_year. Each change is one transaction with its audit
// entry (entity "calendar", id the year).
class CalendarAdmin {
 public:
  CalendarAdmin(Store& store, const Clock& clock, const core::WorkingCalendar& fallback);

  core::Result<CalendarYearView> year(const core::StaffMember& actor, int year) const;

  // Adds a day off or a make-up working day, confirmed (the admin entered it). The year keeps
  // its confirmed flag. kInvalidInput for an empty label, a day outside `year`, or what
  // core::YearCalendar::create refuses (a make-up day on a weekday or on a day off).
  core::Status add_day(const core::StaffMember& actor, int year, std::chrono::sys_days day,
                       core::CalendarEntryKind kind, std::string_view name) const;

  // Removes the entries that start on `day` (a range goes whole). kNotFound when none does.
  core::Status remove_day(const core::StaffMember& actor, int year,
                          std::chrono::sys_days day) const;

  // Marks the year and every entry confirmed: the announced schedule has been entered.
  core::Status confirm(const core::StaffMember& actor, int year) const;

 private:
  core::Status edit(
      const core::StaffMember& actor, int year, std::string_view action,
      const std::function<core::Status(bool& confirmed, std::vector<core::CalendarEntry>& entries,
                                       std::string& detail)>& change) const;
  Store& store_;
  const Clock& clock_;
  const core::WorkingCalendar& fallback_;
};

// `base` (the shipped schedules) with every year stored in the database replacing the base's
// schedule of that year, or added: the years deadlines are computed from. `motcua serve` reads
// them once at start, so a change on the calendar page applies from the next start.
core::Result<std::vector<core::YearCalendar>> with_stored_years(
    Store& store, std::vector<core::YearCalendar> base);

}  // namespace motcua::app
