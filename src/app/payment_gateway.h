#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/payment_state.h"
#include "core/result.h"

namespace motcua::app {

// One fee line as the payer's bill shows it.
struct GatewayFeeLine {
  std::int64_t line_id = 0;
  std::string name;
  core::Money amount;
};

// What motcua asks a gateway to collect: one attempt to pay some of a case's lines.
// The wire form for the payment platform is docs/protocols/payment-platform.md.
struct GatewayTransactionRequest {
  std::string reference;  // motcua's id for the attempt, unique for ever ("PR-000123")
  core::Money amount;     // the sum of fee_lines
  std::string description;
  std::string return_url;       // where the payer's browser comes back to
  std::string callback_url;     // where the gateway confirms
  std::int64_t expires_at = 0;  // Unix seconds
  std::string case_code;
  std::string procedure_code;
  std::string procedure_name;
  std::string agency_code;
  std::string agency_name;
  std::string payer_name;
  std::string payer_id_number;
  std::vector<GatewayFeeLine> fee_lines;
  std::string beneficiary_bank_bin;
  std::string beneficiary_account;
  std::string beneficiary_name;
};

// The gateway's answer to a created transaction.
struct GatewayTransaction {
  std::string transaction_id;  // the gateway's id
  std::string payment_url;     // where to send the payer
  core::PaymentState state = core::PaymentState::kPending;
  std::int64_t expires_at = 0;
};

// A bank (by NAPAS BIN) or an intermediary (wallet) the payer paid through.
struct GatewayChannel {
  std::string type;  // "bank" or "wallet"
  std::string code;  // "970415", "MOMO", ...
  std::string name;
};

// What a gateway says happened to a transaction: a verified callback, or the answer to a
// status query. Only verified facts reach the use cases as GatewayOutcome.
struct GatewayOutcome {
  std::string event_id;  // unique per gateway; status queries use "query:<transaction_id>"
  std::string transaction_id;
  std::string reference;
  core::PaymentState state = core::PaymentState::kPending;
  core::Money amount;
  std::string currency;      // "VND"
  std::int64_t paid_at = 0;  // Unix seconds; 0 unless succeeded
  GatewayChannel channel;
  std::string provider_reference;
  std::int64_t occurred_at = 0;
};

// Port: a payment gateway (first adapter: the national payment platform; later VNPay, bank
// transfer). Calls block; they may take up to the adapter's timeout.
class PaymentGateway {
 public:
  virtual ~PaymentGateway();
  // A stable name stored with each transaction ("payment-platform").
  virtual std::string_view name() const = 0;
  // Creates the transaction, or returns the one the gateway already has for this reference
  // (the call is idempotent on reference). kUnavailable when the gateway cannot be reached or
  // answers nonsense; kConflict when it holds the reference with a different request.
  virtual core::Result<GatewayTransaction> create_transaction(
      const GatewayTransactionRequest& request) = 0;
  // The transaction's current state at the gateway. kNotFound for an id the gateway does not
  // know; kUnavailable as above.
  virtual core::Result<GatewayOutcome> query_transaction(std::string_view transaction_id) = 0;
};

}  // namespace motcua::app
