#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace motcua::core {

// Trạng thái hồ sơ: the national portal's sync codes 1-10, plus Đã hủy (cancelled by the
// office, e.g. a case entered by mistake), which has no national code.
enum class CaseStatus {
  kNew = 1,                  // Mới đăng ký
  kAccepted = 2,             // Được tiếp nhận
  kRejected = 3,             // Không được tiếp nhận
  kProcessing = 4,           // Đang xử lý
  kSupplementRequested = 5,  // Yêu cầu bổ sung giấy tờ
  kFinancialObligation = 6,  // Yêu cầu thực hiện nghĩa vụ tài chính
  kWithdrawalRequested = 7,  // Công dân yêu cầu rút hồ sơ
  kStopped = 8,              // Dừng xử lý
  kProcessed = 9,            // Đã xử lý xong
  kResultReturned = 10,      // Đã trả kết quả
  kCancelled = 11,           // Đã hủy
};

// The Vietnamese label shown on every page ("Được tiếp nhận").
std::string_view label_vi(CaseStatus status);
// The code sent to the national portal; none for kCancelled.
std::optional<int> national_code(CaseStatus status);
// kInvalidInput for a number that is not a status.
Result<CaseStatus> case_status_from_number(int number);

// Whether the move is in the transition table, and whether it needs a reason (refusals,
// requests to the citizen, stops, withdrawals and cancellations must say why).
struct CaseTransitionRule {
  CaseStatus from;
  CaseStatus to;
  bool reason_required;
};
const std::vector<CaseTransitionRule>& case_transition_table();
std::optional<CaseTransitionRule> find_case_transition(CaseStatus from, CaseStatus to);
bool is_terminal(CaseStatus status);

// The status after the move. kIllegalTransition when the table has no such move, and
// kInvalidInput when the move needs a reason and `reason` is blank.
Result<CaseStatus> transition_case(CaseStatus from, CaseStatus to, std::string_view reason);

}  // namespace motcua::core
