#pragma once

#include <bitset>
#include <chrono>
#include <string>
#include <vector>

#include "core/result.h"

namespace motcua::core {

// One entry of a year's schedule, as announced by the government for the public sector.
enum class CalendarEntryKind {
  kDayOff,            // ngày nghỉ: a public holiday, a compensatory day or a swapped day off
  kMakeUpWorkingDay,  // ngày làm bù: a Saturday or Sunday worked in exchange for a swapped day
};

struct CalendarEntry {
  CalendarEntryKind kind = CalendarEntryKind::kDayOff;
  std::chrono::sys_days from;  // first day, inclusive
  std::chrono::sys_days to;    // last day, inclusive (== from for a single day)
  std::string name;            // Vietnamese, NFC, e.g. "Tết Nguyên đán"
  // False for an entry that is reported but not yet confirmed by the admin. It still applies
  // (a reported holiday is more likely than not); callers warn when a deadline crosses it.
  bool confirmed = true;
};

// The working days of one Gregorian year. A day is a working day iff it is a make-up working
// day, or it is Monday-Friday and not a day off. Built once, then read-only (safe to share
// between threads); lookups are a bit test.
class YearCalendar {
 public:
  // Validates and builds. Errors (kInvalidInput): a year outside 1800-2199, an entry with
  // from > to or outside `year`, an empty name, a make-up day on Monday-Friday (those already
  // work) or on a day that is also a day off, or the same make-up day twice. Days off may
  // overlap each other and may cover weekends (Tết ranges do).
  static Result<YearCalendar> create(int year, bool confirmed, std::string source,
                                     std::vector<CalendarEntry> entries);

  int year() const { return year_; }
  // True when the admin has confirmed the year's schedule (the announced one was entered).
  bool confirmed() const { return confirmed_; }
  // Where the data comes from (the announcement, or "proposed by motcua").
  const std::string& source() const { return source_; }
  const std::vector<CalendarEntry>& entries() const { return entries_; }

  bool contains(std::chrono::sys_days day) const;
  // REQUIRES: contains(day).
  bool is_working_day(std::chrono::sys_days day) const {
    return working_[static_cast<size_t>((day - first_day_).count())];
  }
  // The unconfirmed entries covering `day` (empty for most days). REQUIRES: contains(day).
  std::vector<const CalendarEntry*> unconfirmed_entries_on(std::chrono::sys_days day) const;

 private:
  YearCalendar() = default;

  int year_ = 0;
  bool confirmed_ = false;
  std::string source_;
  std::vector<CalendarEntry> entries_;
  std::chrono::sys_days first_day_;
  std::bitset<366> working_;
  std::bitset<366> has_unconfirmed_;
};

// Monday-Friday.
bool is_weekday(std::chrono::sys_days day);

}  // namespace motcua::core
