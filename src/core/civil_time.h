#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/result.h"

namespace motcua::core {

// Vietnam civil time (giờ Việt Nam): UTC+7 all year, no daylight saving time.
// Instants (when something happened) are std::chrono::sys_seconds; wall-clock times in Vietnam
// (what the guide shows and what working hours are written in) are std::chrono::local_seconds.
inline constexpr std::chrono::hours kVietnamUtcOffset{7};

std::chrono::local_seconds to_vietnam_local(std::chrono::sys_seconds instant);
std::chrono::sys_seconds from_vietnam_local(std::chrono::local_seconds local);

// Strict parsers: exactly the shape shown, ASCII digits, a real calendar date (2024-02-30 is
// rejected), hours 00-23, minutes and seconds 00-59. Errors are kInvalidInput naming the text.
Result<std::chrono::local_seconds> parse_local_date_time(
    std::string_view text);                                             // YYYY-MM-DD HH:MM:SS
Result<std::chrono::year_month_day> parse_date(std::string_view text);  // YYYY-MM-DD
// A date as people enter it: "26/04/2024" (DD/MM/YYYY, as pages show dates) or "2024-04-26"
// (what a browser's date field sends).
Result<std::chrono::year_month_day> parse_entered_date(std::string_view text);

// The days of a local time, and the time of day (00:00:00 <= result < 24:00:00).
std::chrono::local_days local_day(std::chrono::local_seconds time);

// "26/04/2024 07:27:52": the guide's display of a received time.
std::string format_display_date_time(std::chrono::local_seconds time);
// "2024-05-02 07:27": the CLI's deadline output (seconds dropped).
std::string format_cli_date_time(std::chrono::local_seconds time);
// "26/04/2024" (dd/MM/yyyy).
std::string format_display_date(std::chrono::year_month_day date);
// "2024-04-26" (ISO 8601, as in the calendar files).
std::string format_iso_date(std::chrono::year_month_day date);

}  // namespace motcua::core
