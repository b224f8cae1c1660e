#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace motcua::core {

// Lockout with back-off after failed sign-ins: the first kFreeAttempts failures cost nothing;
// then each further failure locks the login for twice as long as the last, from one minute up
// to one hour. A success clears the count.
inline constexpr std::int64_t kFreeAttempts = 5;

// The lock to set after the `failures`-th failure at `now`; none while attempts are free.
std::optional<std::chrono::sys_seconds> lock_after_failure(std::int64_t failures,
                                                           std::chrono::sys_seconds now);

}  // namespace motcua::core
