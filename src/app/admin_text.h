#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace motcua::app {

// Text typed into an admin form as it is stored: surrounding white space removed, NFC.
// kInvalidInput for invalid UTF-8.
core::Result<std::string> tidy_text(std::string_view text);

}  // namespace motcua::app
