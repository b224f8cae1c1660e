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

// Thành phần hồ sơ: one document a procedure asks the citizen for.
struct ProcedureDocument {
  std::string name;  // NFC, e.g. "Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao"
  std::int64_t originals = 0;  // bản chính
  std::int64_t copies = 0;     // bản sao
  bool required = true;        // false: only when the case needs it ("nếu có")
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
  // What the public catalogue shows and online submission needs (migration 10).
  std::string implementing_agency;           // cơ quan thực hiện, as the catalogue words it
  std::vector<ProcedureDocument> documents;  // in the order the catalogue lists them
  bool online = true;  // offered as "Dịch vụ công trực tuyến" (cases may be submitted online)
  // Phí, lệ phí collected at submission: an online case can be paid as soon as it is submitted
  // (otherwise after the officer takes it in).
  bool fees_up_front = true;
};

}  // namespace motcua::core
