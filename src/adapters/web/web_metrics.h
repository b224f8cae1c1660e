#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "app/store_metrics.h"

namespace motcua::adapters::web {

// Request counts and latencies in Prometheus text format (GET /metrics), followed by the
// Store's transaction timings when the application was given them.
class WebMetrics {
 public:
  void record(const std::string& method, int status, std::chrono::microseconds elapsed);
  // `store` may be null (no database series then).
  std::string prometheus_text(const app::StoreMetrics* store) const;

 private:
  mutable std::mutex mutex_;  // guards requests_
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  app::DurationRecorder latency_{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0};
};

}  // namespace motcua::adapters::web
