#pragma once

#include <iosfwd>
#include <memory>
#include <string_view>

#include "app/event_log.h"
#include "core/result.h"

namespace motcua::adapters::log {

// The EventLog as JSON lines through spdlog: each event is one line holding one object,
//   {"time":"2026-11-26T11:20:03.123Z","level":"info","event":"http","method":"GET",...}
// with the time in UTC, then the event's fields in the order given. Text values go through
// app::json_string (quotes, backslashes and control characters escaped, UTF-8 kept, bytes that
// are not UTF-8 replaced by U+FFFD), so every line parses as JSON whatever the input was.
class JsonEventLog : public app::EventLog {
 public:
  // `level` is the lowest level written: trace, debug, info, warn, error, critical or off
  // (AppConfig::log_level). kInvalidInput for another word.
  static core::Result<std::unique_ptr<JsonEventLog>> to_stderr(std::string_view level);
  // The same, writing to `out`, which must outlive the log (tests).
  static core::Result<std::unique_ptr<JsonEventLog>> to_stream(std::ostream& out,
                                                               std::string_view level);
  ~JsonEventLog() override;

  void log(app::LogLevel level, std::string_view event,
           std::initializer_list<app::LogField> fields) override;

 private:
  struct Impl;
  explicit JsonEventLog(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::adapters::log
