#include "core/receipt_number.h"

namespace motcua::core {

Result<std::string> format_receipt_number(std::int64_t number) {
  if (number < 1 || number > kMaxReceiptNumber) {
    return out_of_range("a receipt number runs from 1 to 9.999.999, not " + std::to_string(number));
  }
  std::string text = std::to_string(number);
  text.insert(0, 7 - text.size(), '0');
  return text;
}

}  // namespace motcua::core
