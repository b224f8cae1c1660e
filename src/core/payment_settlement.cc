#include "core/payment_settlement.h"

#include <algorithm>
#include <set>
#include <string>

namespace motcua::core {

Result<Settlement> settle_success(const std::vector<SettlingLine>& lines) {
  Settlement out;
  std::set<std::int64_t> seen;
  for (const SettlingLine& line : lines) {
    if (!seen.insert(line.fee_line_id).second) {
      return invalid_input("fee line " + std::to_string(line.fee_line_id) +
                           " is listed twice in one payment");
    }
    if (line.amount.is_negative()) {
      return invalid_input("fee line " + std::to_string(line.fee_line_id) +
                           " has a negative amount");
    }
    Money& sum = line.already_paid ? out.overpayment : out.receipt_amount;
    Result<Money> added = checked_add(sum, line.amount);
    if (!added.ok()) return added.error();
    sum = added.value();
    (line.already_paid ? out.overpaid_line_ids : out.to_mark_paid).push_back(line.fee_line_id);
  }
  return out;
}

Status mark_lost_race(Settlement& settlement, std::int64_t fee_line_id, Money amount) {
  auto at = std::find(settlement.to_mark_paid.begin(), settlement.to_mark_paid.end(), fee_line_id);
  if (at == settlement.to_mark_paid.end()) {
    return invalid_input("fee line " + std::to_string(fee_line_id) + " was not to be paid");
  }
  Result<Money> receipt = checked_subtract(settlement.receipt_amount, amount);
  if (!receipt.ok()) return receipt.error();
  Result<Money> over = checked_add(settlement.overpayment, amount);
  if (!over.ok()) return over.error();
  settlement.to_mark_paid.erase(at);
  settlement.receipt_amount = receipt.value();
  settlement.overpayment = over.value();
  settlement.overpaid_line_ids.push_back(fee_line_id);
  return {};
}

}  // namespace motcua::core
