#include "adapters/web/web_app.h"

namespace motcua::adapters::web {

std::span<const EmbeddedFile> shipped_template_files();

core::Result<std::shared_ptr<const TemplateEngine>> load_shipped_templates() {
  return TemplateEngine::load(shipped_template_files());
}

}  // namespace motcua::adapters::web
