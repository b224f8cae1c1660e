// The real motcua-sandbox executable, spoken to over HTTP as motcua would: signed API calls,
// the checkout pages, callbacks to a receiver in the test, faults, expiry, reconciliation.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "adapters/payment/platform_messages.h"
#include "adapters/payment/platform_signing.h"
#include "adapters/payment/reconciliation_file.h"
#include "adapters/web/http_client.h"
#include "adapters/web/http_server.h"
#include "core/civil_time.h"
#include "sandbox_process.h"

namespace motcua::sandbox {
namespace {

namespace payment = adapters::payment;
namespace web = adapters::web;
using namespace std::chrono_literals;
using payment::SignatureVerdict;

const std::string kClientId = "motcua-test";
const std::string kRequestKey = "request-key-for-the-sandbox-test";   // 32 bytes
const std::string kCallbackKey = "callback-key-for-the-sandboxtest";  // 32 bytes
const std::string kCallbackKeyId = "cb-test-1";
// printf '<key>' | base64
const std::string kRequestKeyBase64 = "cmVxdWVzdC1rZXktZm9yLXRoZS1zYW5kYm94LXRlc3Q=";
const std::string kCallbackKeyBase64 = "Y2FsbGJhY2sta2V5LWZvci10aGUtc2FuZGJveHRlc3Q=";

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Polls `done` until it holds or `within` passes.
bool eventually(const std::function<bool()>& done, std::chrono::milliseconds within = 10s) {
  auto deadline = std::chrono::steady_clock::now() + within;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return done();
}

// motcua's side of the callbacks: verifies each under the callback key and answers "00",
// or a scripted failure for the first `fail_first` calls.
class Receiver {
 public:
  struct Call {
    SignatureVerdict verdict;
    std::string body;
    payment::CallbackEvent event;
    std::chrono::steady_clock::time_point at;
  };

  Receiver() {
    web::ServerOptions options;
    options.port = 0;
    server_ = std::make_unique<web::HttpServer>(options,
                                                [this](web::HttpRequest& r) { return answer(r); });
    EXPECT_TRUE(server_->start().ok());
  }
  std::string url(const std::string& path = "/callbacks") const {
    return "http://127.0.0.1:" + std::to_string(server_->port()) + path;
  }
  void fail_first(int n) { fail_first_ = n; }
  // How many calls came for the transaction (cheap enough to poll).
  std::size_t count(const std::string& transaction_id) const {
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (const auto& c : calls_) n += c.event.outcome.transaction_id == transaction_id;
    return n;
  }
  std::vector<Call> calls(const std::string& transaction_id) const {
    std::lock_guard lock(mutex_);
    std::vector<Call> out;
    for (const auto& c : calls_) {
      if (c.event.outcome.transaction_id == transaction_id) out.push_back(c);
    }
    return out;
  }

 private:
  web::HttpResponse answer(web::HttpRequest& r) {
    Call call{payment::verify(payment::SignatureHeaders::read_from(r.headers), r.method, r.target,
                              r.body, {{kCallbackKeyId, kCallbackKey}}, unix_now(), nonces_),
              r.body,
              {},
              std::chrono::steady_clock::now()};
    auto event = payment::decode_callback_event(r.body);
    if (event) call.event = *event;
    {
      std::lock_guard lock(mutex_);
      calls_.push_back(call);
    }
    if (call.verdict != SignatureVerdict::kValid) {
      return web::HttpResponse::json(401, payment::encode_problem({"01", "bad signature"}));
    }
    if (fail_first_.fetch_sub(1) > 0) {
      return web::HttpResponse::json(503, payment::encode_problem({"99", "try later"}));
    }
    return web::HttpResponse::json(200, payment::encode_problem({"00", "ok"}));
  }

  std::unique_ptr<web::HttpServer> server_;
  payment::NonceCache nonces_;
  mutable std::mutex mutex_;
  std::vector<Call> calls_;
  std::atomic<int> fail_first_{0};
};

class SandboxTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sandbox_ = new testing::SandboxProcess(
        {"--client-id", kClientId, "--request-key", kRequestKeyBase64, "--callback-key-id",
         kCallbackKeyId, "--callback-key", kCallbackKeyBase64, "--retry-delays-ms", "100,200,400"});
    receiver_ = new Receiver();
  }
  static void TearDownTestSuite() {
    delete receiver_;
    delete sandbox_;
  }
  void SetUp() override {
    ASSERT_TRUE(sandbox_->started()) << "first line: " << sandbox_->first_line();
  }

