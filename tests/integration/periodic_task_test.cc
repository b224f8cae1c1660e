#include "adapters/jobs/periodic_task.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace motcua::adapters::jobs {
namespace {

using namespace std::chrono_literals;

bool eventually(const std::function<bool()>& condition) {
  auto deadline = std::chrono::steady_clock::now() + 10s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return condition();
}

TEST(PeriodicTask, RunsEveryInterval) {
  std::atomic<int> runs = 0;
  PeriodicTask task(10ms, [&] { ++runs; });
  EXPECT_TRUE(eventually([&] { return runs >= 3; }));
}

TEST(PeriodicTask, TriggerRunsWithoutWaitingForTheInterval) {
  std::atomic<int> runs = 0;
  PeriodicTask task(1h, [&] { ++runs; });
  EXPECT_EQ(runs, 0);
  task.trigger();
  EXPECT_TRUE(eventually([&] { return runs == 1; }));
}

TEST(PeriodicTask, StopDoesNotWaitForTheInterval) {
  std::atomic<int> runs = 0;
  // A stop that waited for the interval would hang here for an hour (ctest's timeout).
  {
    PeriodicTask task(1h, [&] { ++runs; });
    task.stop();
    task.stop();  // twice is harmless
  }
  EXPECT_EQ(runs, 0);
}

}  // namespace
}  // namespace motcua::adapters::jobs
