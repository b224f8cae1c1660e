#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "adapters/embedded_file.h"
#include "adapters/web/template_data.h"
#include "core/result.h"

namespace motcua::adapters::web {

// Mustache templates, parsed and checked once at start: a broken template stops start-up
// with an error that names it. {{x}} escapes & < > " ' ` = (the library alone leaves ` and =,
// which matter inside unquoted attributes); {{{x}}} is for HTML the server built itself.
// Rendering is safe from several threads.
class TemplateEngine {
 public:
  // Every file whose name ends in ".mustache", keyed by the name without the extension.
  static core::Result<std::shared_ptr<const TemplateEngine>> load(
      std::span<const EmbeddedFile> files);

  // kNotFound for an unknown template name.
  core::Result<std::string> render(std::string_view name, const TemplateData& data) const;

  bool has(std::string_view name) const;

  struct Parsed;
  ~TemplateEngine();

 private:
  TemplateEngine() = default;
  std::map<std::string, std::unique_ptr<Parsed>, std::less<>> templates_;
};

// Escapes text for HTML element content and quoted attributes.
std::string escape_html(std::string_view text);

// `url` if it is a same-site path ("/..." but not "//...") or an http(s) URL; "#" otherwise,
// so a javascript: or data: URL never reaches an href.
std::string safe_url(std::string_view url);

}  // namespace motcua::adapters::web