  web::HttpClientResponse call(const std::string& method, const std::string& target,
                               const std::string& body = "", const std::string& key = kRequestKey,
                               bool signed_call = true) {
    web::HttpClientRequest request;
    request.method = method;
    request.url = sandbox_->base_url() + target;
    request.body = body;
    if (signed_call) {
      request.headers =
          payment::sign({kClientId, key}, kClientId, method, target, body, unix_now()).as_list();
    }
    if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
    auto response = web::send_http_request(request);
    EXPECT_TRUE(response.ok()) << (response.ok() ? "" : response.error().message);
    return response.ok() ? *response : web::HttpClientResponse{};
  }
  web::HttpClientResponse control(const std::string& target, const std::string& body) {
    return call("POST", target, body, kRequestKey, false);
  }

  app::GatewayTransactionRequest bill(const std::string& reference, std::int64_t lifetime = 1800) {
    app::GatewayTransactionRequest r;
    r.reference = reference;
    r.amount = core::Money::dong(3000);
    r.description = "Thanh toan le phi cho ho so H34.22.6-240426-0002";
    r.return_url = "http://motcua.test/thanh-toan/ket-qua?lang=vi";
    r.callback_url = receiver_->url();
    r.expires_at = unix_now() + lifetime;
    r.case_code = "H34.22.6-240426-0002";
    r.procedure_name = "Chứng thực bản sao từ bản chính";
    r.agency_name = "Bộ phận TN&TKQ phường Trần Hưng Đạo";
    r.payer_name = "VÕ ĐẶNG NGỌC GIẢ";
    r.fee_lines = {{41, "Phí chứng thực bản sao từ bản chính", core::Money::dong(2000)},
                   {42, "Phí <b>trang thứ 3</b>", core::Money::dong(1000)}};
    return r;
  }
  // Creates and returns the platform's transaction id.
  std::string create(const std::string& reference, std::int64_t lifetime = 1800) {
    auto response = call("POST", "/api/v1/transactions",
                         payment::encode_create_request(bill(reference, lifetime)));
    EXPECT_EQ(response.status, 201) << response.body;
    auto answer = payment::decode_create_answer(response.body);
    EXPECT_TRUE(answer.ok()) << response.body;
    return answer.ok() ? answer->transaction_id : "";
  }
  app::GatewayOutcome status(const std::string& id) {
    auto response = call("GET", "/api/v1/transactions/" + id);
    auto outcome = payment::decode_status_answer(response.body);
    EXPECT_TRUE(outcome.ok()) << response.body;
    return outcome.ok() ? *outcome : app::GatewayOutcome{};
  }
  std::string callback_log(const std::string& id) {
    return call("GET", "/test/v1/callbacks?transaction_id=" + id, "", kRequestKey, false).body;
  }
  static std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
  }

  static testing::SandboxProcess* sandbox_;
  static Receiver* receiver_;
};
testing::SandboxProcess* SandboxTest::sandbox_ = nullptr;
Receiver* SandboxTest::receiver_ = nullptr;

TEST_F(SandboxTest, PrintsTheBoundPortAsOneLine) {
  EXPECT_EQ(sandbox_->first_line(), sandbox_->base_url().replace(0, 0, "listening on ") + "\n");
}

TEST_F(SandboxTest, CreateNeedsAValidSignature) {
  std::string body = payment::encode_create_request(bill("PR-SIG-1"));
  auto unsigned_call = call("POST", "/api/v1/transactions", body, kRequestKey, false);
  EXPECT_EQ(unsigned_call.status, 401) << unsigned_call.body;
  auto forged = call("POST", "/api/v1/transactions", body, "a-key-the-sandbox-does-not-hold!");
  EXPECT_EQ(forged.status, 401);
  EXPECT_NE(forged.body.find("bad signature"), std::string::npos) << forged.body;
  EXPECT_EQ(call("GET", "/api/v1/channels", "", kRequestKey, false).status, 401);
}

