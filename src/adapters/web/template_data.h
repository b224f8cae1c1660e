#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace motcua::adapters::web {

// What a template sees: text, a flag, a list or an object, nested. Built by handlers; the
// template engine turns it into the mustache library's own type, so no handler includes it.
class TemplateData {
 public:
  using List = std::vector<TemplateData>;
  using Object = std::vector<std::pair<std::string, TemplateData>>;

  TemplateData() : value_(Object{}) {}
  TemplateData(std::string text) : value_(std::move(text)) {}    // NOLINT: implicit
  TemplateData(const char* text) : value_(std::string(text)) {}  // NOLINT: implicit
  TemplateData(bool flag) : value_(flag) {}                      // NOLINT: implicit
  static TemplateData list() {
    TemplateData d;
    d.value_ = List{};
    return d;
  }

  // REQUIRES: this is an object. Replaces an existing key.
  TemplateData& set(const std::string& key, TemplateData value);
  // REQUIRES: this is an object without `key` (no search: for large objects built once).
  TemplateData& append(std::string key, TemplateData value);
  // REQUIRES: this is a list.
  TemplateData& push(TemplateData value);

  const std::variant<std::string, bool, List, Object>& value() const { return value_; }

 private:
  std::variant<std::string, bool, List, Object> value_;
};

}  // namespace motcua::adapters::web
