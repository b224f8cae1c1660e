#include "core/personal_id.h"

#include <algorithm>

namespace motcua::core {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Result<PersonalId> parse_personal_id(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c != ' ') compact += c;
  }
  auto fits = [&](PersonalIdKind kind) { return PersonalId{kind, compact}; };
  if (all_digits(compact)) {
    if (compact.size() == 12) return fits(PersonalIdKind::kCitizenId);
    if (compact.size() == 9) return fits(PersonalIdKind::kOldId);
    if (compact.size() == 10) return fits(PersonalIdKind::kTaxCode);
    if (compact.size() == 13 && compact.substr(10) != "000") return fits(PersonalIdKind::kTaxCode);
  } else if (compact.size() == 14 && compact[10] == '-' && all_digits(compact.substr(0, 10)) &&
             all_digits(compact.substr(11)) && compact.substr(11) != "000") {
    return fits(PersonalIdKind::kTaxCode);
  }
  return invalid_input(
      "identity number must be a CCCD (12 digits), a CMND (9 digits) or a tax code (10 or 13 "
      "digits)");
}

std::string canonical_personal_id(const PersonalId& id) {
  if (id.kind == PersonalIdKind::kTaxCode && id.digits.size() == 13) {
    return id.digits.substr(0, 10) + "-" + id.digits.substr(10);
  }
  return id.digits;
}

std::string mask_personal_id(std::string_view id) {
  if (id.size() <= 4) return "****";
  return "****" + std::string(id.substr(id.size() - 4));
}

}  // namespace motcua::core
