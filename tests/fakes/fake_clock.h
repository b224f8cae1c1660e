#pragma once

#include <chrono>

#include "app/clock.h"

namespace motcua::testing {

// A clock that stands still until the test moves it.
class FakeClock : public app::Clock {
 public:
  explicit FakeClock(std::chrono::sys_seconds now) : now_(now) {}
  std::chrono::sys_seconds now() const override { return now_; }
  void advance(std::chrono::seconds by) { now_ += by; }
  void set(std::chrono::sys_seconds now) { now_ = now; }

 private:
  std::chrono::sys_seconds now_;
};

}  // namespace motcua::testing
