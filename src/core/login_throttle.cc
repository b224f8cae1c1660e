#include "core/login_throttle.h"

#include <algorithm>

namespace motcua::core {

std::optional<std::chrono::sys_seconds> lock_after_failure(std::int64_t failures,
                                                           std::chrono::sys_seconds now) {
  if (failures < kFreeAttempts) return std::nullopt;
  std::int64_t doublings = std::min<std::int64_t>(failures - kFreeAttempts, 6);  // 2^6 > 60
  std::chrono::minutes lock{std::min<std::int64_t>(std::int64_t{1} << doublings, 60)};
  return now + lock;
}

}  // namespace motcua::core
