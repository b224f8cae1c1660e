#include "core/agency.h"

#include <algorithm>
#include <set>

namespace motcua::core {

bool Agency::is_active_on(std::chrono::sys_days day) const {
  return day >= valid_from && (!valid_until || day <= *valid_until);
}

Status validate_agency_code(std::string_view code) {
  if (code.empty() || code.size() > 32) {
    return invalid_input("agency code must have 1 to 32 characters");
  }
  bool all_allowed = std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
  });
  if (!all_allowed) {
    return invalid_input("agency code '" + std::string(code) +
                         "' may contain only letters, digits and dots");
  }
  if (code.front() == '.' || code.back() == '.' || code.find("..") != std::string_view::npos) {
    return invalid_input("agency code '" + std::string(code) + "' has an empty part");
  }
  return {};
}

Result<const Agency*> resolve_agency(const std::vector<Agency>& agencies, std::string_view code,
                                     std::chrono::sys_days day) {
  std::set<std::string, std::less<>> seen;
  std::string current(code);
  while (true) {
    auto it = std::find_if(agencies.begin(), agencies.end(),
                           [&](const Agency& a) { return a.code == current; });
    if (it == agencies.end()) {
      return Error{ErrorKind::kNotFound, "no agency with code '" + current + "'"};
    }
    if (it->is_active_on(day)) return &*it;
    if (!seen.insert(current).second) {
      return invalid_input("agency successors form a cycle at '" + current + "'");
    }
    if (!it->successor_code) {
      return Error{ErrorKind::kNotFound,
                   "agency '" + current + "' is not active then and has no successor"};
    }
    current = *it->successor_code;
  }
}

}  // namespace motcua::core
