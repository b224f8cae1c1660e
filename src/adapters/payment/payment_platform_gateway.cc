#include "adapters/payment/payment_platform_gateway.h"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "adapters/payment/platform_messages.h"
#include "adapters/payment/reconciliation_file.h"
#include "adapters/web/http_client.h"
#include "core/civil_time.h"

namespace motcua::adapters::payment {
namespace {

core::Error unavailable(std::string message) {
  return {core::ErrorKind::kUnavailable, std::move(message)};
}

// The status-to-error table of the port: 404 and 409 mean something; the rest is the platform
// failing.
core::Error refusal(int status, const std::string& body) {
  std::string detail = body.substr(0, 300);
  if (auto problem = decode_problem(body)) detail = problem->code + ": " + problem->message;
  std::string message =
      "the payment platform answered " + std::to_string(status) + " (" + detail + ")";
  if (status == 404) return {core::ErrorKind::kNotFound, std::move(message)};
  if (status == 409) return {core::ErrorKind::kConflict, std::move(message)};
  return unavailable(std::move(message));
}

}  // namespace

PaymentPlatformGateway::PaymentPlatformGateway(PaymentPlatformOptions options,
                                               const app::Clock& clock)
    : options_(std::move(options)), key_{options_.client_id, options_.request_key}, clock_(clock) {
  while (!options_.base_url.empty() && options_.base_url.back() == '/')
    options_.base_url.pop_back();
}

core::Result<PaymentPlatformGateway::Answer> PaymentPlatformGateway::call(
    std::string_view method, const std::string& path_and_query, const std::string& body) {
  auto now = static_cast<std::int64_t>(clock_.now().time_since_epoch().count());
  SignatureHeaders signature = sign(key_, options_.client_id, method, path_and_query, body, now);
  web::HttpClientRequest request;
  request.method = std::string(method);
  request.url = options_.base_url + path_and_query;
  request.headers = signature.as_list();
  request.headers.emplace_back("Accept", "application/json");
  if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
  request.body = body;
  request.timeout = options_.timeout;
  auto response = web::send_http_request(request);
  if (!response) {
    if (response.error().kind == core::ErrorKind::kInvalidInput) {
      return unavailable("the payment platform URL is unusable: " + response.error().message);
    }
    return response.error();
  }
  return Answer{response->status, std::move(response->body), std::move(response->headers)};
}

core::Result<app::GatewayTransaction> PaymentPlatformGateway::create_transaction(
    const app::GatewayTransactionRequest& request) {
  auto answer = call("POST", "/api/v1/transactions", encode_create_request(request));
  if (!answer) return answer.error();
  if (answer->status != 200 && answer->status != 201) return refusal(answer->status, answer->body);
  auto transaction = decode_create_answer(answer->body);
  if (!transaction) {
    return unavailable("the payment platform's answer is unreadable: " +
                       transaction.error().message);
  }
  return transaction;
}

core::Result<app::GatewayOutcome> PaymentPlatformGateway::query_transaction(
    std::string_view transaction_id) {
  std::string path =
      "/api/v1/transactions/" + boost::urls::encode(transaction_id, boost::urls::unreserved_chars);
  auto answer = call("GET", path, "");
  if (!answer) return answer.error();
  if (answer->status != 200) return refusal(answer->status, answer->body);
  auto outcome = decode_status_answer(answer->body);
  if (!outcome) {
    return unavailable("the payment platform's answer is unreadable: " + outcome.error().message);
  }
  if (outcome->transaction_id != transaction_id) {
    return unavailable("the payment platform answered for another transaction (" +
                       outcome->transaction_id + ")");
  }
  return outcome;
}

core::Result<app::PlatformDayReport> PaymentPlatformGateway::daily_report(
    std::chrono::year_month_day day) {
  std::string path = "/api/v1/reconciliation/" + core::format_iso_date(day);
  auto answer = call("GET", path, "");
  if (!answer) return answer.error();
  if (answer->status != 200) return refusal(answer->status, answer->body);
  SignatureHeaders headers = SignatureHeaders::read_from(answer->headers);
  auto now = static_cast<std::int64_t>(clock_.now().time_since_epoch().count());
  SignatureVerdict verdict =
      verify(headers, "GET", path, answer->body, options_.file_keys, now, file_nonces_);
  if (verdict != SignatureVerdict::kValid) {
    return core::invalid_input("the reconciliation file's signature is refused: " +
                               std::string(to_string(verdict)));
  }
  if (headers.client_id != options_.client_id) {
    return core::invalid_input("the reconciliation file is for another client (" +
                               headers.client_id + ")");
  }
  auto file = decode_reconciliation_csv(answer->body);
  if (!file) {
    return core::invalid_input("the reconciliation file is unreadable: " + file.error().message);
  }
  app::PlatformDayReport report;
  report.succeeded_total = file->succeeded_total;
  for (const ReconciliationRow& row : file->rows) {
    report.rows.push_back({row.transaction_id, row.reference, row.state, row.amount, row.paid_at,
                           row.channel_code, row.provider_reference});
  }
  return report;
}

}  // namespace motcua::adapters::payment
