#include "app/rate_limiter.h"

#include <gtest/gtest.h>

#include "../fakes/fake_clock.h"

namespace motcua::app {
namespace {

using namespace std::chrono_literals;

class RateLimiterTest : public ::testing::Test {
 protected:
  motcua::testing::FakeClock clock_{std::chrono::sys_days{std::chrono::year{2024} / 4 / 26}};
};

TEST_F(RateLimiterTest, AllowsTheLimitPerWindowThenRefuses) {
  RateLimiter limiter(clock_, 3, 60s);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.allow("198.51.100.1")) << i;
  EXPECT_FALSE(limiter.allow("198.51.100.1"));
  EXPECT_FALSE(limiter.allow("198.51.100.1"));
  clock_.advance(59s);
  EXPECT_FALSE(limiter.allow("198.51.100.1"));
  clock_.advance(1s);
  EXPECT_TRUE(limiter.allow("198.51.100.1")) << "a new window";
}

TEST_F(RateLimiterTest, CountsEachClientApart) {
  RateLimiter limiter(clock_, 1, 60s);
  EXPECT_TRUE(limiter.allow("a"));
  EXPECT_FALSE(limiter.allow("a"));
  EXPECT_TRUE(limiter.allow("b"));
}

TEST_F(RateLimiterTest, ForgetsEndedWindowsAndStaysWithinItsBound) {
  RateLimiter limiter(clock_, 1, 60s, 100);
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(limiter.allow("client-" + std::to_string(i)));
  EXPECT_EQ(limiter.tracked(), 100u);
  // The most recent clients are still counted; the oldest were dropped to make room.
  EXPECT_FALSE(limiter.allow("client-999"));
  EXPECT_TRUE(limiter.allow("client-0"));
  clock_.advance(60s);
  EXPECT_TRUE(limiter.allow("new"));
  EXPECT_EQ(limiter.tracked(), 1u) << "ended windows are forgotten";
}

}  // namespace
}  // namespace motcua::app
