#include "adapters/web/live_stream_slots.h"

namespace motcua::adapters::web {

bool LiveStreamSlots::acquire(const std::string& client) {
  std::lock_guard lock(mutex_);
  std::size_t& mine = by_client_[client];
  if (mine >= per_client_ || open_ >= total_) {
    if (mine == 0) by_client_.erase(client);
    ++refused_;
    return false;
  }
  ++mine;
  ++open_;
  return true;
}

void LiveStreamSlots::release(const std::string& client) {
  std::lock_guard lock(mutex_);
  auto found = by_client_.find(client);
  if (found == by_client_.end()) return;
  if (--found->second == 0) by_client_.erase(found);
  --open_;
}

std::size_t LiveStreamSlots::open() const {
  std::lock_guard lock(mutex_);
  return open_;
}

std::size_t LiveStreamSlots::refused() const {
  std::lock_guard lock(mutex_);
  return refused_;
}

std::string live_stream_metrics(const LiveStreamSlots& slots) {
  return "# HELP motcua_sse_streams Open event streams (live pages) of this process.\n"
         "# TYPE motcua_sse_streams gauge\n"
         "motcua_sse_streams " +
         std::to_string(slots.open()) +
         "\n"
         "# HELP motcua_sse_refused_total Event streams refused at the per-client or total "
         "bound.\n"
         "# TYPE motcua_sse_refused_total counter\n"
         "motcua_sse_refused_total " +
         std::to_string(slots.refused()) + "\n";
}

}  // namespace motcua::adapters::web
