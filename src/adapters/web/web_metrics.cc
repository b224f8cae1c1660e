#include "adapters/web/web_metrics.h"

#include <cstdio>

namespace motcua::adapters::web {
namespace {

std::string number_text(const char* format, double value) {
  char text[32];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

// The _bucket, _sum and _count series of one histogram; `labels` is "" or `kind="read",`.
void append_histogram(std::string& out, const std::string& name, const std::string& labels,
                      const app::DurationHistogram& h) {
  for (std::size_t i = 0; i < h.upper_bounds.size(); ++i) {
    out += name + "_bucket{" + labels + "le=\"" + number_text("%g", h.upper_bounds[i]) + "\"} " +
           std::to_string(h.cumulative_counts[i]) + "\n";
  }
  std::string bare = labels.empty() ? "" : "{" + labels.substr(0, labels.size() - 1) + "}";
  out += name + "_bucket{" + labels + "le=\"+Inf\"} " + std::to_string(h.count) + "\n";
  out += name + "_sum" + bare + " " + number_text("%.6f", h.sum_seconds) + "\n";
  out += name + "_count" + bare + " " + std::to_string(h.count) + "\n";
}

void append_store_series(std::string& out, const app::TransactionTimings& t) {
  out +=
      "# HELP motcua_db_transaction_seconds Time of a Store transaction, from BEGIN to COMMIT "
      "or ROLLBACK, lock waits and retries included.\n"
      "# TYPE motcua_db_transaction_seconds histogram\n";
  append_histogram(out, "motcua_db_transaction_seconds", "kind=\"read\",", t.read);
  append_histogram(out, "motcua_db_transaction_seconds", "kind=\"write\",", t.write);
  out +=
      "# HELP motcua_db_transaction_failures_total Store transactions that failed with a "
      "database error.\n"
      "# TYPE motcua_db_transaction_failures_total counter\n"
      "motcua_db_transaction_failures_total{kind=\"read\"} " +
      std::to_string(t.failed_reads) + "\nmotcua_db_transaction_failures_total{kind=\"write\"} " +
      std::to_string(t.failed_writes) + "\n";
}

}  // namespace

void WebMetrics::record(const std::string& method, int status, std::chrono::microseconds elapsed) {
  latency_.record(elapsed);
  std::lock_guard lock(mutex_);
  ++requests_[{method, status}];
}

std::string WebMetrics::prometheus_text(const app::StoreMetrics* store) const {
  std::string out =
      "# HELP motcua_http_requests_total HTTP requests by method and status.\n"
      "# TYPE motcua_http_requests_total counter\n";
  std::uint64_t errors = 0;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, count] : requests_) {
      out += "motcua_http_requests_total{method=\"" + key.first + "\",status=\"" +
             std::to_string(key.second) + "\"} " + std::to_string(count) + "\n";
      if (key.second >= 500) errors += count;
    }
  }
  out +=
      "# HELP motcua_http_errors_total Responses with a 5xx status.\n"
      "# TYPE motcua_http_errors_total counter\n"
      "motcua_http_errors_total " +
      std::to_string(errors) +
      "\n# HELP motcua_http_request_duration_seconds Time to answer a request.\n"
      "# TYPE motcua_http_request_duration_seconds histogram\n";
  append_histogram(out, "motcua_http_request_duration_seconds", "", latency_.snapshot());
  if (store != nullptr) append_store_series(out, store->transaction_timings());
  return out;
}

}  // namespace motcua::adapters::web
