#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace motcua::core {

// Vietnamese text rules (DESIGN §2). Every function takes UTF-8 and rejects invalid UTF-8
// with kInvalidInput; none of them changes its input.

// Canonical composition (NFC): the form in which motcua stores all text.
Result<std::string> to_nfc(std::string_view text);

// Upper case in NFC, for "Người nộp tiền": "Võ Đặng Ngọc Giả" -> "VÕ ĐẶNG NGỌC GIẢ".
Result<std::string> to_upper(std::string_view text);

// Removes tone and vowel marks and maps đ/Đ to d/D, keeping case:
// "Thanh toán lệ phí" -> "Thanh toan le phi". Used where only ASCII may go (VietQR fields).
// Characters that have no ASCII base (other scripts) stay as they are.
Result<std::string> strip_diacritics(std::string_view text);

// The search key: diacritics stripped, case folded, runs of white space collapsed to one space,
// trimmed. "  Võ Đặng  Ngọc Giả " and "vo dang ngoc gia" have the same key.
Result<std::string> search_key(std::string_view text);

// True when every byte is printable ASCII (0x20..0x7E).
bool is_printable_ascii(std::string_view text);

}  // namespace motcua::core
