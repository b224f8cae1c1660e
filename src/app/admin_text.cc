#include "app/admin_text.h"

#include "core/vietnamese_text.h"

namespace motcua::app {

core::Result<std::string> tidy_text(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return std::string();
  size_t last = text.find_last_not_of(kSpace);
  return core::to_nfc(text.substr(first, last - first + 1));
}

}  // namespace motcua::app
