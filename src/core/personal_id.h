#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace motcua::core {

// The identity numbers a submitter gives (DESIGN §2).
enum class PersonalIdKind {
  kCitizenId,  // CCCD: 12 digits
  kOldId,      // CMND: 9 digits
  kTaxCode,    // MST: 10 digits, or 13 for a branch (written 10-3 with a hyphen or as 13 digits)
};

struct PersonalId {
  PersonalIdKind kind;
  std::string digits;  // as entered, with spaces removed; a branch MST keeps its hyphen
};

// Classifies a number by its shape (spaces are ignored). kInvalidInput with the accepted
// shapes named when it fits none. A branch MST's last three digits number the branch from
// 001, so "...-000" fits no shape.
Result<PersonalId> parse_personal_id(std::string_view text);

// One spelling per number, for keys: a branch MST written as 13 digits gets its hyphen
// ("0101234567001" -> "0101234567-001"); every other number is its digits.
std::string canonical_personal_id(const PersonalId& id);

// What public pages show: "****" and the last 4 characters, whatever the kind
// ("079123458870" -> "****8870"). Four characters or fewer show as "****".
std::string mask_personal_id(std::string_view id);

}  // namespace motcua::core
