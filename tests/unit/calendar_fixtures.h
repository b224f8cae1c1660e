#pragma once

// The announced schedules of DESIGN §2, built in code for unit tests (which read no files).
// tests/integration/calendar_file_test.cc checks that data/calendar/*.toml say the same.

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "core/year_calendar.h"

namespace motcua::core::fixtures {

inline std::chrono::sys_days ymd(int y, unsigned m, unsigned d) {
  return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

inline CalendarEntry off(std::chrono::sys_days from, std::chrono::sys_days to, std::string name,
                         bool confirmed = true) {
  return {CalendarEntryKind::kDayOff, from, to, std::move(name), confirmed};
}

inline CalendarEntry make_up(std::chrono::sys_days day, std::string name) {
  return {CalendarEntryKind::kMakeUpWorkingDay, day, day, std::move(name), true};
}

inline YearCalendar year_2024() {
  return YearCalendar::create(2024, true, "DESIGN §2",
                              {off(ymd(2024, 1, 1), ymd(2024, 1, 1), "Tết Dương lịch"),
                               off(ymd(2024, 2, 8), ymd(2024, 2, 14), "Tết Nguyên đán"),
                               off(ymd(2024, 4, 18), ymd(2024, 4, 18), "Giỗ Tổ Hùng Vương"),
                               off(ymd(2024, 4, 27), ymd(2024, 5, 1), "30/4 và 1/5"),
                               make_up(ymd(2024, 5, 4), "Làm bù"),
                               off(ymd(2024, 8, 31), ymd(2024, 9, 3), "Quốc khánh")})
      .value();
}

inline YearCalendar year_2025() {
  return YearCalendar::create(2025, true, "DESIGN §2",
                              {off(ymd(2025, 1, 1), ymd(2025, 1, 1), "Tết Dương lịch"),
                               off(ymd(2025, 1, 25), ymd(2025, 2, 2), "Tết Nguyên đán"),
                               off(ymd(2025, 4, 7), ymd(2025, 4, 7), "Giỗ Tổ Hùng Vương"),
                               off(ymd(2025, 4, 30), ymd(2025, 5, 4), "30/4 và 1/5"),
                               make_up(ymd(2025, 4, 26), "Làm bù"),
                               off(ymd(2025, 8, 30), ymd(2025, 9, 2), "Quốc khánh")})
      .value();
}

inline YearCalendar year_2026() {
  return YearCalendar::create(
             2026, true, "DESIGN §2",
             {off(ymd(2026, 1, 1), ymd(2026, 1, 4), "Tết Dương lịch"),
              make_up(ymd(2026, 1, 10), "Làm bù"),
              off(ymd(2026, 2, 14), ymd(2026, 2, 22), "Tết Nguyên đán"),
              off(ymd(2026, 4, 27), ymd(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương"),
              off(ymd(2026, 4, 30), ymd(2026, 5, 3), "30/4 và 1/5"),
              off(ymd(2026, 8, 29), ymd(2026, 9, 2), "Quốc khánh"),
              make_up(ymd(2026, 8, 22), "Làm bù"),
              off(ymd(2026, 11, 24), ymd(2026, 11, 24), "Ngày Văn hóa Việt Nam", false)})
      .value();
}

inline std::vector<YearCalendar> announced_years() {
  return {year_2024(), year_2025(), year_2026()};
}

}  // namespace motcua::core::fixtures
