#pragma once

#include <cstdint>
#include <string>

#include "core/money.h"
#include "core/result.h"

namespace motcua::core {

// The largest amount read in words: 999.999.999.999.999 đồng (just under a million tỷ).
inline constexpr std::int64_t kMaxAmountInWords = 999'999'999'999'999;

// An amount in words for receipts, formal northern style, capitalised, ending in "đồng"
// (DESIGN §2): 105.000 -> "Một trăm linh năm nghìn đồng",
// 1.005.000 -> "Một triệu không trăm linh năm nghìn đồng".
// Rules: "mười" for the tens digit 1; "mốt" for a final 1 after a tens digit of 2 or more;
// "tư" for a final 4 after a tens digit of 2 or more; "lăm" for a final 5 after any tens digit;
// "linh" for a zero tens digit before a non-zero unit; a group of three that follows a higher
// group is read in full ("không trăm ..."); a group that is all zeros is not read at all, so
// 1.000.500 -> "Một triệu năm trăm đồng" (see docs/domain.md for why).
// Errors: kOutOfRange for negative amounts and for amounts above kMaxAmountInWords.
Result<std::string> amount_in_words(Money amount);

}  // namespace motcua::core
