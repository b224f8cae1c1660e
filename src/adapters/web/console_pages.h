#pragma once

#include "adapters/web/web_state.h"

namespace motcua::adapters::web {

// The officer's console under /can-bo: sign-in and sign-out, the dashboard, and an honest
// page for each menu entry whose feature is not built yet.
void add_console_routes(WebState& state);

// "Tra cứu hồ sơ theo đơn vị / toàn cơ quan / cá nhân", the case page (/can-bo/ho-so/{code})
// with its "Lệ phí" table and history, and its status change (lookup_pages.cc).
void add_lookup_routes(WebState& state);

// "Hồ sơ chờ tiếp nhận": the unit's Mới đăng ký cases, each with "Tiếp nhận" and "Không tiếp
// nhận" through the status change of lookup_pages.cc (pending_pages.cc).
void add_pending_routes(WebState& state);

// "Tiếp nhận hồ sơ" with its printable slip, and "Xử lý hồ sơ" (intake_pages.cc).
void add_intake_routes(WebState& state);

// "Cấu hình số hồ sơ", "Xóa hồ sơ" and the admin pages: agencies, staff, procedures and fee
// items, the calendar (admin_pages.cc).
void add_admin_routes(WebState& state);

// "Xem biên lai": a receipt of a case the officer may read (receipt_pages.cc).
void add_receipt_routes(WebState& state);

// "Đối soát thanh toán": the daily reconciliation page, "Đối soát ngay" and its CSV export
// (reconciliation_pages.cc).
void add_reconciliation_routes(WebState& state);
// Payments at the counter: "Thanh toán qua máy POS", "Thu tiền mặt", "Xem hóa đơn", "Phát hành
// biên lai" under /can-bo/ho-so/{code}/, and "Danh sách thanh toán qua máy POS" (counter_pages.cc).
void add_counter_routes(WebState& state);

// The JSON API under /api/v1, errors as application/problem+json (api_routes.cc).
void add_api_routes(WebState& state);

}  // namespace motcua::adapters::web
