#include "core/remaining_time.h"

namespace motcua::core {

RemainingTime remaining_time(std::chrono::sys_seconds now, std::chrono::sys_seconds deadline) {
  RemainingTime r;
  std::int64_t s = (deadline - now).count();
  if (s < 0) {
    r.overdue = true;
    s = -s;
  }
  r.days = s / 86400;
  r.hours = s / 3600 % 24;
  r.minutes = s / 60 % 60;
  r.seconds = s % 60;
  return r;
}

std::string format_remaining_time(const RemainingTime& r) {
  return std::string(r.overdue ? "Đã quá hạn " : "Còn lại ") + std::to_string(r.days) + " ngày " +
         std::to_string(r.hours) + " giờ " + std::to_string(r.minutes) + " phút " +
         std::to_string(r.seconds) + " giây";
}

}  // namespace motcua::core
