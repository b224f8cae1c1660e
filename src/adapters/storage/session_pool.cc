#include "adapters/storage/session_pool.h"

#include <soci/soci.h>

#include "adapters/storage/connection.h"
#include "adapters/storage/sql_error.h"

namespace motcua::adapters::storage {

SessionPool::SessionPool(DatabaseTarget target, std::size_t size)
    : target_(std::move(target)), size_(size == 0 ? 1 : size) {}

core::Status SessionPool::lease(std::unique_ptr<SessionContext>& out) {
  {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || open_ < size_; });
    if (!idle_.empty()) {
      out = std::move(idle_.back());
      idle_.pop_back();
      return {};
    }
    ++open_;
  }
  core::Status opened = guarded("connecting to the database", [&]() -> core::Status {
    std::unique_ptr<soci::session> session = connect(target_);
    configure_session(*session, target_.engine);
    out = std::make_unique<SessionContext>(std::move(session), target_.engine);
    return {};
  });
  if (!opened.ok()) give_back(nullptr);
  return opened;
}

void SessionPool::give_back(std::unique_ptr<SessionContext> context) {
  std::lock_guard lock(mutex_);
  if (context) {
    idle_.push_back(std::move(context));
  } else {
    --open_;
  }
  available_.notify_one();
}

}  // namespace motcua::adapters::storage
