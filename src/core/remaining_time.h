#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace motcua::core {

// Calendar time (not working time) between now and a deadline, split for display.
struct RemainingTime {
  bool overdue = false;  // now is after the deadline
  std::int64_t days = 0;
  std::int64_t hours = 0;    // 0..23
  std::int64_t minutes = 0;  // 0..59
  std::int64_t seconds = 0;  // 0..59
};

// Both instants in the same frame (two sys_seconds). Exactly at the deadline: not overdue, all 0.
RemainingTime remaining_time(std::chrono::sys_seconds now, std::chrono::sys_seconds deadline);

// The guide's wording: "Còn lại 0 ngày 16 giờ 16 phút 46 giây" before the deadline (and at
// it), "Đã quá hạn 7 ngày 1 giờ 48 phút 18 giây" after it.
std::string format_remaining_time(const RemainingTime& remaining);

}  // namespace motcua::core
