#include "app/receipt_lifecycle.h"

#include "app/json_object.h"
#include "app/numbering.h"
#include "app/receipt_signing.h"
#include "core/access_policy.h"

namespace motcua::app {
namespace {

constexpr std::size_t kMaxReasonBytes = 500 * 4;  // 500 characters of up to 4 bytes in UTF-8

core::Error not_found(std::int64_t receipt_id) {
  return core::Error{core::ErrorKind::kNotFound,
                     "there is no receipt " + std::to_string(receipt_id)};
}

// The receipt of `case_code`, with its lines, if `staff` may change that case: kNotFound when
// they may not even read it (a receipt of a case one may not read is not there, as on the case
// pages), kForbidden when they may only read it.
core::Result<ReceiptRecord> readable_receipt(Repositories& r, const core::StaffMember& staff,
                                             std::string_view case_code, std::int64_t receipt_id) {
  core::Result<std::optional<ReceiptRecord>> found = r.receipts().find(receipt_id);
  if (!found.ok()) return found.error();
  if (!found->has_value()) return not_found(receipt_id);
  core::Result<std::optional<core::CaseRecord>> record = r.cases().find_by_id((*found)->case_id);
  if (!record.ok()) return record.error();
  if (!record->has_value() || (*record)->code != case_code) return not_found(receipt_id);
  const core::CaseRecord& c = **record;
  core::CaseRights rights = core::case_rights(
      staff, {c.receiving_agency_code, c.processing_agency_code, c.assigned_staff_id});
  if (!rights.view) return not_found(receipt_id);
  // Cancelling or re-issuing changes the case's money record: view-only lookup may not.
  if (!rights.change) {
    return core::Error{core::ErrorKind::kForbidden,
                       staff.username + " may not change the receipts of case " + c.code};
  }
  ReceiptRecord receipt = std::move(**found);
  core::Result<std::vector<ReceiptLineRecord>> lines = r.receipts().lines(receipt.id);
  if (!lines.ok()) return lines.error();
  receipt.lines = std::move(lines.value());
  return receipt;
}

std::string state_json(const ReceiptRecord& receipt) {
  return JsonObject()
      .add("state", core::to_string(receipt.state))
      .add("series", receipt.series)
      .add("number", receipt.number)
      .add("amount", receipt.amount.in_dong())
      .str();
}

std::string trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  std::size_t from = text.find_first_not_of(kSpace);
  if (from == std::string_view::npos) return "";
  return std::string(text.substr(from, text.find_last_not_of(kSpace) - from + 1));
}

}  // namespace

ReceiptLifecycle::ReceiptLifecycle(Store& store, const Clock& clock, const ReceiptSigner* signer)
    : store_(store), clock_(clock), signer_(signer) {}

core::Result<ReceiptStatus> ReceiptLifecycle::status(std::int64_t receipt_id) const {
  ReceiptStatus out;
  core::Status read = store_.read([&](Repositories& r) -> core::Status {
    out = ReceiptStatus{};
    core::Result<std::optional<ReceiptRecord>> found = r.receipts().find(receipt_id);
    if (!found.ok()) return found.error();
    if (!found->has_value()) return not_found(receipt_id);
    out.receipt = std::move(**found);
    core::Result<std::vector<ReceiptLineRecord>> lines = r.receipts().lines(receipt_id);
    if (!lines.ok()) return lines.error();
    out.receipt.lines = std::move(lines.value());
    if (out.receipt.state == core::ReceiptState::kReplaced) {
      core::Result<std::optional<ReceiptRecord>> by = r.receipts().find_replacement(receipt_id);
      if (!by.ok()) return by.error();
      out.replacement = std::move(by.value());
    }
    if (out.receipt.replaces_receipt_id) {
      core::Result<std::optional<ReceiptRecord>> of =
          r.receipts().find(*out.receipt.replaces_receipt_id);
      if (!of.ok()) return of.error();
      out.original = std::move(of.value());
    }
    return {};
  });
  if (!read.ok()) return read.error();
  out.signature_holds = signer_ != nullptr && receipt_signature_holds(out.receipt, *signer_);
  return out;
}

