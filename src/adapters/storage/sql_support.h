#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <soci/soci.h>

namespace motcua::adapters::storage {

// Conversions between domain types and the columns' int64 encodings.
inline long long to_column(std::chrono::sys_seconds t) { return t.time_since_epoch().count(); }
inline long long to_column(std::chrono::sys_days d) { return d.time_since_epoch().count(); }
inline std::chrono::sys_seconds seconds_from_column(long long v) {
  return std::chrono::sys_seconds{std::chrono::seconds{v}};
}
inline std::chrono::sys_days days_from_column(long long v) {
  return std::chrono::sys_days{std::chrono::days{v}};
}

// A nullable int64 column bound by reference: value plus SOCI indicator.
struct NullableInt {
  long long value = 0;
  soci::indicator indicator = soci::i_null;

  void set(std::optional<long long> v) {
    value = v.value_or(0);
    indicator = v ? soci::i_ok : soci::i_null;
  }
  std::optional<long long> get() const {
    return indicator == soci::i_ok ? std::optional<long long>(value) : std::nullopt;
  }
};

// Steps a prepared statement to its end after the rows the caller wanted. SQLite refuses to
// COMMIT while a statement is still active, and a statement kept for reuse stays active after
// its first row (an INSERT ... RETURNING, a lookup by key) until it reports that it is done.
// REQUIRES: the caller has copied what it needs from the bound variables.
inline void finish(soci::statement& st) {
  while (st.fetch()) {
  }
}

// The smallest string above every string that starts with `prefix` (compared byte by byte):
// prefix + U+10FFFF, the largest code point, so the bound is still valid UTF-8.
inline std::string prefix_upper_bound(std::string_view prefix) {
  return std::string(prefix) + "\xF4\x8F\xBF\xBF";
}

}  // namespace motcua::adapters::storage
