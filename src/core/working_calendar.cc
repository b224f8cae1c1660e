#include "core/working_calendar.h"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>

#include "core/holiday_proposal.h"

namespace motcua::core {
namespace {

using std::chrono::days;
using std::chrono::local_days;
using std::chrono::local_seconds;
using std::chrono::minutes;
using std::chrono::sys_days;

int year_of(sys_days day) { return static_cast<int>(std::chrono::year_month_day{day}.year()); }

void add_unique(std::vector<int>& list, int year) {
  if (std::find(list.begin(), list.end(), year) == list.end()) list.push_back(year);
}

// Looks up the schedule of each day of one computation, proposing missing years once per call.
class DayLookup {
 public:
  DayLookup(const std::map<int, YearCalendar>& entered, Deadline* report)
      : entered_(entered), report_(report) {}

  Result<bool> is_working(sys_days day) {
    if (current_ == nullptr || !current_->contains(day)) {
      Status status = switch_to(year_of(day));
      if (!status.ok()) return status.error();
    }
    if (report_ != nullptr && current_year_entered_) {
      for (const CalendarEntry* e : current_->unconfirmed_entries_on(day)) {
        auto& list = report_->unconfirmed_entries;
        bool seen = std::any_of(list.begin(), list.end(), [&](const CalendarEntry& x) {
          return x.from == e->from && x.name == e->name;
        });
        if (!seen) list.push_back(*e);
      }
    }
    return current_->is_working_day(day);
  }

 private:
  Status switch_to(int year) {
    if (auto it = entered_.find(year); it != entered_.end()) {
      current_ = &it->second;
      current_year_entered_ = true;
      if (report_ != nullptr && !current_->confirmed())
        add_unique(report_->unconfirmed_years, year);
      return {};
    }
    auto it = proposed_.find(year);
    if (it == proposed_.end()) {
      Result<YearCalendar> proposal = propose_holidays(year);
      if (!proposal.ok()) {
        return out_of_range("no working-day calendar for " + std::to_string(year) + ": " +
                            proposal.error().message);
      }
      it = proposed_.emplace(year, std::move(proposal).value()).first;
    }
    current_ = &it->second;
    current_year_entered_ = false;
    if (report_ != nullptr) add_unique(report_->proposed_years, year);
    return {};
  }

  const std::map<int, YearCalendar>& entered_;
  Deadline* report_;
  std::map<int, YearCalendar> proposed_;  // this computation's cache only
  const YearCalendar* current_ = nullptr;
  bool current_year_entered_ = false;
};

}  // namespace

WorkingCalendar::WorkingCalendar(std::map<int, YearCalendar> years, WorkingHours hours)
    : years_(std::move(years)), hours_(std::move(hours)) {}

Result<WorkingCalendar> WorkingCalendar::create(std::vector<YearCalendar> years,
                                                WorkingHours hours) {
  std::map<int, YearCalendar> by_year;
  for (YearCalendar& y : years) {
    int year = y.year();
    if (!by_year.emplace(year, std::move(y)).second) {
      return invalid_input("two working-day calendars for " + std::to_string(year));
    }
  }
  return WorkingCalendar(std::move(by_year), std::move(hours));
}

Result<Deadline> WorkingCalendar::add_working_time(local_seconds start, minutes duration) const {
  if (duration < minutes{0}) return invalid_input("working time to add must not be negative");
  Deadline result;
  DayLookup lookup(years_, &result);
  local_seconds t = std::chrono::floor<minutes>(start);
  local_days day = std::chrono::floor<days>(t);
  minutes remaining = duration;
  long idle_days = 0;
  while (true) {
    Result<bool> working = lookup.is_working(sys_days{day.time_since_epoch()});
    if (!working.ok()) return working.error();
    if (*working) {
      idle_days = 0;
      for (const WorkingWindow& w : hours_.windows()) {
        local_seconds begin = local_seconds{day} + w.begin;
        local_seconds end = local_seconds{day} + w.end;
        if (t >= end) continue;
        if (t < begin) t = begin;
        auto available = std::chrono::duration_cast<minutes>(end - t);
        if (remaining <= available) {
          result.at = t + remaining;
          return result;
        }
        remaining -= available;
        t = end;
      }
    } else if (++idle_days > kMaxIdleDays) {
      return out_of_range("no working day in more than " + std::to_string(kMaxIdleDays) +
                          " days from " +
                          std::to_string(year_of(sys_days{day.time_since_epoch()})));
    }
    day += days{1};
  }
}

Result<Deadline> WorkingCalendar::add_working_hours(local_seconds start, long long hours) const {
  constexpr long long kMaxHours = std::numeric_limits<int>::max() / 60;
  if (hours < 0 || hours > kMaxHours) {
    return invalid_input("working hours to add must be between 0 and " + std::to_string(kMaxHours));
  }
  return add_working_time(start, std::chrono::hours{hours});
}

Result<Deadline> WorkingCalendar::add_working_days(local_seconds start, long long days) const {
  long long per_day = hours_.per_day().count();
  constexpr long long kMaxDays = 100000;  // ~400 years; far beyond any processing time
  if (days < 0 || days > kMaxDays) {
    return invalid_input("working days to add must be between 0 and " + std::to_string(kMaxDays));
  }
  return add_working_time(start, minutes{days * per_day});
}

Result<bool> WorkingCalendar::is_working_day(sys_days day) const {
  DayLookup lookup(years_, nullptr);
  return lookup.is_working(day);
}

Result<YearCalendar> WorkingCalendar::year_calendar(int year) const {
  if (auto it = years_.find(year); it != years_.end()) return it->second;
  return propose_holidays(year);
}

}  // namespace motcua::core
