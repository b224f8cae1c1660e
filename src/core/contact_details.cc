#include "core/contact_details.h"

#include <cstddef>

namespace motcua::core {

bool looks_like_phone(std::string_view phone) {
  std::size_t digits = 0;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    char c = phone[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '+' && i == 0) {
    } else if (c != ' ' && c != '.' && c != '-') {
      return false;
    }
  }
  return digits >= 8 && digits <= 15;
}

bool looks_like_email(std::string_view email) {
  std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos)
    return false;
  if (email.find_first_of(" \t\r\n") != std::string_view::npos) return false;
  std::string_view domain = email.substr(at + 1);
  std::size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

}  // namespace motcua::core
