#pragma once

// The routes add_intake_routes (console_pages.h) registers besides the intake form itself.
#include "adapters/web/web_state.h"

namespace motcua::adapters::web {

// GET /can-bo/ho-so/{code}/giay-tiep-nhan: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", the
// printable intake slip, for whoever may view the case (intake_slip.cc).
void add_intake_slip_route(WebState& state);

// GET /can-bo/xu-ly-ho-so: "Xử lý hồ sơ", the unit's cases in processing, each with a form per
// allowed next status (process_pages.cc).
void add_process_route(WebState& state);

}  // namespace motcua::adapters::web
