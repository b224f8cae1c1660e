#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "app/clock.h"
#include "app/receipt_signer.h"
#include "app/repositories.h"
#include "app/store.h"
#include "core/account.h"
#include "core/result.h"

namespace motcua::app {

// A stored receipt with what its pages show about its life and its signature.
struct ReceiptStatus {
  ReceiptRecord receipt;                     // lines included
  std::optional<ReceiptRecord> replacement;  // the receipt that replaced it, if replaced
  std::optional<ReceiptRecord> original;     // the receipt it replaces, if a re-issue
  bool signature_holds = false;  // its signature holds over its stored content and lines
};

// Cancelling (hủy) and re-issuing (phát hành lại) receipts, and checking them (the public
// verification page). Each change is one transaction with its audit log entry. Who may: an
// officer who may read the receipt's case (core::case_rights(...).view; there is no separate
// permission for fees). Thread-safe.
class ReceiptLifecycle {
 public:
  // `signer` signs re-issued receipts and checks signatures; null: re-issues are unsigned and
  // no signature holds.
  ReceiptLifecycle(Store& store, const Clock& clock, const ReceiptSigner* signer);

  // The receipt with its lines, its replacement or original, and whether its signature holds.
  // kNotFound for no such receipt.
  core::Result<ReceiptStatus> status(std::int64_t receipt_id) const;

  // Cancels an issued receipt of case `case_code` with a reason (required, at most 500
  // characters once trimmed). kInvalidInput (no reason), kNotFound (no such receipt of that
  // case, or the case is not the staff member's to read), kConflict (not issued any more:
  // cancelled or replaced, by someone else too), kStorage.
  core::Result<ReceiptRecord> cancel(const core::StaffMember& staff, std::string_view case_code,
                                     std::int64_t receipt_id, std::string_view reason) const;

  // Re-issues an issued receipt of case `case_code`: a replacement with the next number of its
  // series and the same content and lines, replaces_receipt_id = the original, signed; the
  // original becomes replaced and the fee lines link to the replacement. Errors as cancel(),
  // plus kOutOfRange (the series is full). Returns the replacement.
  core::Result<ReceiptRecord> reissue(const core::StaffMember& staff, std::string_view case_code,
                                      std::int64_t receipt_id) const;

 private:
  Store& store_;
  const Clock& clock_;
  const ReceiptSigner* signer_;
};

}  // namespace motcua::app
