#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::app {

// A flat JSON object written by hand (the app layer links no JSON library), for audit entries'
// before/after snapshots. Keys are written as given and must be plain ASCII; string values are
// escaped as json_string does.
class JsonObject {
 public:
  JsonObject& add(std::string_view key, std::string_view value);
  JsonObject& add(std::string_view key, const char* value) {
    return add(key, std::string_view(value));
  }
  JsonObject& add(std::string_view key, std::int64_t value);
  JsonObject& add(std::string_view key, std::optional<std::int64_t> value);  // null when absent
  JsonObject& add(std::string_view key, bool value);
  // "{...}"
  std::string str() const { return "{" + body_ + "}"; }

 private:
  void key(std::string_view key);
  std::string body_;
};

// `text` as a JSON string literal, quotes included: quotes, backslashes and control characters
// escaped, well-formed UTF-8 kept as is, and each byte that is not part of well-formed UTF-8
// replaced by U+FFFD, so that the result is always valid JSON.
std::string json_string(std::string_view text);

}  // namespace motcua::app
