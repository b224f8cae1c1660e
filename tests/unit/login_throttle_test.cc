#include "core/login_throttle.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

using namespace std::chrono_literals;
const std::chrono::sys_seconds kNow{std::chrono::sys_days{std::chrono::year{2024} / 4 / 26}};

TEST(LoginThrottle, FirstFailuresAreFree) {
  for (std::int64_t n = 1; n < kFreeAttempts; ++n) EXPECT_FALSE(lock_after_failure(n, kNow));
}

TEST(LoginThrottle, LockDoublesFromOneMinuteUpToAnHour) {
  EXPECT_EQ(lock_after_failure(5, kNow), kNow + 1min);
  EXPECT_EQ(lock_after_failure(6, kNow), kNow + 2min);
  EXPECT_EQ(lock_after_failure(7, kNow), kNow + 4min);
  EXPECT_EQ(lock_after_failure(10, kNow), kNow + 32min);
  EXPECT_EQ(lock_after_failure(11, kNow), kNow + 60min);
  EXPECT_EQ(lock_after_failure(1000, kNow), kNow + 60min);
}

}  // namespace
}  // namespace motcua::core
