#include "app/rate_limiter.h"

namespace motcua::app {

RateLimiter::RateLimiter(const Clock& clock, int limit, std::chrono::seconds window,
                         std::size_t max_clients)
    : clock_(clock),
      limit_(limit < 1 ? 1 : limit),
      window_(window.count() < 1 ? std::chrono::seconds(1) : window),
      max_clients_(max_clients < 1 ? 1 : max_clients) {}

void RateLimiter::forget_ended(std::chrono::sys_seconds now) {
  while (!by_start_.empty() && by_start_.front().start + window_ <= now) {
    by_client_.erase(by_start_.front().client);
    by_start_.pop_front();
  }
}

bool RateLimiter::allow(std::string_view client) {
  std::chrono::sys_seconds now = clock_.now();
  std::lock_guard lock(mutex_);
  forget_ended(now);
  auto found = by_client_.find(client);
  if (found != by_client_.end()) {
    Window& window = *found->second;
    if (window.used >= limit_) return false;
    ++window.used;
    return true;
  }
  if (by_start_.size() >= max_clients_) {
    by_client_.erase(by_start_.front().client);
    by_start_.pop_front();
  }
  // The map's key views the list node's string, which never moves.
  by_start_.push_back(Window{std::string(client), now, 1});
  by_client_.emplace(by_start_.back().client, std::prev(by_start_.end()));
  return true;
}

std::size_t RateLimiter::tracked() const {
  std::lock_guard lock(mutex_);
  return by_start_.size();
}

}  // namespace motcua::app
