#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace motcua::adapters::web {

// The open event streams of this process, bounded per client address and in all: a browser
// has no business holding more than a few (one per open tab), and each costs a subscription
// and a socket. Thread-safe.
class LiveStreamSlots {
 public:
  LiveStreamSlots(std::size_t per_client, std::size_t total)
      : per_client_(per_client), total_(total) {}

  // Takes a slot for `client`; false when the client or the process is at its bound.
  bool acquire(const std::string& client);
  // Gives back a slot acquire() gave.
  void release(const std::string& client);
  std::size_t open() const;
  std::size_t refused() const;  // acquire() calls that said no, since the start

 private:
  std::size_t per_client_;
  std::size_t total_;
  mutable std::mutex mutex_;
  std::map<std::string, std::size_t> by_client_;
  std::size_t open_ = 0;
  std::size_t refused_ = 0;
};

// The Prometheus lines of `slots`: motcua_sse_streams (gauge) and motcua_sse_refused_total.
std::string live_stream_metrics(const LiveStreamSlots& slots);

}  // namespace motcua::adapters::web
