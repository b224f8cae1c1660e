#pragma once

#include "app/receipt_signer.h"
#include "app/repositories.h"
#include "core/receipt_canonical.h"
#include "core/result.h"

namespace motcua::app {

// The content a receipt's signature covers, from its stored fields and `receipt.lines` (so a
// change to any shown field in the database, the lines included, breaks the signature).
core::ReceiptContent receipt_content(const ReceiptRecord& receipt);

// Signs the receipt about to be stored: sets key_id and signature from the canonical form of
// receipt_content(receipt). Call it once every content field and the lines are set.
core::Status sign_receipt(ReceiptRecord& receipt, const ReceiptSigner& signer);

// Whether the stored receipt's signature holds over its stored content (lines included).
// False for an unsigned receipt.
bool receipt_signature_holds(const ReceiptRecord& receipt, const ReceiptSigner& signer);

}  // namespace motcua::app
