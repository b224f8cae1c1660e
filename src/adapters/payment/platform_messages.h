#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/payment/platform_time.h"
#include "app/payment_gateway.h"
#include "core/payment_state.h"
#include "core/result.h"

// The JSON messages of the payment platform protocol (docs/protocols/payment-platform.md), each
// with an encoder and a validating decoder (Boost.JSON). Amounts are JSON integers of đồng: a
// decimal or a string amount is refused. Currency must be "VND". Times are RFC 3339 on the wire
// (written with the Vietnam offset +07:00) and Unix seconds in memory. Decoders return
// kInvalidInput with an English message naming the field.
namespace motcua::adapters::payment {

// "pending", "succeeded", "failed", "cancelled", "expired": the states the platform reports.
core::Result<core::PaymentState> parse_wire_status(std::string_view text);
// "transaction.succeeded", ...; "" for a state that ends no transaction (pending).
std::string event_type_for(core::PaymentState state);

// POST /api/v1/transactions. `reference` travels as client_transaction_id. The decoder also
// checks amount > 0, every fee line > 0, and amount == sum of fee_lines.
std::string encode_create_request(const app::GatewayTransactionRequest& request);
core::Result<app::GatewayTransactionRequest> decode_create_request(std::string_view json);

// The 200/201 answer to a create: transaction_id, payment_url, status, expires_at.
std::string encode_create_answer(const app::GatewayTransaction& transaction);
core::Result<app::GatewayTransaction> decode_create_answer(std::string_view json);

// GET /api/v1/transactions/{id}. The outcome's occurred_at is the status's updated_at (the last
// state change); event_id is not on the wire and decodes as "query:<transaction_id>".
std::string encode_status_answer(const app::GatewayOutcome& status);
core::Result<app::GatewayOutcome> decode_status_answer(std::string_view json);

// A callback: one final state of a transaction, named by a unique event_id.
struct CallbackEvent {
  std::string event_type;  // "transaction.succeeded", ...; matches outcome.state
  app::GatewayOutcome outcome;
};
// Encodes with event_type_for(outcome.state) when event.event_type is empty.
std::string encode_callback_event(const CallbackEvent& event);
// Refuses an unknown event_type and a missing event_id; state comes from event_type.
core::Result<CallbackEvent> decode_callback_event(std::string_view json);

// GET /api/v1/channels: {"channels": [{"type", "code", "name"}, ...]}.
std::string encode_channel_list(const std::vector<app::GatewayChannel>& channels);
core::Result<std::vector<app::GatewayChannel>> decode_channel_list(std::string_view json);

// Every refusal and every callback answer: {"code": "...", "message": "..."}. Callback answers
// use the two-digit codes of the protocol ("00" applied or duplicate, "01" ... "99"); platform
// API refusals use words ("invalid_request", "unauthorized", "not_found", "conflict").
struct Problem {
  std::string code;
  std::string message;
};
std::string encode_problem(const Problem& problem);
core::Result<Problem> decode_problem(std::string_view json);

}  // namespace motcua::adapters::payment
