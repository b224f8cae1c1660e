#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "app/repositories.h"
#include "core/agency.h"
#include "core/receipt_number.h"
#include "core/result.h"

namespace motcua::app {

// The next case code of `agency` for a case received on `date` (Vietnam calendar day), from the
// agency's pattern ("Cấu hình số hồ sơ"). Call inside the transaction that stores the case:
// if it rolls back, the number is not used up. kInvalidInput for a broken pattern;
// kOutOfRange when the scope's numbers are exhausted (the sequence is left untouched then,
// because the transaction fails).
core::Result<std::string> allocate_case_code(SequenceRepository& sequences,
                                             const core::Agency& agency,
                                             std::chrono::year_month_day date);

// Receipt numbers run per series (ký hiệu) from 1 to 9.999.999, printed with 7 digits
// ("0000001"), with no gap and no duplicate (Decree 123/2020/NĐ-CP).
inline constexpr std::int64_t kMaxReceiptNumber = core::kMaxReceiptNumber;

struct ReceiptNumber {
  std::int64_t value = 0;
  std::string text;  // zero-padded to 7 digits
};

// The next receipt number of `series`. Same transaction rule as case codes. kOutOfRange once
// the series is full: the unit must open a new series.
core::Result<ReceiptNumber> allocate_receipt_number(SequenceRepository& sequences,
                                                    std::string_view series);

}  // namespace motcua::app
