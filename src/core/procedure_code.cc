#include "core/procedure_code.h"

#include <vector>

namespace motcua::core {
namespace {

std::vector<std::string_view> split_dots(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t dot = s.find('.', start);
    parts.push_back(s.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

bool all_digits(std::string_view s, size_t size) {
  if (s.size() != size) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The province part: a capital letter and two digits ("H34", "G01").
bool is_province(std::string_view s) {
  return s.size() == 3 && s[0] >= 'A' && s[0] <= 'Z' && all_digits(s.substr(1), 2);
}

}  // namespace

Result<ProcedureCode> parse_procedure_code(std::string_view text) {
  auto bad = [&] {
    return invalid_input("'" + std::string(text) +
                         "' is not a procedure code like 2.000815 or 2.000815.000.00.00.H34");
  };
  std::vector<std::string_view> parts = split_dots(text);
  if (parts.size() != 2 && parts.size() != 6) return bad();
  if (parts[0] != "1" && parts[0] != "2" && parts[0] != "3") return bad();
  if (!all_digits(parts[1], 6)) return bad();
  ProcedureCode code{std::string(parts[0]), std::string(parts[1]), ""};
  if (parts.size() == 6) {
    if (!all_digits(parts[2], 3) || !all_digits(parts[3], 2) || !all_digits(parts[4], 2) ||
        !is_province(parts[5])) {
      return bad();
    }
    code.suffix = std::string(text.substr(parts[0].size() + parts[1].size() + 2));
  }
  return code;
}

}  // namespace motcua::core
