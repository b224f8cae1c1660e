#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace motcua::app {

// A signed-in browser. The cookie carries a random token; storage keeps only its hash, so a
// leaked database does not hand out live sessions. Sessions live in the database so that
// several motcua processes share them.
struct WebSession {
  std::string token_hash;
  std::string principal;   // "staff:12" or "citizen:7"
  std::string csrf_token;  // echoed in every form; compared in constant time
  std::chrono::sys_seconds created_at{};
  std::chrono::sys_seconds expires_at{};
};

// Failed sign-ins of one login name, for lockout with back-off.
struct LoginFailures {
  std::int64_t count = 0;
  std::optional<std::chrono::sys_seconds> locked_until;
};

// Port: sessions and login throttling. Each call is its own transaction.
class WebSessionStore {
 public:
  virtual ~WebSessionStore();
  virtual core::Status create(const WebSession& session) = 0;
  // Only a session that has not expired at `now`.
  virtual core::Result<std::optional<WebSession>> find(std::string_view token_hash,
                                                       std::chrono::sys_seconds now) = 0;
  virtual core::Status extend(std::string_view token_hash, std::chrono::sys_seconds expires_at) = 0;
  virtual core::Status remove(std::string_view token_hash) = 0;

  virtual core::Result<LoginFailures> failures(std::string_view login) = 0;
  // Adds one failure and sets the lock (none when `locked_until` is empty).
  virtual core::Status record_failure(std::string_view login,
                                      std::optional<std::chrono::sys_seconds> locked_until) = 0;
  virtual core::Status clear_failures(std::string_view login) = 0;
};

}  // namespace motcua::app
