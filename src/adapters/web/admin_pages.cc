#include "adapters/web/console_pages.h"

namespace motcua::adapters::web {

void add_admin_routes(WebState&) {}

}  // namespace motcua::adapters::web
