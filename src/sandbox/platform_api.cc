// The platform's API for motcua (docs/protocols/payment-platform.md, "Calls from motcua to the
// platform"): every request is signed under the client's request key.
#include "adapters/payment/platform_messages.h"
#include "adapters/payment/reconciliation_file.h"
#include "core/civil_time.h"
#include "sandbox/channel_table.h"
#include "sandbox/sandbox_state.h"

namespace motcua::sandbox {
namespace {

namespace payment = adapters::payment;
using adapters::web::HttpRequest;
using adapters::web::HttpResponse;

HttpResponse problem(int status, std::string code, std::string message) {
  return HttpResponse::json(status, payment::encode_problem({std::move(code), std::move(message)}));
}

// nullopt when the request is signed by the configured client; else the 401 to send.
std::optional<HttpResponse> refuse_unsigned(SandboxState& state, const HttpRequest& request) {
  auto headers = payment::SignatureHeaders::read_from(request.headers);
  auto verdict = payment::verify(headers, request.method, request.target, request.body,
                                 {{state.options.client_id, state.options.request_key}},
                                 state.now(), state.request_nonces);
  if (verdict != payment::SignatureVerdict::kValid) {
    return problem(401, "unauthorized", std::string(payment::to_string(verdict)));
  }
  if (headers.client_id != state.options.client_id) {
    return problem(401, "unauthorized", "X-PP-Client-Id does not match the key");
  }
  return std::nullopt;
}

HttpResponse create_transaction(SandboxState& state, HttpRequest& request) {
  if (auto refused = refuse_unsigned(state, request)) return *refused;
  auto decoded = payment::decode_create_request(request.body);
  if (!decoded) return problem(400, "invalid_request", decoded.error().message);
  auto created = state.book.create(*decoded, payment::encode_create_request(*decoded), state.now());
  if (!created && created.error().kind == core::ErrorKind::kConflict) {
    return problem(409, "conflict", created.error().message);
  }
  if (!created) return problem(400, "invalid_request", created.error().message);
  const SandboxTransaction& t = created->transaction;
  std::string answer =
      payment::encode_create_answer({t.id, state.payment_url(t.id), t.state, t.request.expires_at});
  return HttpResponse::json(created->is_new ? 201 : 200, answer);
}

HttpResponse transaction_status(SandboxState& state, HttpRequest& request) {
  if (auto refused = refuse_unsigned(state, request)) return *refused;
  auto t = state.book.find(request.path_params.at("id"));
  if (!t) return problem(404, "not_found", "no transaction " + request.path_params.at("id"));
  return HttpResponse::json(200, payment::encode_status_answer(t->outcome()));
}

HttpResponse channels(SandboxState& state, HttpRequest& request) {
  if (auto refused = refuse_unsigned(state, request)) return *refused;
  return HttpResponse::json(200, payment::encode_channel_list(sandbox_channels()));
}

// The file is signed like a callback: X-PP-* headers on the response, under the callback key,
// over GET, the request's path and query, and the CSV bytes.
HttpResponse reconciliation(SandboxState& state, HttpRequest& request) {
  if (auto refused = refuse_unsigned(state, request)) return *refused;
  auto day = core::parse_date(request.path_params.at("date"));
  if (!day) return problem(400, "invalid_request", "the date must be YYYY-MM-DD");
  std::vector<payment::ReconciliationRow> rows;
  for (const auto& t : state.book.changed_on(*day)) {
    // The test-control faults "file_wrong_amount" and "file_duplicate" (docs/protocols).
    CallbackFaults faults = state.dispatcher.faults(t.id);
    payment::ReconciliationRow row{
        t.id,           t.request.reference, t.state, t.request.amount, t.paid_at,
        t.channel.code, t.provider_reference};
    if (faults.file_wrong_amount != 0) {
      row.amount = core::Money::dong(row.amount.in_dong() + faults.file_wrong_amount);
    }
    rows.push_back(row);
    if (faults.file_duplicate) rows.push_back(row);
  }
  HttpResponse response;
  response.content_type = "text/csv; charset=utf-8";
  response.body = payment::encode_reconciliation_csv(rows);
  auto signature = payment::sign(state.options.callback_key, state.options.client_id, "GET",
                                 request.target, response.body, state.now());
  for (auto& [name, value] : signature.as_list()) response.with_header(name, value);
  return response;
}

}  // namespace

void register_platform_api(adapters::web::Router& router, SandboxState& state) {
  router.add("POST", "/api/v1/transactions",
             [&state](HttpRequest& r) { return create_transaction(state, r); });
  router.add("GET", "/api/v1/transactions/{id}",
             [&state](HttpRequest& r) { return transaction_status(state, r); });
  router.add("GET", "/api/v1/channels", [&state](HttpRequest& r) { return channels(state, r); });
  router.add("GET", "/api/v1/reconciliation/{date}",
             [&state](HttpRequest& r) { return reconciliation(state, r); });
}

}  // namespace motcua::sandbox
