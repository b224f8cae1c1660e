#include "adapters/web/web_metrics.h"

#include <cstdio>

namespace motcua::adapters::web {

void WebMetrics::record(const std::string& method, int status, std::chrono::microseconds elapsed) {
  double seconds = static_cast<double>(elapsed.count()) / 1e6;
  std::lock_guard lock(mutex_);
  ++requests_[{method, status}];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++bucket_counts_[i];
  }
  ++observations_;
  seconds_sum_ += seconds;
}

std::string WebMetrics::prometheus_text() const {
  std::lock_guard lock(mutex_);
  std::string out =
      "# HELP motcua_http_requests_total HTTP requests by method and status.\n"
      "# TYPE motcua_http_requests_total counter\n";
  std::uint64_t errors = 0;
  for (const auto& [key, count] : requests_) {
    out += "motcua_http_requests_total{method=\"" + key.first + "\",status=\"" +
           std::to_string(key.second) + "\"} " + std::to_string(count) + "\n";
    if (key.second >= 500) errors += count;
  }
  out +=
      "# HELP motcua_http_errors_total Responses with a 5xx status.\n"
      "# TYPE motcua_http_errors_total counter\n"
      "motcua_http_errors_total " +
      std::to_string(errors) +
      "\n# HELP motcua_http_request_duration_seconds Time to answer a request.\n"
      "# TYPE motcua_http_request_duration_seconds histogram\n";
  char number[32];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    std::snprintf(number, sizeof number, "%g", kBuckets[i]);
    out += "motcua_http_request_duration_seconds_bucket{le=\"" + std::string(number) + "\"} " +
           std::to_string(bucket_counts_[i]) + "\n";
  }
  std::snprintf(number, sizeof number, "%.6f", seconds_sum_);
  out += "motcua_http_request_duration_seconds_bucket{le=\"+Inf\"} " +
         std::to_string(observations_) + "\nmotcua_http_request_duration_seconds_sum " + number +
         "\nmotcua_http_request_duration_seconds_count " + std::to_string(observations_) + "\n";
  return out;
}

}  // namespace motcua::adapters::web
