#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace motcua::core {

// A receiving or processing agency (cơ quan, đơn vị), e.g. "H34.22.6" Bộ phận TN&TKQ phường
// Trần Hưng Đạo. Agencies are renamed and merged (from 1 July 2025 Kon Tum, H34, is part of
// Quảng Ngãi, H48, and districts are gone), so each carries the days it was valid and the
// agency that took over its work. Codes already issued under an old agency stay as issued.
struct Agency {
  std::string code;
  std::string name;
  std::chrono::sys_days valid_from;
  std::optional<std::chrono::sys_days> valid_until;  // last valid day, inclusive
  std::optional<std::string> successor_code;
  // Administration of the unit: where it sits, who collects its fees, how it numbers.
  std::string parent_code;          // empty for a top-level agency (a province)
  std::string tax_code;             // MST of the collecting unit, printed on receipts
  std::string bank_bin;             // collecting account's bank (NAPAS BIN)
  std::string bank_account;         // collecting account number
  std::string receipt_form_symbol;  // ký hiệu mẫu số biên lai, e.g. "01BLP0-001"
  std::string receipt_series;       // ký hiệu biên lai, e.g. "AA-24E"
  std::string case_code_pattern = "{agency}-{yy}{MM}{dd}-{seq:4}";  // Cấu hình số hồ sơ

  bool is_active_on(std::chrono::sys_days day) const;
};

// Agency codes are letters, digits and dots ("H34.22.6", "000.00.01.H48"), at most 32
// characters, never a hyphen (the hyphen separates the parts of a case code).
Status validate_agency_code(std::string_view code);

// The agency that handles `code`'s work on `day`: the agency itself while active, otherwise
// its successor, followed until an active one. kNotFound for an unknown code or a chain that
// ends without an active agency; kInvalidInput for a successor cycle.
Result<const Agency*> resolve_agency(const std::vector<Agency>& agencies, std::string_view code,
                                     std::chrono::sys_days day);

}  // namespace motcua::core
