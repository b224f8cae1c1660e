#include "core/year_calendar.h"

#include <utility>

#include "core/civil_time.h"

namespace motcua::core {
namespace {

using std::chrono::sys_days;

std::string describe(const CalendarEntry& entry) {
  std::string text = (entry.kind == CalendarEntryKind::kDayOff ? "day off " : "make-up day ") +
                     format_iso_date(std::chrono::year_month_day{entry.from});
  if (entry.to != entry.from) text += ".." + format_iso_date(std::chrono::year_month_day{entry.to});
  return text;
}

}  // namespace

bool is_weekday(std::chrono::sys_days day) {
  std::chrono::weekday wd{day};
  return wd != std::chrono::Saturday && wd != std::chrono::Sunday;
}

Result<YearCalendar> YearCalendar::create(int year, bool confirmed, std::string source,
                                          std::vector<CalendarEntry> entries) {
  if (year < 1800 || year > 2199) {
    return invalid_input("calendar year " + std::to_string(year) + " is outside 1800-2199");
  }
  YearCalendar calendar;
  calendar.year_ = year;
  calendar.confirmed_ = confirmed;
  calendar.source_ = std::move(source);
  calendar.first_day_ = sys_days{std::chrono::year{year} / 1 / 1};
  sys_days last_day{std::chrono::year{year} / 12 / 31};
  auto index = [&](sys_days day) {
    return static_cast<size_t>((day - calendar.first_day_).count());
  };

  for (sys_days d = calendar.first_day_; d <= last_day; d += std::chrono::days{1}) {
    calendar.working_[index(d)] = is_weekday(d);
  }
  std::bitset<366> day_off;
  std::bitset<366> make_up;
  for (const CalendarEntry& e : entries) {
    if (e.from > e.to) return invalid_input(describe(e) + ": 'from' is after 'to'");
    if (e.from < calendar.first_day_ || e.to > last_day) {
      return invalid_input(describe(e) + ": outside the year " + std::to_string(year));
    }
    if (e.name.empty()) return invalid_input(describe(e) + ": the name is empty");
    for (sys_days d = e.from; d <= e.to; d += std::chrono::days{1}) {
      size_t i = index(d);
      if (e.kind == CalendarEntryKind::kDayOff) {
        day_off[i] = true;
      } else {
        if (is_weekday(d)) {
          return invalid_input(describe(e) + ": a make-up day must be a Saturday or Sunday");
        }
        if (make_up[i]) return invalid_input(describe(e) + ": the make-up day is listed twice");
        make_up[i] = true;
      }
      if (!e.confirmed) calendar.has_unconfirmed_[i] = true;
    }
  }
  std::bitset<366> clash = day_off & make_up;
  for (sys_days d = calendar.first_day_; clash.any() && d <= last_day; d += std::chrono::days{1}) {
    if (clash[index(d)]) {
      return invalid_input("make-up day " + format_iso_date(std::chrono::year_month_day{d}) +
                           " is also a day off");
    }
  }
  calendar.working_ = (calendar.working_ & ~day_off) | make_up;
  calendar.entries_ = std::move(entries);
  return calendar;
}

bool YearCalendar::contains(std::chrono::sys_days day) const {
  auto offset = (day - first_day_).count();
  return offset >= 0 && day <= sys_days{std::chrono::year{year_} / 12 / 31};
}

std::vector<const CalendarEntry*> YearCalendar::unconfirmed_entries_on(
    std::chrono::sys_days day) const {
  std::vector<const CalendarEntry*> found;
  if (!has_unconfirmed_[static_cast<size_t>((day - first_day_).count())]) return found;
  for (const CalendarEntry& e : entries_) {
    if (!e.confirmed && e.from <= day && day <= e.to) found.push_back(&e);
  }
  return found;
}

}  // namespace motcua::core
