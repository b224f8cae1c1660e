#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/fee_line.h"
#include "core/fee_schedule.h"
#include "core/procedure.h"
#include "core/result.h"

namespace motcua::app {

// How much of one fee item of the procedure is asked for.
struct FeeItemRequest {
  std::string item;            // the FeeItem's name, as in the procedure
  core::FeeQuantity quantity;  // units per set and sets, priced by compute_fee (tiers, cap)
  // Instead of `quantity`: the count for each tier line, as on the guide's fee table where
  // every line has its own "Số lượng" (the guide's case: 1 x 2.000 and 1 x 1.000). One
  // entry per tier, in tier order; a line with count 0 is left out; each line is count x the
  // tier's unit amount, and the cap per set does not apply. Empty: use `quantity`.
  std::vector<std::int64_t> tier_counts;
};

// A problem with one input field, for a message next to it. `field` is a stable path:
// "procedure_code", "submitter.name", "owner.id_number", "fees[1].tier_counts", ...
struct IntakeError {
  std::string field;
  std::string message;
};

// The fee lines of a new case (counter intake and online submission alike): the procedure's
// fee items that apply on `day`, in the procedure's order, each priced from its request in
// `requested` (an item not listed: 1 unit, 1 set). A request naming an item twice, an item
// that does not apply that day, or the wrong number of tier counts adds to `errors`
// ("fees[i].item", "fees[i].tier_counts") and returns kInvalidInput; a broken fee item of the
// procedure is kInvalidInput too; an amount that overflows is kOutOfRange.
core::Result<std::vector<core::FeeLine>> price_fee_lines(
    const core::Procedure& procedure, const std::vector<FeeItemRequest>& requested,
    std::chrono::sys_days day, std::vector<IntakeError>& errors);

// The checks of fee quantities that need no stored data: no negative quantity or count.
void check_fee_quantities(const std::vector<FeeItemRequest>& fees,
                          std::vector<IntakeError>& errors);

}  // namespace motcua::app
