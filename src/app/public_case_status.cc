#include "app/public_case_status.h"

#include <optional>

#include "app/public_payment.h"
#include "core/case_record.h"
#include "core/fee_line.h"
#include "core/personal_id.h"
#include "core/vietnamese_text.h"

namespace motcua::app {
namespace {

core::Error not_found() {
  return {core::ErrorKind::kNotFound, "no case matches this code and these digits"};
}

bool four_digits(std::string_view text) {
  if (text.size() != 4) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The status an audit entry of the case led to: its snapshot's "status" label (written by
// CaseIntake and CaseWorkflow through JsonObject, whose labels need no escaping).
std::optional<core::CaseStatus> status_in(const AuditEntry& entry) {
  if (entry.action != "case.intake" && entry.action != "case.status") return std::nullopt;
  for (int n = 1; n <= 11; ++n) {
    core::CaseStatus status = core::case_status_from_number(n).value();
    std::string label = "\"status\":\"" + std::string(core::label_vi(status)) + "\"";
    if (entry.after.find(label) != std::string::npos) return status;
  }
  return std::nullopt;
}

}  // namespace

bool id_ends_with(std::string_view id_number, std::string_view last_digits) {
  std::string digits;
  for (char c : id_number) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.size() < 4 || last_digits.size() != 4) return false;
  std::string_view tail = std::string_view(digits).substr(digits.size() - 4);
  unsigned difference = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    difference |= static_cast<unsigned>(static_cast<unsigned char>(tail[i]) ^
                                        static_cast<unsigned char>(last_digits[i]));
  }
  return difference == 0;
}

core::Result<PublicCaseStatus> find_public_case_status(Store& store, std::string_view code,
                                                       std::string_view last_digits) {
  last_digits = trimmed_typed(last_digits);
  if (!four_digits(last_digits)) {
    return core::invalid_input("give the last 4 digits of the submitter's ID number");
  }
  code = trimmed_typed(code);
  if (!plausible_case_code(code)) return not_found();
  std::optional<core::CaseRecord> found;
  std::string agency_name;
  std::vector<AuditEntry> audit;
  core::Status read = store.read([&](Repositories& r) -> core::Status {
    core::Result<std::optional<core::CaseRecord>> c = r.cases().find_by_code(code);
    if (!c.ok()) return c.error();
    // The digits are checked before anything else of the case is read.
    if (!c->has_value() || !id_ends_with((*c)->submitter.id_number, last_digits)) return {};
    found = std::move(c.value());
    const std::string& unit = found->processing_agency_code.empty() ? found->receiving_agency_code
                                                                    : found->processing_agency_code;
    core::Result<std::optional<core::Agency>> agency = r.agencies().find(unit);
    if (!agency.ok()) return agency.error();
    agency_name = agency->has_value() ? (*agency)->name : unit;
    core::Result<std::vector<AuditEntry>> entries = r.audit().for_entity("case", found->code);
    if (!entries.ok()) return entries.error();
    audit = std::move(entries).value();
    return {};
  });
  if (!read.ok()) return read.error();
  if (!found) return not_found();

  core::Result<core::PaymentSummary> summary = core::summarize(found->fee_lines);
  if (!summary.ok()) return summary.error();
  PublicCaseStatus out;
  out.case_code = found->code;
  out.procedure = found->procedure_code + " - " + found->procedure_name;
  core::Result<std::string> upper = core::to_upper(found->submitter.name);
  out.submitter_name = upper.ok() ? *upper : found->submitter.name;
  out.submitter_id = core::mask_personal_id(found->submitter.id_number);
  out.agency_name = agency_name;
  out.status = found->status;
  out.submitted_at = found->submitted_at;
  out.received_at = found->received_at;
  out.appointment_at = found->appointment_at;
  out.amount_due = summary->outstanding;
  for (const AuditEntry& entry : audit) {
    if (std::optional<core::CaseStatus> status = status_in(entry)) {
      out.history.push_back({entry.at, *status});
    }
  }
  return out;
}

}  // namespace motcua::app
