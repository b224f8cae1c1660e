#pragma once

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "app/clock.h"

namespace motcua::app {

// A fixed-window limit per client (e.g. 30 typed-code lookups a minute per address), kept in
// memory: each process counts on its own, which is enough to make guessing case codes slow.
// Memory is bounded: clients whose window has ended are forgotten, and when `max_clients` are
// tracked the one whose window started first is dropped to make room. Thread-safe.
class RateLimiter {
 public:
  // REQUIRES: limit >= 1, window > 0, max_clients >= 1.
  RateLimiter(const Clock& clock, int limit, std::chrono::seconds window,
              std::size_t max_clients = 10000);

  // Counts one request of `client`; false when the client has used up its window's limit
  // (the refused request is not counted).
  bool allow(std::string_view client);

  // How many clients are tracked now (for tests of the bound).
  std::size_t tracked() const;

 private:
  struct Window {
    std::string client;
    std::chrono::sys_seconds start;
    int used = 0;
  };
  // REQUIRES: mutex_ is held.
  void forget_ended(std::chrono::sys_seconds now);

  const Clock& clock_;
  const int limit_;
  const std::chrono::seconds window_;
  const std::size_t max_clients_;
  mutable std::mutex mutex_;
  std::list<Window> by_start_;  // oldest window first
  std::unordered_map<std::string_view, std::list<Window>::iterator> by_client_;
};

}  // namespace motcua::app
