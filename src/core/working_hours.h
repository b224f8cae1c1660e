#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace motcua::core {

// One window of office hours within a day, as offsets from local midnight: [begin, end).
struct WorkingWindow {
  std::chrono::minutes begin;
  std::chrono::minutes end;
};

// The office hours of a working day (giờ hành chính), as configuration. The default,
// 07:00-11:00 and 13:00-17:00 (8 hours), is what the guide implies: 26/04/2024 07:27 plus
// 4 working hours is 26/04/2024 13:27.
class WorkingHours {
 public:
  // 07:00-11:00, 13:00-17:00.
  static WorkingHours standard();
  // Errors (kInvalidInput): no window, a window with begin >= end or outside 00:00-24:00,
  // windows not in ascending order or overlapping (touching windows are allowed).
  static Result<WorkingHours> create(std::vector<WorkingWindow> windows);
  // Parses "07:00-11:00,13:00-17:00" (HH:MM, 24:00 allowed as an end), then as create().
  static Result<WorkingHours> parse(std::string_view text);

  // Sorted, non-overlapping, never empty.
  const std::vector<WorkingWindow>& windows() const { return windows_; }
  // The length of one working day: the sum of the windows (8 hours by default).
  std::chrono::minutes per_day() const { return per_day_; }
  // "07:00-11:00,13:00-17:00".
  std::string to_string() const;

 private:
  explicit WorkingHours(std::vector<WorkingWindow> windows);

  std::vector<WorkingWindow> windows_;
  std::chrono::minutes per_day_{0};
};

}  // namespace motcua::core
