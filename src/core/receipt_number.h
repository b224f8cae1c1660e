#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace motcua::core {

// Receipt numbers run per series (ký hiệu) from 1 to 9.999.999 (Decree 123/2020/NĐ-CP).
inline constexpr std::int64_t kMaxReceiptNumber = 9'999'999;

// The printed form of a receipt number: 7 digits, zero-padded (1 -> "0000001").
// kOutOfRange for 0, negatives and numbers above kMaxReceiptNumber.
Result<std::string> format_receipt_number(std::int64_t number);

}  // namespace motcua::core
