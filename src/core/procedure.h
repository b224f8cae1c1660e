#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/fee_schedule.h"

namespace motcua::core {

// A fee item of a procedure as the law sets it at some time: fees change by law and by
// province, so each carries the days it applies and its legal basis.
struct ProcedureFee {
  FeeItem item;
  std::chrono::sys_days valid_from;
  std::optional<std::chrono::sys_days> valid_until;  // last day it applies, inclusive
  std::string legal_basis;

  bool applies_on(std::chrono::sys_days day) const {
    return day >= valid_from && (!valid_until || day <= *valid_until);
  }
};

// Thủ tục hành chính: an administrative procedure of the national catalogue.
struct Procedure {
  std::string code;   // national code, short ("2.000815") or full ("2.000815.000.00.00.H34")
  std::string name;   // NFC
  std::string field;  // lĩnh vực, e.g. "Chứng thực"
  std::string level;  // cấp thực hiện, e.g. "Xã", "Tỉnh"
  std::int64_t processing_days = 0;  // thời hạn giải quyết, in working days
  std::vector<ProcedureFee> fees;
  std::string legal_basis;
  std::string source;      // where the facts were checked
  bool confirmed = false;  // false when a fact is marked unconfirmed in the catalogue
};

}  // namespace motcua::core
