#include "app/fee_pricing.h"

#include <set>

#include "core/civil_time.h"

namespace motcua::app {
namespace {

std::string fee_field(size_t index, const char* part) {
  return "fees[" + std::to_string(index) + "]." + part;
}

}  // namespace

core::Result<std::vector<core::FeeLine>> price_fee_lines(
    const core::Procedure& procedure, const std::vector<FeeItemRequest>& requested,
    std::chrono::sys_days day, std::vector<IntakeError>& errors) {
  std::vector<const core::FeeItem*> applicable;
  for (const core::ProcedureFee& fee : procedure.fees) {
    if (fee.applies_on(day)) applicable.push_back(&fee.item);
  }
  auto find_item = [&](const std::string& name) -> const core::FeeItem* {
    for (const core::FeeItem* item : applicable) {
      if (item->name == name) return item;
    }
    return nullptr;
  };
  std::set<std::string> seen;
  for (size_t i = 0; i < requested.size(); ++i) {
    const FeeItemRequest& r = requested[i];
    if (!seen.insert(r.item).second) {
      errors.push_back({fee_field(i, "item"), "the fee item '" + r.item + "' is listed twice"});
    } else if (find_item(r.item) == nullptr) {
      errors.push_back({fee_field(i, "item"), "the procedure has no fee item '" + r.item +
                                                  "' that applies on " +
                                                  core::format_display_date(day)});
    } else if (!r.tier_counts.empty() && r.tier_counts.size() != find_item(r.item)->tiers.size()) {
      errors.push_back(
          {fee_field(i, "tier_counts"),
           "give one count per tier (" + std::to_string(find_item(r.item)->tiers.size()) + ")"});
    }
  }
  if (!errors.empty()) return core::invalid_input("the fee quantities are not acceptable");

  std::vector<core::FeeLine> lines;
  for (const core::FeeItem* item : applicable) {
    if (core::Status valid = core::validate_fee_item(*item); !valid.ok()) {
      return core::invalid_input("procedure " + procedure.code + " has a broken fee item '" +
                                 item->name + "': " + valid.error().message);
    }
    const FeeItemRequest* request = nullptr;
    for (const FeeItemRequest& r : requested) {
      if (r.item == item->name) request = &r;
    }
    if (request != nullptr && !request->tier_counts.empty()) {
      for (size_t t = 0; t < item->tiers.size(); ++t) {
        std::int64_t count = request->tier_counts[t];
        if (count == 0) continue;
        core::Result<core::Money> amount =
            core::checked_multiply(item->tiers[t].unit_amount, count);
        if (!amount.ok()) return amount.error();
        lines.push_back(
            {item->name, item->tiers[t].description, count, item->tiers[t].unit_amount, *amount});
      }
      continue;
    }
    core::FeeQuantity quantity = request != nullptr ? request->quantity : core::FeeQuantity{};
    core::Result<std::vector<core::ComputedFeeLine>> computed = core::compute_fee(*item, quantity);
    if (!computed.ok()) return computed.error();
    for (const core::ComputedFeeLine& c : *computed) {
      lines.push_back({c.name, c.description, c.quantity, c.unit_amount, c.amount});
    }
  }
  return lines;
}

void check_fee_quantities(const std::vector<FeeItemRequest>& fees,
                          std::vector<IntakeError>& errors) {
  for (size_t i = 0; i < fees.size(); ++i) {
    const FeeItemRequest& fee = fees[i];
    if (fee.quantity.units < 0 || fee.quantity.sets < 0) {
      errors.push_back({fee_field(i, "quantity"), "quantities cannot be negative"});
    }
    for (std::int64_t count : fee.tier_counts) {
      if (count < 0) {
        errors.push_back({fee_field(i, "tier_counts"), "counts cannot be negative"});
        break;
      }
    }
  }
}

}  // namespace motcua::app
