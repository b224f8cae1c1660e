#pragma once
// Receipts' life and signature on pages (issue 7): the state block of receipt.mustache, the
// public verification page.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "adapters/web/i18n.h"
#include "adapters/web/template_data.h"
#include "adapters/web/web_state.h"
#include "app/receipt_lifecycle.h"
#include "core/receipt_state.h"

namespace motcua::adapters::web {

// "rcpt_state_issued", "rcpt_state_cancelled", "rcpt_state_replaced".
std::string_view receipt_state_key(core::ReceiptState state);

// "0000001" (the receipt's printed number), "" when out of range.
std::string receipt_number_text(std::int64_t number);

// Sets the receipt template's state block: "state" (issued/cancelled/replaced), "state_label",
// for a cancelled receipt "cancelled" with "cancelled_at", "cancelled_by", "cancel_reason",
// and "replacement_href"/"replacement_number", "original_href"/"original_number" made with
// `href_of(receipt id)`.
void add_receipt_state(TemplateData& data, Language language, const app::ReceiptStatus& status,
                       const std::function<std::string(std::int64_t)>& href_of);

// GET /bien-lai/{id}/{token}: the public verification page (no session).
void add_receipt_verification_routes(WebState& state);

}  // namespace motcua::adapters::web
