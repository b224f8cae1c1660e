#pragma once

#include <chrono>
#include <map>
#include <string>
#include <string_view>

#include "adapters/payment/platform_signing.h"
#include "app/clock.h"
#include "app/payment_gateway.h"
#include "app/platform_reports.h"

namespace motcua::adapters::payment {

struct PaymentPlatformOptions {
  std::string base_url;  // "http://127.0.0.1:8090" (no trailing slash needed)
  std::string client_id;
  std::string request_key;  // raw bytes (decode_key() of the configured base64)
  std::chrono::milliseconds timeout{10000};
  // The callback keys (key id -> raw key) the daily reconciliation file must be signed under;
  // without any, every file is refused.
  std::map<std::string, std::string> file_keys;
};

// app::PaymentGateway over the payment platform's HTTP API (docs/protocols/payment-platform.md):
// every request is signed under the request key with key id = client id. Answers are not
// signed (the TLS channel authenticates the platform); only the reconciliation file is. Maps
// answers: 200/201 -> value, 404 -> kNotFound, 409 -> kConflict, anything else, an unreadable
// body or no answer -> kUnavailable. Thread-safe (each call is one connection).
// It is also the platform's app::PlatformReports: the daily file is accepted only when its
// X-PP-* response signature verifies under a callback key (over GET, the request's path and the
// CSV bytes), it is for this client, and the CSV reads (trailer included); else kInvalidInput.
class PaymentPlatformGateway final : public app::PaymentGateway, public app::PlatformReports {
 public:
  PaymentPlatformGateway(PaymentPlatformOptions options, const app::Clock& clock);

  std::string_view name() const override { return "payment-platform"; }
  core::Result<app::GatewayTransaction> create_transaction(
      const app::GatewayTransactionRequest& request) override;
  core::Result<app::GatewayOutcome> query_transaction(std::string_view transaction_id) override;
  core::Result<app::PlatformDayReport> daily_report(std::chrono::year_month_day day) override;

 private:
  struct Answer {
    int status = 0;
    std::string body;
    std::map<std::string, std::string, web::CaseInsensitiveLess> headers;
  };
  // Signs and sends; kUnavailable when no HTTP answer came.
  core::Result<Answer> call(std::string_view method, const std::string& path_and_query,
                            const std::string& body);

  PaymentPlatformOptions options_;
  SigningKey key_;
  const app::Clock& clock_;
  NonceCache file_nonces_;
};

}  // namespace motcua::adapters::payment
