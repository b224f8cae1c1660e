#include "core/fee_schedule.h"

#include <algorithm>
#include <limits>

namespace motcua::core {

Status validate_fee_item(const FeeItem& item) {
  if (item.tiers.empty()) return invalid_input("fee item '" + item.name + "' has no tiers");
  if (item.tiers.front().from_unit != 1) {
    return invalid_input("fee item '" + item.name + "' must have a tier from unit 1");
  }
  for (size_t i = 0; i < item.tiers.size(); ++i) {
    if (item.tiers[i].unit_amount.is_negative()) {
      return invalid_input("fee item '" + item.name + "' has a negative amount");
    }
    if (i > 0 && item.tiers[i].from_unit <= item.tiers[i - 1].from_unit) {
      return invalid_input("fee item '" + item.name + "' has tiers out of order");
    }
  }
  if (item.cap_per_set && item.cap_per_set->is_negative()) {
    return invalid_input("fee item '" + item.name + "' has a negative cap");
  }
  return {};
}

Result<std::vector<ComputedFeeLine>> compute_fee(const FeeItem& item, FeeQuantity quantity) {
  if (Status valid = validate_fee_item(item); !valid.ok()) return valid.error();
  if (quantity.units < 0 || quantity.sets < 0) {
    return invalid_input("fee quantity cannot be negative");
  }
  std::vector<ComputedFeeLine> lines;
  if (quantity.units == 0 || quantity.sets == 0) return lines;

  // Price one set tier by tier, applying the cap as the running total reaches it; then scale
  // every line by the number of sets.
  Money remaining_cap =
      item.cap_per_set.value_or(Money::dong(std::numeric_limits<std::int64_t>::max()));
  for (size_t i = 0; i < item.tiers.size(); ++i) {
    const FeeTier& tier = item.tiers[i];
    if (quantity.units < tier.from_unit) break;
    std::int64_t last_unit = i + 1 < item.tiers.size()
                                 ? std::min(quantity.units, item.tiers[i + 1].from_unit - 1)
                                 : quantity.units;
    std::int64_t units = last_unit - tier.from_unit + 1;
    Result<Money> full = checked_multiply(tier.unit_amount, units);
    if (!full.ok()) return full.error();
    Money per_set = std::min(full.value(), remaining_cap);
    remaining_cap = checked_subtract(remaining_cap, per_set).value();  // per_set <= remaining

    ComputedFeeLine line{item.name, tier.description, 0, tier.unit_amount, Money(), false};
    Result<Money> amount = checked_multiply(per_set, quantity.sets);
    if (!amount.ok()) return amount.error();
    if (__builtin_mul_overflow(units, quantity.sets, &line.quantity)) {
      return Error{ErrorKind::kOverflow, "fee quantity overflows"};
    }
    line.amount = amount.value();
    line.capped = per_set < full.value();
    lines.push_back(std::move(line));
  }
  return lines;
}

Result<Money> total_of(const std::vector<ComputedFeeLine>& lines) {
  Money total;
  for (const ComputedFeeLine& line : lines) {
    Result<Money> sum = checked_add(total, line.amount);
    if (!sum.ok()) return sum;
    total = sum.value();
  }
  return total;
}

}  // namespace motcua::core
