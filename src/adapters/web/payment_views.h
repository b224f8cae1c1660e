#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/web/i18n.h"
#include "adapters/web/template_data.h"
#include "adapters/web/web_state.h"
#include "app/online_payment.h"
#include "core/fee_line.h"

namespace motcua::adapters::web {

// "26/04/2024 07:27:52" in Vietnam time.
std::string shown_at(std::chrono::sys_seconds at);

// How a paid line was paid, for the "Hình thức thanh toán" column: the method, and for an
// online payment the time and the gateway's transaction id. "" for an unpaid line.
std::string line_payment_text(const core::FeeLine& line);

// One row per receipt (form_symbol, series, number, amount, issued_at, state, state_label),
// "href" = receipt_href_base + "/" + id + "/pdf" (the PDF) and "page_href" without "/pdf".
TemplateData receipt_rows(const std::vector<app::ReceiptSummary>& receipts, Language language,
                          const std::string& receipt_href_base);

// The case's payment facts for a page: "waiting" ("Đang chờ thanh toán" while a request is
// open), "receipts" (each with "href" = receipt_href_base + "/" + id + "/pdf": "Xem biên lai"
// opens the PDF) and "overpayments".
// Nothing is added when the web app has no payment use case or the case has no payments.
void add_case_payments(WebState& state, TemplateData& data, std::string_view case_code,
                       Language language, const std::string& receipt_href_base);

// Everything the receipt template shows ("receipt.mustache").
TemplateData receipt_data(const app::ReceiptView& receipt);

}  // namespace motcua::adapters::web
