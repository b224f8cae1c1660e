#pragma once

#include <cstdint>
#include <vector>

#include "core/fee_line.h"
#include "core/money.h"
#include "core/result.h"

namespace motcua::core {

// The lines one payment request asks for, and their sum.
struct PayableLines {
  std::vector<FeeLine> lines;  // in the case's order
  Money total;
};

// Chooses what a payment request for a case collects. With no `chosen_ids`: every unpaid line
// whose amount is above zero (an empty result means nothing is due). Otherwise exactly the
// chosen lines, in the case's order. Errors (nothing chosen is returned then):
// kInvalidInput for an id that is not a line of the case, a repeated id, or a line with no
// amount; kConflict for a line already paid (no fee line is paid twice); kOverflow if the sum
// does not fit.
Result<PayableLines> choose_payable_lines(const std::vector<FeeLine>& case_lines,
                                          const std::vector<std::int64_t>& chosen_ids);

}  // namespace motcua::core
