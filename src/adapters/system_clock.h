#pragma once

#include <chrono>

#include "app/clock.h"

namespace motcua::adapters {

// The real clock, to whole seconds. Only mains create it; everything else takes app::Clock.
class SystemClock final : public app::Clock {
 public:
  std::chrono::sys_seconds now() const override {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

}  // namespace motcua::adapters
