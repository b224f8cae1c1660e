#pragma once

#include <string_view>

namespace motcua::core {

// Light shape checks of contact details (intake forms, portal accounts). They catch typing
// slips, not addresses that do not exist.

// Digits with optional spaces, dots or hyphens as separators and an optional leading '+';
// 8 to 15 digits in all (Vietnamese numbers have 10, or 11-12 with +84).
bool looks_like_phone(std::string_view phone);

// One '@' with text on both sides, a dot inside the domain, no white space.
bool looks_like_email(std::string_view email);

}  // namespace motcua::core
