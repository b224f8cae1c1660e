#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "adapters/storage/database_url.h"
#include "adapters/storage/session_context.h"
#include "core/result.h"

namespace motcua::adapters::storage {

// Up to `size` open connections, each wrapped in a SessionContext, handed out one caller at a
// time. Connections open lazily; a caller that finds every connection busy waits.
class SessionPool {
 public:
  SessionPool(DatabaseTarget target, std::size_t size);

  // kStorage when a new connection cannot be opened.
  core::Status lease(std::unique_ptr<SessionContext>& out);
  // Returns a connection; pass nullptr for one that broke (its slot frees up).
  void give_back(std::unique_ptr<SessionContext> context);

  Engine engine() const { return target_.engine; }

 private:
  DatabaseTarget target_;
  std::size_t size_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<SessionContext>> idle_;
  std::size_t open_ = 0;
};

}  // namespace motcua::adapters::storage
