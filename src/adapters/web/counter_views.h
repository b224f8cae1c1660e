#pragma once

#include "adapters/web/i18n.h"
#include "adapters/web/template_data.h"
#include "app/counter_payment_repository.h"
#include "core/case_record.h"

namespace motcua::adapters::web {

// The case's counter actions for the "Lệ phí" tab, as "counter": bill_href ("Xem hóa đơn"),
// pos_href ("Thanh toán qua máy POS"), cash_href ("Thu tiền mặt"), pos_list_href ("Danh sách
// thanh toán qua máy POS" for this case), issue_action ("Phát hành biên lai", a POST), and the
// flags due (an unpaid line) and needs_receipt (a paid line without receipt) (counter_pages.cc).
void add_counter_actions(TemplateData& data, const core::CaseRecord& record);

// One fee line for a table ("Lệ phí", "Xem hóa đơn"): name and description (the line's
// description, else its name), quantity, unit_amount, amount, paid ("Đã thanh toán" / "Chưa
// thanh toán") and method (payment_views.h line_payment_text).
TemplateData fee_line_row(const core::FeeLine& line, Language language);

// One counter payment for a table: reference, case_code, method, amount, terminal_id,
// approval_code, card ("**** 4321"), officer, at, and receipt_href when it has a receipt.
TemplateData counter_payment_row(const app::CounterPaymentRecord& payment);

}  // namespace motcua::adapters::web
