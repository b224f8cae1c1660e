#include "adapters/web/admin_support.h"

#include "core/civil_time.h"

namespace motcua::adapters::web {

std::string field(const FormFields& form, std::string_view name) {
  auto it = form.find(std::string(name));
  if (it == form.end()) return "";
  constexpr std::string_view kSpace = " \t\r\n";
  std::string_view text = it->second;
  size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(kSpace) - first + 1));
}

std::string_view refusal_key(core::ErrorKind kind, std::string_view invalid_key) {
  switch (kind) {
    case core::ErrorKind::kInvalidInput:
    case core::ErrorKind::kOutOfRange:
    case core::ErrorKind::kOverflow:
      return invalid_key;
    case core::ErrorKind::kNotFound:
      return "admin_not_found";
    case core::ErrorKind::kForbidden:
      return "forbidden";
    default:
      return "server_error";
  }
}

std::string iso_date(std::chrono::sys_days day) {
  return core::format_iso_date(std::chrono::year_month_day{day});
}

bool is_path_safe(std::string_view code) {
  if (code.empty()) return false;
  for (char c : code) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace motcua::adapters::web
