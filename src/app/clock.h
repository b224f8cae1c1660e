#pragma once

#include <chrono>

namespace motcua::app {

// Port: the current instant. Use cases take a Clock so that tests control time; nothing in
// core or app reads the system clock directly.
class Clock {
 public:
  virtual ~Clock();
  virtual std::chrono::sys_seconds now() const = 0;
};

}  // namespace motcua::app
