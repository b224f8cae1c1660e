#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace motcua::adapters::web {

// Request counts and latencies in Prometheus text format (GET /metrics).
class WebMetrics {
 public:
  void record(const std::string& method, int status, std::chrono::microseconds elapsed);
  std::string prometheus_text() const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,  0.1,    0.25,  0.5,  1.0};
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::array<std::uint64_t, kBuckets.size()> bucket_counts_{};
  std::uint64_t observations_ = 0;
  double seconds_sum_ = 0;
};

}  // namespace motcua::adapters::web
