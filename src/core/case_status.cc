#include "core/case_status.h"

#include <string>

namespace motcua::core {

std::string_view label_vi(CaseStatus status) {
  switch (status) {
    case CaseStatus::kNew:
      return "Mới đăng ký";
    case CaseStatus::kAccepted:
      return "Được tiếp nhận";
    case CaseStatus::kRejected:
      return "Không được tiếp nhận";
    case CaseStatus::kProcessing:
      return "Đang xử lý";
    case CaseStatus::kSupplementRequested:
      return "Yêu cầu bổ sung giấy tờ";
    case CaseStatus::kFinancialObligation:
      return "Yêu cầu thực hiện nghĩa vụ tài chính";
    case CaseStatus::kWithdrawalRequested:
      return "Công dân yêu cầu rút hồ sơ";
    case CaseStatus::kStopped:
      return "Dừng xử lý";
    case CaseStatus::kProcessed:
      return "Đã xử lý xong";
    case CaseStatus::kResultReturned:
      return "Đã trả kết quả";
    case CaseStatus::kCancelled:
      return "Đã hủy";
  }
  return "";
}

std::optional<int> national_code(CaseStatus status) {
  if (status == CaseStatus::kCancelled) return std::nullopt;
  return static_cast<int>(status);
}

Result<CaseStatus> case_status_from_number(int number) {
  if (number < 1 || number > 11) {
    return invalid_input("there is no case status " + std::to_string(number));
  }
  return static_cast<CaseStatus>(number);
}

const std::vector<CaseTransitionRule>& case_transition_table() {
  using S = CaseStatus;
  // Terminal: Không được tiếp nhận, Công dân yêu cầu rút hồ sơ, Dừng xử lý, Đã trả kết quả,
  // Đã hủy. A case that must resume after one of these is a new case.
  static const std::vector<CaseTransitionRule> table = {
      {S::kNew, S::kAccepted, false},
      {S::kNew, S::kRejected, true},
      {S::kNew, S::kWithdrawalRequested, true},
      {S::kNew, S::kCancelled, true},
      {S::kAccepted, S::kProcessing, false},
      {S::kAccepted, S::kSupplementRequested, true},
      {S::kAccepted, S::kFinancialObligation, true},
      {S::kAccepted, S::kWithdrawalRequested, true},
      {S::kAccepted, S::kStopped, true},
      {S::kAccepted, S::kProcessed, false},
      {S::kAccepted, S::kCancelled, true},
      {S::kProcessing, S::kSupplementRequested, true},
      {S::kProcessing, S::kFinancialObligation, true},
      {S::kProcessing, S::kWithdrawalRequested, true},
      {S::kProcessing, S::kStopped, true},
      {S::kProcessing, S::kProcessed, false},
      {S::kSupplementRequested, S::kProcessing, false},
      {S::kSupplementRequested, S::kWithdrawalRequested, true},
      {S::kSupplementRequested, S::kStopped, true},
      {S::kFinancialObligation, S::kProcessing, false},
      {S::kFinancialObligation, S::kProcessed, false},
      {S::kFinancialObligation, S::kWithdrawalRequested, true},
      {S::kFinancialObligation, S::kStopped, true},
      {S::kProcessed, S::kResultReturned, false},
  };
  return table;
}

std::optional<CaseTransitionRule> find_case_transition(CaseStatus from, CaseStatus to) {
  for (const CaseTransitionRule& rule : case_transition_table()) {
    if (rule.from == from && rule.to == to) return rule;
  }
  return std::nullopt;
}

bool is_terminal(CaseStatus status) {
  for (const CaseTransitionRule& rule : case_transition_table()) {
    if (rule.from == status) return false;
  }
  return true;
}

Result<CaseStatus> transition_case(CaseStatus from, CaseStatus to, std::string_view reason) {
  std::optional<CaseTransitionRule> rule = find_case_transition(from, to);
  if (!rule) {
    return Error{ErrorKind::kIllegalTransition, "a case cannot go from '" +
                                                    std::string(label_vi(from)) + "' to '" +
                                                    std::string(label_vi(to)) + "'"};
  }
  bool blank = reason.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (rule->reason_required && blank) {
    return invalid_input("moving a case to '" + std::string(label_vi(to)) + "' needs a reason");
  }
  return to;
}

}  // namespace motcua::core
