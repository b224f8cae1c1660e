#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

// Times on the payment platform's wire: RFC 3339, written with Vietnam's offset; Unix seconds in
// memory.
namespace motcua::adapters::payment {

// "2024-04-26T07:27:52+07:00" for a Unix time.
std::string format_rfc3339_vietnam(std::int64_t unix_seconds);
// Reads "YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)" (fraction dropped) as Unix seconds;
// kInvalidInput for anything else, including an impossible date.
core::Result<std::int64_t> parse_rfc3339(std::string_view text);

}  // namespace motcua::adapters::payment
