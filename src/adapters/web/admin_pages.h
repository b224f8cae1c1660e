#pragma once
// The admin side of the console, one file per page area, each registered from
// add_admin_routes (admin_pages.cc).
#include "adapters/web/web_state.h"

namespace motcua::adapters::web {

void add_numbering_routes(WebState& state);  // "Cấu hình số hồ sơ" (numbering_pages.cc)
void add_agency_routes(WebState& state);     // /can-bo/quan-tri/co-quan (agency_pages.cc)
void add_staff_routes(WebState& state);      // /can-bo/quan-tri/can-bo (staff_pages.cc)
void add_procedure_routes(WebState& state);  // /can-bo/quan-tri/thu-tuc (procedure_pages.cc)
void add_calendar_routes(WebState& state);   // /can-bo/quan-tri/lich (calendar_pages.cc)

}  // namespace motcua::adapters::web