TEST_F(SandboxTest, ARequestSignedOnceIsAcceptedOnce) {
  std::string target = "/api/v1/channels";
  web::HttpClientRequest request{.method = "GET", .url = sandbox_->base_url() + target};
  request.headers =
      payment::sign({kClientId, kRequestKey}, kClientId, "GET", target, "", unix_now()).as_list();
  EXPECT_EQ(web::send_http_request(request)->status, 200);
  auto replayed = web::send_http_request(request).value();
  EXPECT_EQ(replayed.status, 401);
  EXPECT_NE(replayed.body.find("replayed nonce"), std::string::npos) << replayed.body;
  request.headers =
      payment::sign({kClientId, kRequestKey}, kClientId, "GET", target, "", unix_now() - 400)
          .as_list();
  auto stale = web::send_http_request(request).value();
  EXPECT_EQ(stale.status, 401);
  EXPECT_NE(stale.body.find("timestamp outside the window"), std::string::npos) << stale.body;
}

TEST_F(SandboxTest, CreateIsIdempotentOnClientTransactionId) {
  std::string body = payment::encode_create_request(bill("PR-IDEM-1"));
  auto first = call("POST", "/api/v1/transactions", body);
  ASSERT_EQ(first.status, 201) << first.body;
  auto created = payment::decode_create_answer(first.body).value();
  EXPECT_TRUE(created.transaction_id.starts_with("PP")) << created.transaction_id;
  EXPECT_EQ(created.transaction_id.size(), 13u);
  EXPECT_EQ(created.payment_url, sandbox_->base_url() + "/checkout/" + created.transaction_id);
  auto again = call("POST", "/api/v1/transactions", body);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(payment::decode_create_answer(again.body)->transaction_id, created.transaction_id);
  auto other = bill("PR-IDEM-1");
  other.description = "another description";
  auto conflict = call("POST", "/api/v1/transactions", payment::encode_create_request(other));
  EXPECT_EQ(conflict.status, 409) << conflict.body;
}

TEST_F(SandboxTest, CreateRefusesAmountsThatDoNotAddUp) {
  std::string body = payment::encode_create_request(bill("PR-SUM-1"));
  body.replace(body.find(R"("amount":3000)"), 13, R"("amount":3100)");
  auto refused = call("POST", "/api/v1/transactions", body);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("must equal the sum"), std::string::npos) << refused.body;
  std::string decimal = payment::encode_create_request(bill("PR-SUM-2"));
  decimal.replace(decimal.find(R"("amount":3000)"), 13, R"("amount":3000.0)");
  EXPECT_EQ(call("POST", "/api/v1/transactions", decimal).status, 400);
  auto past =
      call("POST", "/api/v1/transactions", payment::encode_create_request(bill("PR-SUM-3", -10)));
  EXPECT_EQ(past.status, 400);
  EXPECT_NE(past.body.find("expires_at"), std::string::npos) << past.body;
}

TEST_F(SandboxTest, StatusOfAnUnknownTransactionIs404) {
  std::string id = create("PR-STATUS-1");
  app::GatewayOutcome pending = status(id);
  EXPECT_EQ(pending.state, core::PaymentState::kPending);
  EXPECT_EQ(pending.reference, "PR-STATUS-1");
  EXPECT_EQ(pending.amount, core::Money::dong(3000));
  EXPECT_EQ(call("GET", "/api/v1/transactions/PP00000000000").status, 404);
}

TEST_F(SandboxTest, ChannelsListTheBanksByBinAndTheWallets) {
  auto response = call("GET", "/api/v1/channels");
  ASSERT_EQ(response.status, 200);
  auto channels = payment::decode_channel_list(response.body).value();
  ASSERT_EQ(channels.size(), 14u);
  EXPECT_EQ(channels[0].code, "970436");
  EXPECT_EQ(channels[0].name, "Vietcombank");
  int wallets = 0;
  for (const auto& c : channels) wallets += c.type == "wallet";
  EXPECT_EQ(wallets, 4);
  EXPECT_NE(response.body.find("Viettel Money"), std::string::npos);
}

