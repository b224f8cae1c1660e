#pragma once

#include <cstdint>
#include <vector>

#include "core/money.h"
#include "core/result.h"

namespace motcua::core {

// One line of a payment request as it stands when the gateway confirms the money.
struct SettlingLine {
  std::int64_t fee_line_id = 0;
  Money amount;               // what the request asked for this line
  bool already_paid = false;  // paid meanwhile by another request or channel
};

// What a confirmed success does. The request's whole amount is accounted for:
// receipt_amount + overpayment == the sum of the request's lines.
struct Settlement {
  std::vector<std::int64_t> to_mark_paid;  // lines this payment pays (in the request's order)
  Money receipt_amount;                    // their sum: the receipt's amount
  std::vector<std::int64_t> overpaid_line_ids;
  Money overpayment;  // money for lines paid already: refunded, never dropped
};

// Settles a success: unpaid lines are paid by it; a line already paid turns its amount into
// overpayment (everything already paid: the whole amount is overpayment). kInvalidInput for a
// negative amount or a line listed twice; kOverflow if a sum does not fit.
Result<Settlement> settle_success(const std::vector<SettlingLine>& lines);

// The line could not be marked after all (another payment won the race for it between reading
// and writing): moves it from to_mark_paid to the overpayment. kInvalidInput when the line is
// not in to_mark_paid.
Status mark_lost_race(Settlement& settlement, std::int64_t fee_line_id, Money amount);

}  // namespace motcua::core
