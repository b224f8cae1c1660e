#include "app/public_payment.h"

#include <optional>

#include "core/case_status.h"
#include "core/personal_id.h"
#include "core/vietnamese_text.h"

namespace motcua::app {
namespace {

core::Error not_found() {
  return {core::ErrorKind::kNotFound, "no case with this code is open for payment"};
}

}  // namespace

std::string_view trimmed_typed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool plausible_case_code(std::string_view code) {
  if (code.empty() || code.size() > kMaxPublicCaseCode) return false;
  for (char c : code) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '/' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string payment_content(std::string_view case_code) {
  return "Thanh toán lệ phí cho hồ sơ " + std::string(case_code);
}

core::Result<PublicPayment> find_public_payment(Store& store, std::string_view code) {
  code = trimmed_typed(code);
  if (!plausible_case_code(code)) return not_found();
  std::optional<core::CaseRecord> found;
  core::Status read = store.read([&](Repositories& r) -> core::Status {
    core::Result<std::optional<core::CaseRecord>> c = r.cases().find_by_code(code);
    if (!c.ok()) return c.error();
    found = std::move(c.value());
    return {};
  });
  if (!read.ok()) return read.error();
  if (!found || found->status == core::CaseStatus::kCancelled) return not_found();

  core::Result<core::PaymentSummary> summary = core::summarize(found->fee_lines);
  if (!summary.ok()) return summary.error();
  PublicPayment payment;
  payment.case_code = found->code;
  core::Result<std::string> upper = core::to_upper(found->submitter.name);
  payment.payer_name = upper.ok() ? *upper : found->submitter.name;
  payment.payer_id_masked = core::mask_personal_id(found->submitter.id_number);
  payment.content = payment_content(found->code);
  payment.amount_due = summary->outstanding;
  payment.progress = summary->progress;
  return payment;
}

}  // namespace motcua::app
