// The only translation unit that includes spdlog.
#include "adapters/log/json_event_log.h"

#include <fmt/format.h>
#include <spdlog/logger.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <cmath>

#include "app/json_object.h"

namespace motcua::adapters::log {
namespace {

spdlog::level::level_enum spdlog_level(app::LogLevel level) {
  switch (level) {
    case app::LogLevel::kDebug:
      return spdlog::level::debug;
    case app::LogLevel::kInfo:
      return spdlog::level::info;
    case app::LogLevel::kWarn:
      return spdlog::level::warn;
    case app::LogLevel::kError:
      return spdlog::level::err;
  }
  return spdlog::level::err;
}

core::Result<spdlog::level::level_enum> parse_level(std::string_view word) {
  static constexpr std::pair<std::string_view, spdlog::level::level_enum> kLevels[] = {
      {"trace", spdlog::level::trace}, {"debug", spdlog::level::debug},
      {"info", spdlog::level::info},   {"warn", spdlog::level::warn},
      {"error", spdlog::level::err},   {"critical", spdlog::level::critical},
      {"off", spdlog::level::off}};
  for (const auto& [name, level] : kLevels) {
    if (word == name) return level;
  }
  return core::invalid_input("log level '" + std::string(word) +
                             "': must be trace, debug, info, warn, error, critical or off");
}

void append_value(std::string& out, const app::LogField& field) {
  if (const auto* text = std::get_if<std::string_view>(&field.value)) {
    out += app::json_string(*text);
  } else if (const auto* integer = std::get_if<std::int64_t>(&field.value)) {
    out += std::to_string(*integer);
  } else {
    double number = std::get<double>(field.value);
    out += std::isfinite(number) ? fmt::format("{}", number) : "null";  // JSON has no NaN
  }
}

}  // namespace

struct JsonEventLog::Impl {
  std::shared_ptr<spdlog::logger> logger;
};

JsonEventLog::JsonEventLog(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
JsonEventLog::~JsonEventLog() = default;

namespace {

core::Result<std::unique_ptr<JsonEventLog>> make(spdlog::sink_ptr sink, std::string_view level,
                                                 auto construct) {
  core::Result<spdlog::level::level_enum> parsed = parse_level(level);
  if (!parsed.ok()) return parsed.error();
  // The line's own fields come from the pattern; the event's fields are the message.
  sink->set_formatter(std::make_unique<spdlog::pattern_formatter>(
      R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})", spdlog::pattern_time_type::utc));
  auto logger = std::make_shared<spdlog::logger>("motcua", std::move(sink));
  logger->set_level(parsed.value());
  logger->flush_on(spdlog::level::trace);  // every line reaches the file as it is written
  return construct(std::move(logger));
}

}  // namespace

core::Result<std::unique_ptr<JsonEventLog>> JsonEventLog::to_stderr(std::string_view level) {
  return make(std::make_shared<spdlog::sinks::stderr_sink_mt>(), level, [](auto logger) {
    return std::unique_ptr<JsonEventLog>(new JsonEventLog(std::make_unique<Impl>(logger)));
  });
}

core::Result<std::unique_ptr<JsonEventLog>> JsonEventLog::to_stream(std::ostream& out,
                                                                    std::string_view level) {
  return make(std::make_shared<spdlog::sinks::ostream_sink_mt>(out), level, [](auto logger) {
    return std::unique_ptr<JsonEventLog>(new JsonEventLog(std::make_unique<Impl>(logger)));
  });
}

void JsonEventLog::log(app::LogLevel level, std::string_view event,
                       std::initializer_list<app::LogField> fields) {
  spdlog::level::level_enum target = spdlog_level(level);
  if (!impl_->logger->should_log(target)) return;
  std::string message = "\"event\":" + app::json_string(event);
  for (const app::LogField& field : fields) {
    message += ',';
    message += app::json_string(field.name);
    message += ':';
    append_value(message, field);
  }
  impl_->logger->log(target, spdlog::string_view_t(message.data(), message.size()));
}

}  // namespace motcua::adapters::log
