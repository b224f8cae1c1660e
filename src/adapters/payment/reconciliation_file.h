#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/payment_state.h"
#include "core/result.h"

namespace motcua::adapters::payment {

// One row of the daily reconciliation file (GET /api/v1/reconciliation/{YYYY-MM-DD}): a
// transaction that changed state that Vietnam-local day, as it stands when the file is made.
struct ReconciliationRow {
  std::string transaction_id;
  std::string reference;  // client_transaction_id
  core::PaymentState state = core::PaymentState::kPending;
  core::Money amount;
  std::int64_t paid_at = 0;  // Unix seconds; 0 unless succeeded
  std::string channel_code;
  std::string provider_reference;
};

struct ReconciliationFile {
  std::vector<ReconciliationRow> rows;
  core::Money succeeded_total;  // the trailer's sum of succeeded amounts
};

// CSV (RFC 4180 quoting, "\n" line ends, UTF-8): the header line, one line per row, then the
// trailer "#TOTAL,<row count>,<sum of succeeded amounts>".
std::string encode_reconciliation_csv(const std::vector<ReconciliationRow>& rows);
// Reads a file back; kInvalidInput when the header, a row or the trailer is malformed or the
// trailer disagrees with the rows.
core::Result<ReconciliationFile> decode_reconciliation_csv(std::string_view text);

}  // namespace motcua::adapters::payment
