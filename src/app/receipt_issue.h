#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/receipt_signer.h"
#include "app/repositories.h"
#include "app/store.h"
#include "core/case_record.h"
#include "core/fee_line.h"
#include "core/money.h"
#include "core/result.h"

namespace motcua::app {

// What paid the lines a receipt is for: an online payment request or a counter payment.
struct ReceiptSource {
  core::PaymentMethod method = core::PaymentMethod::kPaymentPlatform;
  std::string reference;       // "PR-000123" for a request, "TQ-000007" at the counter
  std::string transaction_id;  // the gateway's transaction id, the POS approval code, or ""
  std::optional<std::int64_t> request_id;          // an online payment request
  std::optional<std::int64_t> counter_payment_id;  // a payment taken at the counter
};

// The source of the receipt for a payment request's lines.
ReceiptSource receipt_source(const PaymentRequestRecord& request);

// Issues the receipt (biên lai) for lines a payment has just paid, inside the caller's
// transaction: the next number of the receiving unit's series (so a rolled-back transaction
// leaves no gap), the unit, the payer (the submitter) and the amount as they are now, a JSON
// payload of that content with the source's method and references, and each line linked to the
// receipt. The number's scope is the series symbol alone, matching the receipts table's UNIQUE
// (series, number): a series symbol names one sequence in an installation. A unit with no
// series configured gets no receipt (nullopt): the money is recorded all the same, and the
// receipt is issued by hand once the unit's series is set ("Phát hành biên lai"). A counter
// payment's receipt is linked to it (counter_payments.receipt_id). Errors: kOutOfRange (the
// series is full), kConflict (the request already has a receipt), kStorage. With a `signer` the
// receipt is signed (app/receipt_signing.h) before it is stored; null leaves it unsigned (tests).
core::Result<std::optional<ReceiptRecord>> issue_receipt(
    Repositories& repositories, const core::CaseRecord& record, const ReceiptSource& source,
    const std::vector<std::int64_t>& line_ids, core::Money amount, std::chrono::sys_seconds at,
    const ReceiptSigner* signer);

// The receipt for lines a payment request paid: issue_receipt with receipt_source(request).
core::Result<std::optional<ReceiptRecord>> issue_receipt(
    Repositories& repositories, const core::CaseRecord& record, const PaymentRequestRecord& request,
    const std::vector<std::int64_t>& line_ids, core::Money amount, std::chrono::sys_seconds at,
    const ReceiptSigner* signer);

// Sets the receipt's shown content beyond the unit and the payer: the case code and
// procedure, the amount in words, the method, the provider's transaction id, and the printed
// lines (the case's fee lines named in `line_ids`, in that order).
void describe_receipt(ReceiptRecord& receipt, const core::CaseRecord& record,
                      const std::vector<std::int64_t>& line_ids, std::string_view amount_in_words,
                      std::string_view method_label, std::string_view provider_transaction_id);

}  // namespace motcua::app
