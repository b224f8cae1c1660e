#pragma once

#include <string>
#include <string_view>

#include "adapters/web/i18n.h"
#include "adapters/web/web_state.h"

namespace motcua::adapters::web {

// "Lịch sử thanh toán" of a case as HTML for the fee tab (template payment_history): each
// request with its lines, channel, amounts, times, ids and state, the callbacks and status
// answers received (verified or refused with the reason, the raw payload escaped in a closed
// <details>), the applied events and overpayments. "" when the case cannot be read: the fee
// tab still shows its lines.
std::string payment_history_html(WebState& state, std::string_view case_code, Language language);

}  // namespace motcua::adapters::web
