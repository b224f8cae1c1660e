// The only translation unit that includes the mustache library.
#include "adapters/web/template_engine.h"

#include <kainjow/mustache.hpp>

#include "core/markup_escape.h"

#include <mutex>

namespace motcua::adapters::web {
namespace {

namespace mustache = kainjow::mustache;

mustache::data to_mustache(const TemplateData& value) {
  return std::visit(
      [](const auto& v) -> mustache::data {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return mustache::data(v);
        } else if constexpr (std::is_same_v<T, bool>) {
          return v ? mustache::data(mustache::data::type::bool_true)
                   : mustache::data(mustache::data::type::bool_false);
        } else if constexpr (std::is_same_v<T, TemplateData::List>) {
          mustache::data list = mustache::data::type::list;
          for (const TemplateData& item : v) list.push_back(to_mustache(item));
          return list;
        } else {
          mustache::data object = mustache::data::type::object;
          for (const auto& [key, item] : v) object.set(key, to_mustache(item));
          return object;
        }
      },
      value.value());
}

}  // namespace

// The library's render is not documented as thread-safe, so each template is guarded; a
// render takes microseconds, far below a request's database work.
struct TemplateEngine::Parsed {
  explicit Parsed(const std::string& source) : mustache(source) {
    mustache.set_custom_escape([](const std::string& s) { return escape_html(s); });
  }
  std::mutex mutex;
  mustache::mustache mustache;
};

TemplateEngine::~TemplateEngine() = default;

core::Result<std::shared_ptr<const TemplateEngine>> TemplateEngine::load(
    std::span<const EmbeddedFile> files) {
  constexpr std::string_view kExtension = ".mustache";
  std::shared_ptr<TemplateEngine> engine(new TemplateEngine());
  for (const EmbeddedFile& file : files) {
    if (file.name.size() <= kExtension.size() ||
        file.name.substr(file.name.size() - kExtension.size()) != kExtension) {
      continue;
    }
    std::string name(file.name.substr(0, file.name.size() - kExtension.size()));
    auto parsed = std::make_unique<Parsed>(std::string(file.content));
    if (!parsed->mustache.is_valid()) {
      return core::invalid_input("template " + std::string(file.name) +
                                 " is broken: " + parsed->mustache.error_message());
    }
    engine->templates_[name] = std::move(parsed);
  }
  return std::shared_ptr<const TemplateEngine>(std::move(engine));
}

bool TemplateEngine::has(std::string_view name) const { return templates_.contains(name); }

core::Result<std::string> TemplateEngine::render(std::string_view name,
                                                 const TemplateData& data) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) {
    return core::Error{core::ErrorKind::kNotFound, "no template " + std::string(name)};
  }
  mustache::data converted = to_mustache(data);
  std::lock_guard lock(it->second->mutex);
  return it->second->mustache.render(converted);
}

std::string escape_html(std::string_view text) { return core::escape_markup(text); }

std::string safe_url(std::string_view url) {
  bool same_site = url.size() >= 1 && url[0] == '/' && (url.size() == 1 || url[1] != '/');
  bool web = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  if (!same_site && !web) return "#";
  for (char c : url) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\') return "#";
  }
  return std::string(url);
}

}  // namespace motcua::adapters::web
