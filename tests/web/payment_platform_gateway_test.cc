// PaymentPlatformGateway against a scripted platform on a real HttpServer.
#include "adapters/payment/payment_platform_gateway.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>

#include "../fakes/fake_clock.h"
#include "adapters/payment/platform_messages.h"
#include "adapters/web/http_server.h"
#include "adapters/web/router.h"

namespace motcua::adapters::payment {
namespace {

using web::HttpRequest;
using web::HttpResponse;

constexpr std::int64_t kNow = 1714091272;
const std::string kKey = "request-key-of-the-test-client!!";

class GatewayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add("POST", "/api/v1/transactions", [this](HttpRequest& r) {
      last_verdict_ = check(r);
      if (last_verdict_ != SignatureVerdict::kValid) {
        return HttpResponse::json(401, encode_problem({"unauthorized", "bad signature"}));
      }
      auto request = decode_create_request(r.body);
      if (!request) return HttpResponse::json(400, encode_problem({"invalid_request", "x"}));
      if (request->reference == "PR-conflict") {
        return HttpResponse::json(409, encode_problem({"conflict", "another body"}));
      }
      if (request->reference == "PR-broken") return HttpResponse::json(201, "{\"x\":1}");
      if (request->reference == "PR-500") return HttpResponse::text(500, "oops");
      return HttpResponse::json(
          201, encode_create_answer({"PP24042600001", "http://platform/checkout/PP24042600001",
                                     core::PaymentState::kPending, request->expires_at}));
    });
    router_.add("GET", "/api/v1/transactions/{id}", [this](HttpRequest& r) {
      last_verdict_ = check(r);
      if (r.path_params.at("id") != "PP24042600001") {
        return HttpResponse::json(404, encode_problem({"not_found", "no such transaction"}));
      }
      app::GatewayOutcome o;
      o.transaction_id = "PP24042600001";
      o.reference = "PR-000123-1";
      o.state = core::PaymentState::kSucceeded;
      o.amount = core::Money::dong(3000);
      o.paid_at = kNow;
      o.channel = {"bank", "970415", "VietinBank"};
      o.occurred_at = kNow;
      return HttpResponse::json(200, encode_status_answer(o));
    });
    web::ServerOptions options;
    options.port = 0;
    server_ = std::make_unique<web::HttpServer>(
        options, [this](HttpRequest& r) { return router_.dispatch(r); });
    ASSERT_TRUE(server_->start().ok());
    gateway_ = std::make_unique<PaymentPlatformGateway>(
        PaymentPlatformOptions{base(), "motcua-h34", kKey, std::chrono::milliseconds(3000)},
        clock_);
  }

  SignatureVerdict check(const HttpRequest& r) {
    return verify(SignatureHeaders::read_from(r.headers), r.method, r.target, r.body,
                  {{"motcua-h34", kKey}}, kNow, nonces_);
  }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(server_->port()); }

  app::GatewayTransactionRequest request(std::string reference) {
    app::GatewayTransactionRequest r;
    r.reference = std::move(reference);
    r.amount = core::Money::dong(2000);
    r.description = "Le phi";
    r.return_url = "http://motcua/ket-qua";
    r.callback_url = "http://motcua/cb";
    r.expires_at = kNow + 1800;
    r.case_code = "H34.22.6-240426-0002";
    r.payer_name = "VÕ ĐẶNG NGỌC GIẢ";
    r.fee_lines = {{41, "Phí chứng thực", core::Money::dong(2000)}};
    return r;
  }

  testing::FakeClock clock_{std::chrono::sys_seconds{std::chrono::seconds{kNow}}};
  web::Router router_;
  std::unique_ptr<web::HttpServer> server_;
  std::unique_ptr<PaymentPlatformGateway> gateway_;
  NonceCache nonces_;
  std::atomic<SignatureVerdict> last_verdict_{SignatureVerdict::kMissingHeader};
};

TEST_F(GatewayTest, CreatesASignedTransaction) {
  EXPECT_EQ(gateway_->name(), "payment-platform");
  auto created = gateway_->create_transaction(request("PR-000123-1"));
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(last_verdict_, SignatureVerdict::kValid);
  EXPECT_EQ(created->transaction_id, "PP24042600001");
  EXPECT_EQ(created->payment_url, "http://platform/checkout/PP24042600001");
  EXPECT_EQ(created->expires_at, kNow + 1800);
}

TEST_F(GatewayTest, MapsConflictAndFailuresToErrorKinds) {
  auto conflict = gateway_->create_transaction(request("PR-conflict"));
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.error().kind, core::ErrorKind::kConflict);
  EXPECT_NE(conflict.error().message.find("another body"), std::string::npos);
  auto broken = gateway_->create_transaction(request("PR-broken"));
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().kind, core::ErrorKind::kUnavailable);
  auto failed = gateway_->create_transaction(request("PR-500"));
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().kind, core::ErrorKind::kUnavailable);
}

TEST_F(GatewayTest, AWrongKeyIsRefusedByThePlatformAsUnavailable) {
  PaymentPlatformGateway wrong({base(), "motcua-h34", "not-the-key-the-platform-holds!!"}, clock_);
  auto created = wrong.create_transaction(request("PR-000123-1"));
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(last_verdict_, SignatureVerdict::kBadSignature);
  EXPECT_EQ(created.error().kind, core::ErrorKind::kUnavailable);
}

TEST_F(GatewayTest, QueriesStatusAndMapsUnknownToNotFound) {
  auto status = gateway_->query_transaction("PP24042600001");
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(last_verdict_, SignatureVerdict::kValid);
  EXPECT_EQ(status->state, core::PaymentState::kSucceeded);
  EXPECT_EQ(status->channel.code, "970415");
  EXPECT_EQ(status->event_id, "query:PP24042600001");
  auto missing = gateway_->query_transaction("PP99999999999");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, core::ErrorKind::kNotFound);
}

TEST_F(GatewayTest, AnUnreachablePlatformIsUnavailable) {
  std::string url = base();
  server_->stop(std::chrono::milliseconds(0));
  auto created = gateway_->create_transaction(request("PR-000123-1"));
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().kind, core::ErrorKind::kUnavailable);
  PaymentPlatformGateway https({"https://pay.example", "motcua-h34", kKey}, clock_);
  auto refused = https.query_transaction("PP1");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kUnavailable);
}

}  // namespace
}  // namespace motcua::adapters::payment
