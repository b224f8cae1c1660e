#include "core/receipt_state.h"

namespace motcua::core {

std::string_view to_string(ReceiptState state) {
  switch (state) {
    case ReceiptState::kIssued:
      return "issued";
    case ReceiptState::kCancelled:
      return "cancelled";
    case ReceiptState::kReplaced:
      return "replaced";
  }
  return "issued";
}

std::string_view label_vi(ReceiptState state) {
  switch (state) {
    case ReceiptState::kIssued:
      return "Đã phát hành";
    case ReceiptState::kCancelled:
      return "Đã hủy";
    case ReceiptState::kReplaced:
      return "Đã bị thay thế";
  }
  return "Đã phát hành";
}

std::optional<ReceiptState> receipt_state_from(std::int64_t value) {
  if (value < 0 || value > 2) return std::nullopt;
  return static_cast<ReceiptState>(value);
}

}  // namespace motcua::core
