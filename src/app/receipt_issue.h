#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "app/receipt_signer.h"
#include "app/repositories.h"
#include "app/store.h"
#include "core/case_record.h"
#include "core/money.h"
#include "core/result.h"

namespace motcua::app {

// Issues the receipt (biên lai) for the lines a payment request has just paid, inside the
// caller's transaction: the next number of the receiving unit's series (so a rolled-back
// transaction leaves no gap), the unit, the payer (the submitter) and the amount as they are
// now, a JSON payload of that content, and each line linked to the receipt. The number's scope
// is the series symbol alone, matching the receipts table's UNIQUE (series, number): a series
// symbol names one sequence in an installation. A unit with no series configured gets no
// receipt (nullopt): the money is recorded all the same, and the receipt is issued by hand once
// the unit's series is set ("Phát hành biên lai"). Errors: kOutOfRange (the series is full),
// kConflict (the request already has a receipt), kStorage. With a `signer` the receipt is
// signed (app/receipt_signing.h) before it is stored; null leaves it unsigned (tests).
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
