#pragma once

#include <chrono>
#include <map>
#include <vector>

#include "core/result.h"
#include "core/working_hours.h"
#include "core/year_calendar.h"

namespace motcua::core {

// A deadline and what it rests on. Callers warn when either list is non-empty.
struct Deadline {
  std::chrono::local_seconds at;  // Vietnam local time, whole minutes
  // Years crossed that had no entered schedule, for which propose_holidays() was used.
  std::vector<int> proposed_years;
  // Years crossed whose entered schedule is marked unconfirmed (not including proposed years).
  std::vector<int> unconfirmed_years;
  // Entered entries marked unconfirmed that applied to a day crossed (e.g. 24/11/2026).
  std::vector<CalendarEntry> unconfirmed_entries;
};

// Working time (thời gian làm việc) over the year schedules and the office hours: processing
// times of cases are in working days, each of WorkingHours::per_day() working time.
// Immutable after creation; every call is pure and safe to run from several threads (a year
// without data is proposed afresh inside the call, never cached in the object).
class WorkingCalendar {
 public:
  // Errors (kInvalidInput): two schedules for the same year.
  static Result<WorkingCalendar> create(std::vector<YearCalendar> years, WorkingHours hours);

  // Adds `duration` of working time to `start`:
  //   - the seconds of `start` are dropped (the guide shows 07:27:52 + 1 day = 07:27);
  //   - a start outside working time counts from the beginning of the next window;
  //   - time runs only inside the windows of working days;
  //   - a deadline that falls exactly at the end of a window stays there (07:00 + 8 hours is
  //     17:00 the same day, not 07:00 the next working day).
  // Errors: a negative duration (kInvalidInput); a year outside 1800-2199, or more than
  // kMaxIdleDays days in a row without working time (kOutOfRange).
  Result<Deadline> add_working_time(std::chrono::local_seconds start,
                                    std::chrono::minutes duration) const;
  Result<Deadline> add_working_hours(std::chrono::local_seconds start, long long hours) const;
  // days x hours().per_day().
  Result<Deadline> add_working_days(std::chrono::local_seconds start, long long days) const;

  // Whether `day` is a working day, by the entered schedule or else the proposal.
  Result<bool> is_working_day(std::chrono::sys_days day) const;
  // The entered schedule of `year`, or the proposal when none was entered (unconfirmed).
  Result<YearCalendar> year_calendar(int year) const;
  // True when a schedule was entered for `year` (as opposed to proposed on demand).
  bool has_entered_year(int year) const { return years_.count(year) > 0; }

  const WorkingHours& hours() const { return hours_; }

  static constexpr long kMaxIdleDays = 366;

 private:
  WorkingCalendar(std::map<int, YearCalendar> years, WorkingHours hours);

  std::map<int, YearCalendar> years_;
  WorkingHours hours_;
};

}  // namespace motcua::core
