#include "adapters/web/console_pages.h"

namespace motcua::adapters::web {

void add_api_routes(WebState&) {}

}  // namespace motcua::adapters::web
