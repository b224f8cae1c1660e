#include "adapters/config/shipped_calendars.h"

#include <algorithm>
#include <utility>

#include "adapters/config/calendar_file.h"

namespace motcua::adapters::config {

core::Result<std::vector<core::YearCalendar>> shipped_calendars() {
  std::vector<core::YearCalendar> years;
  for (const EmbeddedCalendarText& file : embedded_calendar_texts()) {
    core::Result<core::YearCalendar> year =
        parse_calendar_toml(file.content, "data/calendar/" + std::string(file.name));
    if (!year.ok()) return year.error();
    if (file.name != std::to_string(year->year()) + ".toml") {
      return core::invalid_input("data/calendar/" + std::string(file.name) + ": holds the year " +
                                 std::to_string(year->year()));
    }
    years.push_back(std::move(year).value());
  }
  return years;
}

core::Result<std::vector<core::YearCalendar>> calendars_with_replacements(
    const std::vector<std::string>& replacement_files) {
  std::vector<core::YearCalendar> replacements;
  for (const std::string& path : replacement_files) {
    core::Result<core::YearCalendar> year = load_calendar_file(path);
    if (!year.ok()) return year.error();
    for (const core::YearCalendar& other : replacements) {
      if (other.year() == year->year()) {
        return core::invalid_input(path + ": a second calendar file for " +
                                   std::to_string(year->year()));
      }
    }
    replacements.push_back(std::move(year).value());
  }
  core::Result<std::vector<core::YearCalendar>> shipped = shipped_calendars();
  if (!shipped.ok()) return shipped.error();
  std::vector<core::YearCalendar> years;
  for (core::YearCalendar& y : shipped.value()) {
    bool replaced = std::any_of(replacements.begin(), replacements.end(),
                                [&](const core::YearCalendar& r) { return r.year() == y.year(); });
    if (!replaced) years.push_back(std::move(y));
  }
  for (core::YearCalendar& r : replacements) years.push_back(std::move(r));
  return years;
}

core::Result<core::WorkingCalendar> load_working_calendar(
    const std::vector<std::string>& replacement_files, core::WorkingHours hours) {
  core::Result<std::vector<core::YearCalendar>> years =
      calendars_with_replacements(replacement_files);
  if (!years.ok()) return years.error();
  return core::WorkingCalendar::create(std::move(years).value(), std::move(hours));
}

}  // namespace motcua::adapters::config
