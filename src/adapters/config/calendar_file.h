#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "core/year_calendar.h"

namespace motcua::adapters::config {

// One year's schedule of days off and make-up working days, as TOML (see data/calendar/):
//
//   year = 2024
//   confirmed = true                  # the admin has entered the announced schedule
//   source = "..."                    # where it comes from
//   [[day_off]]                       # a day or a range of days off, inclusive
//   from = 2024-04-27                 # TOML local dates (or `date = ...` for one day)
//   to = 2024-05-01
//   name = "Ngày Chiến thắng ..."     # Vietnamese, stored as NFC
//   confirmed = false                 # optional, default true: reported, not yet confirmed
//   [[make_up_day]]                   # a Saturday or Sunday worked instead of a swapped day
//   date = 2024-05-04
//   name = "..."
//
// Unknown keys are rejected (a misspelt key must not silently drop a holiday). Errors are
// kInvalidInput and name the origin and the field: "2024.toml: day_off #3: 'to' must be a
// date (YYYY-MM-DD)", or "2024.toml:7:5: <TOML syntax error>".

// Parses TOML text; `origin` names it in errors (a file name).
core::Result<core::YearCalendar> parse_calendar_toml(std::string_view text,
                                                     std::string_view origin);

// Reads and parses the file at `path`; errors name the path.
core::Result<core::YearCalendar> load_calendar_file(const std::string& path);

}  // namespace motcua::adapters::config
