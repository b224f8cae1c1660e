#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <variant>

namespace motcua::app {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

// One named value of a structured log event: text or a number.
struct LogField {
  LogField(std::string_view n, std::string_view text) : name(n), value(text) {}
  LogField(std::string_view n, const char* text) : name(n), value(std::string_view(text)) {}
  LogField(std::string_view n, std::int64_t number) : name(n), value(number) {}
  LogField(std::string_view n, int number) : name(n), value(std::int64_t{number}) {}
  LogField(std::string_view n, double number) : name(n), value(number) {}

  std::string_view name;  // plain ASCII
  std::variant<std::string_view, std::int64_t, double> value;
};

// Port: structured events for operators (the access log, failures). An implementation writes
// each event whole (one line where it writes lines), drops events below its configured level,
// and is safe to call from any thread. Logging never fails the caller.
class EventLog {
 public:
  virtual ~EventLog();
  virtual void log(LogLevel level, std::string_view event,
                   std::initializer_list<LogField> fields) = 0;
};

}  // namespace motcua::app
