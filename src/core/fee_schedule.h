#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/result.h"

namespace motcua::core {

// One price band of a fee item: from unit `from_unit` on (1-based), each unit costs
// `unit_amount`. The copy-certification fee has two: pages 1-2 at 2.000 đồng, from page 3 at
// 1.000 đồng (TT 226/2016/TT-BTC Art. 4).
struct FeeTier {
  std::int64_t from_unit = 1;
  Money unit_amount;
  std::string description;  // "Mô tả" on the fee table, e.g. "... từ trang thứ 3."
};

// Loại lệ phí: a fee item of a procedure, with its bands and an optional cap per set (the
// copy-certification fee is at most 200.000 đồng per copy). Amounts are data with validity
// dates elsewhere; this is only the arithmetic.
struct FeeItem {
  std::string name;
  std::string unit;  // "trang", "bản", "lần"
  std::vector<FeeTier> tiers;
  std::optional<Money> cap_per_set;
};

// How much is asked for: `units` per set (pages of the original), `sets` (copies).
struct FeeQuantity {
  std::int64_t units = 1;
  std::int64_t sets = 1;
};

// One computed line of the fee table (Loại lệ phí, Số lượng, Mức lệ phí, Thành tiền, Mô tả).
// When the cap bites, `amount` is below quantity x unit_amount and `capped` says so.
struct ComputedFeeLine {
  std::string name;
  std::string description;
  std::int64_t quantity = 0;
  Money unit_amount;
  Money amount;
  bool capped = false;
};

// Checks that tiers start at unit 1, rise strictly, and no amount is negative.
Status validate_fee_item(const FeeItem& item);

// The lines for `quantity`, one per tier that applies, in tier order; none for zero units or
// sets. kInvalidInput for a negative quantity or an invalid item, kOverflow past int64.
Result<std::vector<ComputedFeeLine>> compute_fee(const FeeItem& item, FeeQuantity quantity);

// The sum of the lines' amounts (checked).
Result<Money> total_of(const std::vector<ComputedFeeLine>& lines);

}  // namespace motcua::core
