#pragma once

#include "adapters/web/web_state.h"

namespace motcua::adapters::web {

// The officer's console under /can-bo: sign-in and sign-out, the dashboard, and an honest
// page for each menu entry whose feature is not built yet.
void add_console_routes(WebState& state);

}  // namespace motcua::adapters::web
