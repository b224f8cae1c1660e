#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace motcua::core {

// The life of a receipt (biên lai): issued, then possibly cancelled (hủy, with a reason) or
// replaced by a re-issued receipt that points to it. The stored integers are fixed.
enum class ReceiptState : std::int64_t {
  kIssued = 0,     // Đã phát hành
  kCancelled = 1,  // Đã hủy
  kReplaced = 2,   // Đã bị thay thế
};

std::string_view to_string(ReceiptState state);  // "issued", "cancelled", "replaced"
std::string_view label_vi(ReceiptState state);  // "Đã phát hành", "Đã hủy", "Đã bị thay thế"
// The state stored as `value`; nullopt for an unknown value.
std::optional<ReceiptState> receipt_state_from(std::int64_t value);

}  // namespace motcua::core
