#include "adapters/web/console_pages.h"

namespace motcua::adapters::web {

void add_intake_routes(WebState&) {}

}  // namespace motcua::adapters::web
