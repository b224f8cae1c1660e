#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace motcua::app {

// A histogram of durations as Prometheus has it: for each upper bound (seconds, increasing) the
// number of observations at or below it, plus the total count and sum.
struct DurationHistogram {
  std::vector<double> upper_bounds;
  std::vector<std::uint64_t> cumulative_counts;  // one per upper bound
  std::uint64_t count = 0;
  double sum_seconds = 0;
};

// Records durations into fixed buckets without locks; safe to share between threads.
class DurationRecorder {
 public:
  // Up to 16 increasing bounds in seconds.
  explicit DurationRecorder(std::initializer_list<double> upper_bounds);
  void record(std::chrono::nanoseconds elapsed);
  // A consistent-enough copy: counts read while others record may lag by those in flight.
  DurationHistogram snapshot() const;

 private:
  static constexpr std::size_t kMaxBounds = 16;
  std::array<double, kMaxBounds> bounds_{};
  std::size_t bound_count_ = 0;
  std::array<std::atomic<std::uint64_t>, kMaxBounds> in_bucket_{};  // not cumulative
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_nanoseconds_{0};
};

// How long the Store's transactions took since the process started, by kind, and how many
// failed with a storage error (a use case's own refusal is a rollback, not a failure).
struct TransactionTimings {
  DurationHistogram read;
  DurationHistogram write;
  std::uint64_t failed_reads = 0;
  std::uint64_t failed_writes = 0;
};

// Port: the Store's timings, for GET /metrics. Safe to call from any thread.
class StoreMetrics {
 public:
  virtual ~StoreMetrics();
  virtual TransactionTimings transaction_timings() const = 0;
};

}  // namespace motcua::app
