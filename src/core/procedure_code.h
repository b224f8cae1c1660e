#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace motcua::core {

// Mã thủ tục hành chính, the national procedure code, e.g. "2.000815.000.00.00.H34":
// level digit, six-digit number, then a suffix that ends with the province ("H34"). The
// catalogue often uses the short national form "2.000815".
struct ProcedureCode {
  std::string level;   // "1", "2" or "3"
  std::string number;  // "000815"
  std::string suffix;  // "000.00.00.H34"; empty for the short form
  std::string short_form() const { return level + "." + number; }
  std::string full() const { return suffix.empty() ? short_form() : short_form() + "." + suffix; }
};

// Accepts the short form and the full form; rejects anything else with a message that shows
// the expected shape.
Result<ProcedureCode> parse_procedure_code(std::string_view text);

}  // namespace motcua::core