TEST_F(SandboxTest, CheckoutPaysThroughABankAndComesBackToMotcua) {
  std::string id = create("PR-PAY-1");
  auto checkout = call("GET", "/checkout/" + id, "", "", false);
  ASSERT_EQ(checkout.status, 200);
  EXPECT_NE(checkout.body.find("Chọn ngân hàng hoặc trung gian thanh toán"), std::string::npos);
  EXPECT_NE(checkout.body.find("3.000 VND"), std::string::npos);
  EXPECT_NE(checkout.body.find("VÕ ĐẶNG NGỌC GIẢ"), std::string::npos);
  EXPECT_NE(checkout.body.find("Phí &lt;b&gt;trang thứ 3&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(checkout.body.find("<b>trang"), std::string::npos);
  EXPECT_NE(checkout.body.find("/checkout/" + id + "/970415"), std::string::npos);
  EXPECT_NE(checkout.body.find("Viettel Money"), std::string::npos);

  auto bank = call("GET", "/checkout/" + id + "/970415", "", "", false);
  ASSERT_EQ(bank.status, 200);
  EXPECT_NE(bank.body.find("VietinBank"), std::string::npos);
  for (const char* button : {"Xác nhận thanh toán", "Thanh toán thất bại", "Hủy giao dịch"}) {
    EXPECT_NE(bank.body.find(button), std::string::npos) << button;
  }

  web::HttpClientRequest confirm{.method = "POST",
                                 .url = sandbox_->base_url() + "/checkout/" + id + "/outcome",
                                 .headers = {{"Content-Type", "application/x-www-form-urlencoded"}},
                                 .body = "channel=970415&outcome=succeeded"};
  auto redirect = web::send_http_request(confirm).value();
  EXPECT_EQ(redirect.status, 303);
  EXPECT_EQ(redirect.header("Location"),
            "http://motcua.test/thanh-toan/ket-qua?lang=vi&ref=PR-PAY-1&status=succeeded");

  app::GatewayOutcome paid = status(id);
  EXPECT_EQ(paid.state, core::PaymentState::kSucceeded);
  EXPECT_EQ(paid.channel.code, "970415");
  EXPECT_GT(paid.paid_at, 0);
  EXPECT_FALSE(paid.provider_reference.empty());

  ASSERT_TRUE(eventually([&] { return receiver_->count(id) > 0; }));
  auto received = receiver_->calls(id).front();
  EXPECT_EQ(received.verdict, SignatureVerdict::kValid);
  EXPECT_EQ(received.event.event_type, "transaction.succeeded");
  EXPECT_EQ(received.event.outcome.reference, "PR-PAY-1");
  EXPECT_EQ(received.event.outcome.amount, core::Money::dong(3000));
  EXPECT_EQ(received.event.outcome.channel.code, "970415");
  EXPECT_TRUE(received.event.outcome.event_id.starts_with("EV"));

  // No second payment: the pages show the finished state.
  auto again = call("GET", "/checkout/" + id, "", "", false);
  EXPECT_EQ(again.status, 409);
  EXPECT_NE(again.body.find("Thanh toán thành công"), std::string::npos);
  auto twice = web::send_http_request(confirm).value();
  EXPECT_EQ(twice.status, 409);
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(receiver_->calls(id).size(), 1u);
}

TEST_F(SandboxTest, CancelAndFailureComeBackWithTheirStatus) {
  std::string id = create("PR-CANCEL-1");
  web::HttpClientRequest cancel{.method = "POST",
                                .url = sandbox_->base_url() + "/checkout/" + id + "/outcome",
                                .headers = {{"Content-Type", "application/x-www-form-urlencoded"}},
                                .body = "channel=&outcome=cancelled"};
  auto redirect = web::send_http_request(cancel).value();
  EXPECT_EQ(redirect.status, 303);
  EXPECT_NE(redirect.header("Location").find("ref=PR-CANCEL-1&status=cancelled"),
            std::string::npos);
  ASSERT_TRUE(eventually([&] { return receiver_->count(id) > 0; }));
  EXPECT_EQ(receiver_->calls(id).front().event.event_type, "transaction.cancelled");

  std::string failing = create("PR-FAIL-1");
  cancel.url = sandbox_->base_url() + "/checkout/" + failing + "/outcome";
  cancel.body = "channel=MOMO&outcome=failed";
  EXPECT_NE(web::send_http_request(cancel)->header("Location").find("status=failed"),
            std::string::npos);
  cancel.body = "channel=NOPE&outcome=succeeded";
  std::string other = create("PR-FAIL-2");
  cancel.url = sandbox_->base_url() + "/checkout/" + other + "/outcome";
  EXPECT_EQ(web::send_http_request(cancel)->status, 400);
  EXPECT_EQ(status(other).state, core::PaymentState::kPending);
}

TEST_F(SandboxTest, RetriesUntilTheReceiverAnswers00) {
  std::string id = create("PR-RETRY-1");
  receiver_->fail_first(2);
  ASSERT_EQ(
      control("/test/v1/transactions/" + id + "/complete", R"({"outcome":"succeeded"})").status,
      200);
  ASSERT_TRUE(eventually([&] { return receiver_->count(id) >= 3; }));
  auto calls = receiver_->calls(id);
  EXPECT_EQ(calls[0].event.outcome.event_id, calls[2].event.outcome.event_id);
  EXPECT_GE(calls[1].at - calls[0].at, 90ms);  // the first retry delay, 100 ms
  EXPECT_GE(calls[2].at - calls[1].at, 190ms);
  ASSERT_TRUE(eventually([&] { return callback_log(id).find("delivered") != std::string::npos; }));
  std::string log = callback_log(id);
  EXPECT_EQ(count(log, R"("result":"retry")"), 2u) << log;
  EXPECT_EQ(count(log, R"("status":503)"), 2u) << log;
  EXPECT_NE(log.find(R"("attempt":3)"), std::string::npos) << log;
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(receiver_->calls(id).size(), 3u);
}

TEST_F(SandboxTest, GivesUpAfterTheLastRetry) {
  std::string id = create("PR-GIVEUP-1");
  ASSERT_EQ(control("/test/v1/transactions/" + id + "/faults", R"({"bad_signature":true})").status,
            200);
  control("/test/v1/transactions/" + id + "/complete",
          R"({"outcome":"failed","channel":"970436"})");
  ASSERT_TRUE(eventually([&] { return callback_log(id).find("gave_up") != std::string::npos; }));
  auto calls = receiver_->calls(id);
  ASSERT_EQ(calls.size(), 4u);  // the first attempt and three retries
  for (const auto& c : calls) EXPECT_EQ(c.verdict, SignatureVerdict::kBadSignature);
  EXPECT_EQ(count(callback_log(id), R"("status":401)"), 4u);
}

TEST_F(SandboxTest, DuplicateSendsExtraCopiesOfTheSameEvent) {
  std::string id = create("PR-DUP-1");
  control("/test/v1/transactions/" + id + "/faults", R"({"duplicate":2})");
  control("/test/v1/transactions/" + id + "/complete", R"({"outcome":"succeeded"})");
  ASSERT_TRUE(eventually([&] { return receiver_->count(id) >= 3; }));
  auto calls = receiver_->calls(id);
  for (const auto& c : calls) {
    EXPECT_EQ(c.verdict, SignatureVerdict::kValid);  // each copy has its own nonce
    EXPECT_EQ(c.event.outcome.event_id, calls[0].event.outcome.event_id);
  }
  // Resend: the same event once more.
  EXPECT_EQ(control("/test/v1/transactions/" + id + "/resend", "").status, 200);
  ASSERT_TRUE(eventually([&] { return receiver_->count(id) >= 4; }));
  EXPECT_EQ(receiver_->calls(id)[3].event.outcome.event_id, calls[0].event.outcome.event_id);
}

TEST_F(SandboxTest, WrongAmountAndDelayAreVisibleAtTheReceiver) {
  std::string id = create("PR-AMOUNT-1");
  control("/test/v1/transactions/" + id + "/faults", R"({"wrong_amount":500,"delay_ms":600})");
  auto asked = std::chrono::steady_clock::now();
  control("/test/v1/transactions/" + id + "/complete", R"({"outcome":"succeeded"})");
  ASSERT_TRUE(eventually([&] { return receiver_->count(id) > 0; }));
  auto call = receiver_->calls(id).front();
  EXPECT_EQ(call.event.outcome.amount, core::Money::dong(3500));
  EXPECT_EQ(call.verdict, SignatureVerdict::kValid);
  EXPECT_GE(call.at - asked, 590ms);
  EXPECT_EQ(status(id).amount, core::Money::dong(3000));  // only the callback lies
}

TEST_F(SandboxTest, DropNeverDelivers) {
  std::string id = create("PR-DROP-1");
  control("/test/v1/transactions/" + id + "/faults", R"({"drop":true})");
  control("/test/v1/transactions/" + id + "/complete", R"({"outcome":"succeeded"})");
  ASSERT_TRUE(eventually([&] { return callback_log(id).find("dropped") != std::string::npos; }));
  std::this_thread::sleep_for(400ms);
  EXPECT_TRUE(receiver_->calls(id).empty());
  EXPECT_EQ(status(id).state, core::PaymentState::kSucceeded);  // the status query still tells
}

TEST_F(SandboxTest, ReorderDeliversTheNewestEventFirst) {
  std::string id = create("PR-REORDER-1");
  control("/test/v1/transactions/" + id + "/faults", R"({"reorder":true})");
  control("/test/v1/transactions/" + id + "/complete", R"({"outcome":"expired"})");
  // A late confirmation from the bank after the expiry.
  ASSERT_EQ(control("/test/v1/transactions/" + id + "/complete",
                    R"({"outcome":"succeeded","channel":"970418"})")
                .status,
            200);
  std::this_thread::sleep_for(200ms);
  EXPECT_TRUE(receiver_->calls(id).empty());  // held
  control("/test/v1/transactions/" + id + "/faults", R"({"reorder":false})");
  ASSERT_TRUE(eventually([&] { return receiver_->count(id) >= 2; }));
  auto calls = receiver_->calls(id);
  EXPECT_EQ(calls[0].event.event_type, "transaction.succeeded");
  EXPECT_EQ(calls[1].event.event_type, "transaction.expired");
  EXPECT_NE(calls[0].event.outcome.event_id, calls[1].event.outcome.event_id);
}

TEST_F(SandboxTest, ExpiresUnpaidTransactionsAndTellsMotcua) {
  auto expiring_request = bill("PR-EXPIRE-1", 1);
  auto created =
      call("POST", "/api/v1/transactions", payment::encode_create_request(expiring_request));
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id = payment::decode_create_answer(created.body)->transaction_id;
  ASSERT_TRUE(eventually([&] { return status(id).state == core::PaymentState::kExpired; }, 5s));
  ASSERT_TRUE(eventually([&] { return receiver_->count(id) > 0; }));
  EXPECT_EQ(receiver_->calls(id).front().event.event_type, "transaction.expired");
  auto page = call("GET", "/checkout/" + id, "", "", false);
  // The same request again answers the same (now expired) transaction.
  auto again =
      call("POST", "/api/v1/transactions", payment::encode_create_request(expiring_request));
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(payment::decode_create_answer(again.body)->state, core::PaymentState::kExpired);
  EXPECT_EQ(page.status, 410);
  EXPECT_NE(page.body.find("Giao dịch đã hết hạn"), std::string::npos);
  EXPECT_NE(page.body.find("http-equiv=\"refresh\""), std::string::npos);
  EXPECT_NE(page.body.find("ref&#61;PR-EXPIRE-1&amp;status&#61;expired"), std::string::npos)
      << page.body;
}

TEST_F(SandboxTest, ReconciliationFileIsSignedAndAddsUp) {
  std::string paid = create("PR-RECON-1");
  std::string failed = create("PR-RECON-2");
  control("/test/v1/transactions/" + paid + "/complete", R"({"outcome":"succeeded"})");
  control("/test/v1/transactions/" + failed + "/complete", R"({"outcome":"failed"})");
  auto today = core::format_iso_date(std::chrono::year_month_day{core::local_day(
      core::to_vietnam_local(std::chrono::sys_seconds{std::chrono::seconds{unix_now()}}))});
  std::string target = "/api/v1/reconciliation/" + today;
  auto response = call("GET", target);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.header("Content-Type"), "text/csv; charset=utf-8");
  payment::NonceCache nonces;
  EXPECT_EQ(payment::verify(payment::SignatureHeaders::read_from(response.headers), "GET", target,
                            response.body, {{kCallbackKeyId, kCallbackKey}}, unix_now(), nonces),
            SignatureVerdict::kValid);
  auto file = payment::decode_reconciliation_csv(response.body);
  ASSERT_TRUE(file.ok()) << file.error().message << "\n" << response.body;
  std::int64_t succeeded = 0;
  bool saw_paid = false;
  bool saw_failed = false;
  for (const auto& row : file->rows) {
    if (row.state == core::PaymentState::kSucceeded) succeeded += row.amount.in_dong();
    saw_paid = saw_paid || (row.transaction_id == paid && row.reference == "PR-RECON-1" &&
                            row.state == core::PaymentState::kSucceeded && row.paid_at > 0);
    saw_failed =
        saw_failed || (row.transaction_id == failed && row.state == core::PaymentState::kFailed);
  }
  EXPECT_TRUE(saw_paid) << response.body;
  EXPECT_TRUE(saw_failed) << response.body;
  EXPECT_EQ(file->succeeded_total.in_dong(), succeeded);
  EXPECT_EQ(call("GET", "/api/v1/reconciliation/2024-02-30").status, 400);
}

TEST_F(SandboxTest, TestControlValidatesItsInput) {
  std::string id = create("PR-CONTROL-1");
  EXPECT_EQ(control("/test/v1/transactions/" + id + "/faults", R"({"duplicate":"2"})").status, 400);
  EXPECT_EQ(control("/test/v1/transactions/" + id + "/faults", R"({"louder":true})").status, 400);
  EXPECT_EQ(control("/test/v1/transactions/PP0/faults", "{}").status, 404);
  EXPECT_EQ(control("/test/v1/transactions/" + id + "/complete", R"({"outcome":"pending"})").status,
            400);
  EXPECT_EQ(control("/test/v1/transactions/" + id + "/resend", "").status, 404);
  EXPECT_EQ(control("/test/v1/transactions/" + id + "/complete", R"({"outcome":"failed"})").status,
            200);
  EXPECT_EQ(control("/test/v1/transactions/" + id + "/complete", R"({"outcome":"failed"})").status,
            409);
}

// Many callbacks at once: the workers take due items without pausing.
TEST_F(SandboxTest, DeliversManyCallbacksQuickly) {
  constexpr int kCount = 200;
  std::vector<std::string> ids;
  for (int i = 0; i < kCount; ++i) ids.push_back(create("PR-BULK-" + std::to_string(i)));
  auto started = std::chrono::steady_clock::now();
  for (const auto& id : ids) {
    control("/test/v1/transactions/" + id + "/complete", R"({"outcome":"succeeded"})");
  }
  ASSERT_TRUE(eventually(
      [&] {
        for (const auto& id : ids) {
          if (receiver_->count(id) == 0) return false;
        }
        return true;
      },
      60s));
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  std::printf("[ measure  ] %d completions and callbacks delivered in %lld ms\n", kCount,
              static_cast<long long>(took.count()));
  EXPECT_LT(took, 45s);
}

// 1,000 deliveries queued at once (one event and 999 duplicates): the dispatcher's own pace.
TEST_F(SandboxTest, DeliversAThousandQueuedCallbacksQuickly) {
  std::string id = create("PR-THOUSAND-1");
  ASSERT_EQ(control("/test/v1/transactions/" + id + "/faults", R"({"duplicate":999})").status, 200);
  auto started = std::chrono::steady_clock::now();
  control("/test/v1/transactions/" + id + "/complete", R"({"outcome":"succeeded"})");
  ASSERT_TRUE(eventually([&] { return receiver_->count(id) >= 1000; }, 60s))
      << receiver_->count(id);
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  std::printf("[ measure  ] 1000 queued callbacks delivered and answered in %lld ms\n",
              static_cast<long long>(took.count()));
  for (const auto& c : receiver_->calls(id)) EXPECT_EQ(c.verdict, SignatureVerdict::kValid);
  EXPECT_LT(took, 30s);
}

TEST(SandboxProcessTest, StopsCleanlyOnSigterm) {
  testing::SandboxProcess sandbox({});
  ASSERT_TRUE(sandbox.started()) << sandbox.first_line();
  EXPECT_EQ(sandbox.terminate(), 0);
}

TEST(SandboxProcessTest, RefusesBadOptions) {
  testing::SandboxProcess sandbox({"--retry-delays-ms", "soon"});
  EXPECT_FALSE(sandbox.started());
  EXPECT_EQ(sandbox.terminate(), 64);
}

}  // namespace
}  // namespace motcua::sandbox
