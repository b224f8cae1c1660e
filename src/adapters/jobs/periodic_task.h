#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace motcua::adapters::jobs {

// Runs `work` on its own thread every `interval` (first run one interval after start) until
// destroyed or stop()ped. A run in progress finishes; stop() wakes a waiting thread at once, so
// shutdown never waits for an interval. `work` must not throw (catch and log inside).
class PeriodicTask {
 public:
  PeriodicTask(std::chrono::milliseconds interval, std::function<void()> work);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  // Runs `work` now on the task's thread, without waiting for the interval.
  void trigger();
  void stop();

 private:
  void loop();

  std::chrono::milliseconds interval_;
  std::function<void()> work_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool triggered_ = false;
  std::thread thread_;
};

}  // namespace motcua::adapters::jobs
