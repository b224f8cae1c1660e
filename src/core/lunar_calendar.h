#pragma once

#include <chrono>

#include "core/result.h"

namespace motcua::core {

// A date of the Vietnamese lunisolar calendar (âm lịch). `leap_month` marks the intercalary
// month (tháng nhuận) that repeats `month` in years of 13 months.
struct LunarDate {
  int year = 0;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..30
  bool leap_month = false;
};

// The first and last years the conversion is defined for (the astronomical series it uses is
// accurate for 1800-2199; the domain needs only the present and the next few years).
inline constexpr int kLunarFirstYear = 1800;
inline constexpr int kLunarLastYear = 2199;

// Converts a Vietnamese lunar date to the solar (Gregorian) date, computed for the meridian of
// UTC+7: a month starts on the day of the new moon in Vietnam, and the winter solstice falls in
// month 11 (Hồ Ngọc Đức's published algorithm, from Meeus's new-moon and sun-longitude series).
// Fails (kInvalidInput) for a day past the month's end (a 29-day month has no day 30), a leap
// month that the year does not have, or a year outside kLunarFirstYear..kLunarLastYear.
Result<std::chrono::sys_days> lunar_to_solar(const LunarDate& date);

}  // namespace motcua::core
