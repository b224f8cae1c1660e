#include "app/store_metrics.h"

#include <algorithm>
#include <cstdlib>

namespace motcua::app {

DurationRecorder::DurationRecorder(std::initializer_list<double> upper_bounds) {
  if (upper_bounds.size() > kMaxBounds) std::abort();  // a programming error, found at start
  for (double bound : upper_bounds) bounds_[bound_count_++] = bound;
}

void DurationRecorder::record(std::chrono::nanoseconds elapsed) {
  double seconds = std::chrono::duration<double>(elapsed).count();
  for (std::size_t i = 0; i < bound_count_; ++i) {
    if (seconds <= bounds_[i]) {
      in_bucket_[i].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  }
  count_.fetch_add(1, std::memory_order_relaxed);
  auto nanoseconds = elapsed.count() > 0 ? static_cast<std::uint64_t>(elapsed.count()) : 0;
  sum_nanoseconds_.fetch_add(nanoseconds, std::memory_order_relaxed);
}

DurationHistogram DurationRecorder::snapshot() const {
  DurationHistogram h;
  std::uint64_t running = 0;
  for (std::size_t i = 0; i < bound_count_; ++i) {
    running += in_bucket_[i].load(std::memory_order_relaxed);
    h.upper_bounds.push_back(bounds_[i]);
    h.cumulative_counts.push_back(running);
  }
  // Read after the buckets, so count >= every cumulative count.
  h.count = std::max(running, count_.load(std::memory_order_relaxed));
  h.sum_seconds = static_cast<double>(sum_nanoseconds_.load(std::memory_order_relaxed)) / 1e9;
  return h;
}

}  // namespace motcua::app
