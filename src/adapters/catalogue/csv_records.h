#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace motcua::adapters::catalogue {

// One record of a CSV text: its fields, unquoted, and its line (1-based): the line its first
// field ends on, which is the line it starts on unless that field spans lines.
struct CsvRecord {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

// Splits RFC 4180 CSV text (comma-separated, fields optionally in double quotes with "" for a
// quote; quoted fields may hold commas and line breaks; CRLF or LF line ends) into records.
// Blank lines are skipped. Errors (kInvalidInput) name the line: a quote inside an unquoted
// field, text after a closing quote, or a quoted field left open at the end of the text.
core::Result<std::vector<CsvRecord>> parse_csv(std::string_view text);

}  // namespace motcua::adapters::catalogue
