#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace motcua::core {

// motcua's id for one payment attempt, sent to the gateway as its client transaction id and
// shown on the return page: "PR-" and the sequence number, at least 6 digits
// (123 -> "PR-000123", 1234567 -> "PR-1234567"). kOutOfRange for numbers below 1.
Result<std::string> format_payment_reference(std::int64_t sequence);

}  // namespace motcua::core