core::Result<ReceiptRecord> ReceiptLifecycle::cancel(const core::StaffMember& staff,
                                                     std::string_view case_code,
                                                     std::int64_t receipt_id,
                                                     std::string_view raw_reason) const {
  const std::string reason = trimmed(raw_reason);
  if (reason.empty()) return core::invalid_input("a cancelled receipt needs a reason");
  if (reason.size() > kMaxReasonBytes) return core::invalid_input("the reason is too long");
  const std::chrono::sys_seconds now = clock_.now();
  ReceiptRecord out;
  core::Status done = store_.transact([&](Repositories& r) -> core::Status {
    core::Result<ReceiptRecord> receipt = readable_receipt(r, staff, case_code, receipt_id);
    if (!receipt.ok()) return receipt.error();
    ReceiptRecord before = receipt.value();
    std::string by = staff.full_name.empty() ? staff.username : staff.full_name;
    if (core::Status cancelled = r.receipts().cancel(receipt_id, now, reason, by);
        !cancelled.ok()) {
      return cancelled;
    }
    out = std::move(receipt).value();
    out.state = core::ReceiptState::kCancelled;
    out.cancelled_at = now;
    out.cancel_reason = reason;
    out.cancelled_by = by;
    return r.audit().append(AuditEntry{.at = now,
                                       .actor = "staff:" + std::to_string(staff.id),
                                       .action = "receipt.cancel",
                                       .entity_type = "receipt",
                                       .entity_id = std::to_string(receipt_id),
                                       .before = state_json(before),
                                       .after = JsonObject()
                                                    .add("state", core::to_string(out.state))
                                                    .add("case_code", std::string(case_code))
                                                    .add("reason", reason)
                                                    .str()});
  });
  if (!done.ok()) return done.error();
  return out;
}

core::Result<ReceiptRecord> ReceiptLifecycle::reissue(const core::StaffMember& staff,
                                                      std::string_view case_code,
                                                      std::int64_t receipt_id) const {
  const std::chrono::sys_seconds now = clock_.now();
  ReceiptRecord out;
  core::Status done = store_.transact([&](Repositories& r) -> core::Status {
    core::Result<ReceiptRecord> original = readable_receipt(r, staff, case_code, receipt_id);
    if (!original.ok()) return original.error();
    // First the state change: of two racing re-issues one fails here, before taking a number,
    // and its rolled-back transaction leaves no gap in the series.
    if (core::Status replaced = r.receipts().mark_replaced(receipt_id); !replaced.ok()) {
      return replaced;
    }
    core::Result<ReceiptNumber> number = allocate_receipt_number(r.sequences(), original->series);
    if (!number.ok()) return number.error();
    ReceiptRecord next = original.value();
    next.id = 0;
    next.number = number->value;
    next.issued_at = now;
    next.request_id = std::nullopt;  // the request keeps its first receipt (one per request)
    next.replaces_receipt_id = receipt_id;
    next.state = core::ReceiptState::kIssued;
    next.key_id.clear();
    next.signature.clear();
    std::string lines;
    for (const ReceiptLineRecord& line : next.lines) {
      lines += (lines.empty() ? "" : ",") + std::to_string(line.fee_line_id);
    }
    next.payload = JsonObject()
                       .add("form_symbol", next.form_symbol)
                       .add("series", next.series)
                       .add("number", number->text)
                       .add("replaces_receipt_id", receipt_id)
                       .add("fee_line_ids", lines)
                       .str();
    if (signer_ != nullptr) {
      if (core::Status signed_ = sign_receipt(next, *signer_); !signed_.ok()) return signed_;
    }
    core::Result<std::int64_t> id = r.receipts().insert(next);
    if (!id.ok()) return id.error();
    next.id = id.value();
    for (const ReceiptLineRecord& line : next.lines) {
      if (core::Status linked = r.payments().attach_receipt(line.fee_line_id, next.id);
          !linked.ok()) {
        return linked;
      }
    }
    ReceiptRecord before = original.value();
    core::Status audited = r.audit().append(AuditEntry{
        .at = now,
        .actor = "staff:" + std::to_string(staff.id),
        .action = "receipt.replace",
        .entity_type = "receipt",
        .entity_id = std::to_string(receipt_id),
        .before = state_json(before),
        .after = JsonObject().add("state", "replaced").add("replaced_by", next.id).str()});
    if (!audited.ok()) return audited;
    audited = r.audit().append(AuditEntry{.at = now,
                                          .actor = "staff:" + std::to_string(staff.id),
                                          .action = "receipt.reissue",
                                          .entity_type = "receipt",
                                          .entity_id = std::to_string(next.id),
                                          .before = "",
                                          .after = JsonObject()
                                                       .add("state", "issued")
                                                       .add("case_code", std::string(case_code))
                                                       .add("series", next.series)
                                                       .add("number", next.number)
                                                       .add("replaces_receipt_id", receipt_id)
                                                       .add("key_id", next.key_id)
                                                       .str()});
    if (!audited.ok()) return audited;
    out = std::move(next);
    return {};
  });
  if (!done.ok()) return done.error();
  return out;
}

}  // namespace motcua::app
