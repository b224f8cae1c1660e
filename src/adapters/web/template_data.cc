#include "adapters/web/template_data.h"

namespace motcua::adapters::web {

TemplateData& TemplateData::set(const std::string& key, TemplateData value) {
  Object& object = std::get<Object>(value_);
  for (auto& [existing, slot] : object) {
    if (existing == key) {
      slot = std::move(value);
      return *this;
    }
  }
  object.emplace_back(key, std::move(value));
  return *this;
}

TemplateData& TemplateData::append(std::string key, TemplateData value) {
  std::get<Object>(value_).emplace_back(std::move(key), std::move(value));
  return *this;
}

TemplateData& TemplateData::push(TemplateData value) {
  std::get<List>(value_).push_back(std::move(value));
  return *this;
}

}  // namespace motcua::adapters::web
