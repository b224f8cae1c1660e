#include "core/payment_reference.h"

namespace motcua::core {

Result<std::string> format_payment_reference(std::int64_t sequence) {
  if (sequence < 1) {
    return out_of_range("a payment reference number starts at 1, not " + std::to_string(sequence));
  }
  std::string digits = std::to_string(sequence);
  if (digits.size() < 6) digits.insert(0, 6 - digits.size(), '0');
  return "PR-" + digits;
}

}  // namespace motcua::core
