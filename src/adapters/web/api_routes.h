#pragma once

// The parts of the JSON API under /api/v1 (add_api_routes in console_pages.h adds them all).
#include "adapters/web/web_state.h"

namespace motcua::adapters::web {

// GET /api/v1/cases, GET /api/v1/cases/{code}, POST /api/v1/cases/{code}/status
// (api_cases.cc).
void add_api_case_routes(WebState& state);

// POST /api/v1/cases: intake (api_intake.cc).
void add_api_intake_routes(WebState& state);

}  // namespace motcua::adapters::web
