// The payer's side of a payment and the platform's callbacks, through the web application:
// the pay link redirects to the platform, the return page and the payer's receipt sit behind
// the case's pay-link token, and each callback answer of docs/protocols/payment-platform.md.
#include "adapters/payment/platform_messages.h"
#include "adapters/payment/platform_signing.h"
#include "web_fixture.h"

namespace motcua::adapters::web {
namespace {

constexpr const char* kCallbacks = "/api/v1/payment-platform/callbacks";

class PaymentRoutes : public WebFixture {
 protected:
  // The ward collects under the guide's receipt form and series.
  core::Status seed_data(app::Repositories& r) override {
    if (auto s = WebFixture::seed_data(r); !s.ok()) return s;
    core::Agency ward = r.agencies().find("H34.22.6").value().value();
    ward.receipt_form_symbol = "01BLP0-001";
    ward.receipt_series = "AA-24E";
    return r.agencies().save(ward);
  }

  void SetUp() override {
    WebFixture::SetUp();
    seed_case(kWardCase, "H34.22.6", citizen("062190018870"), core::CaseStatus::kAccepted,
              [](core::CaseRecord& c) {
                for (core::FeeLine& line : c.fee_lines) {
                  line.paid = false;
                  line.method.reset();
                }
              });
  }

  std::string link() { return std::string("/tt/") + kWardCase + "/" + links_.token_for(kWardCase); }

  // Opens the pay link; returns the reference of the request it made.
  std::string open_link() {
    HttpResponse r = get(link());
    EXPECT_EQ(r.status, 303) << r.body;
    return gateway_.created().back().reference;
  }

  app::GatewayOutcome success(const std::string& reference, std::int64_t amount = 3000) {
    app::GatewayOutcome o;
    o.event_id = "EV-" + reference;
    o.transaction_id = "TX-" + reference;
    o.reference = reference;
    o.state = core::PaymentState::kSucceeded;
    o.amount = core::Money::dong(amount);
    o.currency = "VND";
    o.paid_at = clock_.now().time_since_epoch().count();
    o.channel = {"wallet", "MOMO", "MoMo"};
    o.provider_reference = "SBX1";
    o.occurred_at = o.paid_at;
    return o;
  }

  // POSTs the event as the platform does, signed under `key` `seconds_ago` seconds ago.
  HttpResponse deliver(const std::string& body, const std::string& key,
                       std::int64_t seconds_ago = 0) {
    payment::SignatureHeaders signed_headers =
        payment::sign({kCallbackKeyId, key}, "motcua-dev", "POST", kCallbacks, body,
                      clock_.now().time_since_epoch().count() - seconds_ago);
    Headers headers = signed_headers.as_list();
    headers.emplace_back("Content-Type", "application/json");
    return send("POST", kCallbacks, body, headers);
  }
  HttpResponse deliver(const app::GatewayOutcome& outcome) {
    return deliver(payment::encode_callback_event({"transaction.succeeded", outcome}),
                   callback_key_);
  }

  std::string code_of(const HttpResponse& r) {
    return std::string(boost::json::parse(r.body).at("code").as_string());
  }

  bool all_unpaid() {
    std::optional<core::CaseRecord> c = stored(kWardCase);
    for (const core::FeeLine& line : c->fee_lines) {
      if (line.paid) return false;
    }
    return true;
  }
};

TEST_F(PaymentRoutes, ThePayLinkRedirectsToThePlatformAndReusesTheOpenRequest) {
  HttpResponse first = get(link());
  ASSERT_EQ(first.status, 303);
  EXPECT_EQ(header_of(first, "Location"), "https://pay.example/checkout/TX-PR-000001");
  EXPECT_EQ(header_of(get(link()), "Location"), "https://pay.example/checkout/TX-PR-000001");
  ASSERT_EQ(gateway_.created().size(), 1u);
  app::GatewayTransactionRequest asked = gateway_.created().front();
  EXPECT_EQ(asked.amount, core::Money::dong(3000));
  // The payer comes back under the case's token.
  EXPECT_NE(asked.return_url.find("t=" + links_.token_for(kWardCase)), std::string::npos)
      << asked.return_url;
}

TEST_F(PaymentRoutes, ThePayLinkSaysSoWhenThePlatformIsDown) {
  gateway_.set_down(true);
  HttpResponse r = get(link());
  EXPECT_EQ(r.status, 503);
  EXPECT_TRUE(contains(r.body, "Cổng thanh toán tạm thời không phản hồi"));
}

TEST_F(PaymentRoutes, AVerifiedCallbackIsAppliedOnceAndDuplicatesAnswerSuccess) {
  std::string reference = open_link();
  HttpResponse r = deliver(success(reference));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(code_of(r), "00");
  std::optional<core::CaseRecord> paid = stored(kWardCase);
  for (const core::FeeLine& line : paid->fee_lines) EXPECT_TRUE(line.paid);
  HttpResponse again = deliver(success(reference));
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(code_of(again), "00");
  EXPECT_TRUE(contains(again.body, "duplicate"));
  EXPECT_EQ(payments_->case_payments(kWardCase)->receipts.size(), 1u);
}

TEST_F(PaymentRoutes, ForgedStaleUnknownAndWrongCallbacksChangeNothing) {
  std::string reference = open_link();
  std::string body = payment::encode_callback_event({"transaction.succeeded", success(reference)});
  HttpResponse forged = deliver(body, std::string(32, 'x'));
  EXPECT_EQ(forged.status, 401);
  EXPECT_EQ(code_of(forged), "01");
  HttpResponse stale = deliver(body, callback_key_, 600);
  EXPECT_EQ(stale.status, 401);
  EXPECT_EQ(code_of(stale), "02");
  HttpResponse unsigned_one =
      send("POST", kCallbacks, body, {{"Content-Type", "application/json"}});
  EXPECT_EQ(unsigned_one.status, 401);
  HttpResponse unknown = deliver(success("PR-999999"));
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(code_of(unknown), "03");
  HttpResponse wrong_amount = deliver(success(reference, 2000));
  EXPECT_EQ(wrong_amount.status, 422);
  EXPECT_EQ(code_of(wrong_amount), "04");
  HttpResponse unreadable = deliver(R"({"event_id":"E1"})", callback_key_);
  EXPECT_EQ(unreadable.status, 422);
  EXPECT_EQ(code_of(unreadable), "04");
  EXPECT_TRUE(all_unpaid());
  EXPECT_TRUE(payments_->case_payments(kWardCase)->receipts.empty());
  // The right one still works afterwards: no refusal used up the event id.
  EXPECT_EQ(deliver(success(reference)).status, 200);
  EXPECT_FALSE(all_unpaid());
}

TEST_F(PaymentRoutes, TheReturnPageAndTheReceiptNeedTheCasesToken) {
  std::string reference = open_link();
  ASSERT_EQ(deliver(success(reference)).status, 200);
  std::string token = links_.token_for(kWardCase);
  std::string page = std::string("/thanh-toan/ket-qua?ma=") + kWardCase + "&ref=" + reference;
  HttpResponse shown = get(page + "&t=" + token);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(contains(shown.body, "Thanh toán thành công"));
  EXPECT_TRUE(contains(shown.body, "Thông tin biên lai thanh toán"));
  EXPECT_EQ(get(page + "&t=AAAAAAAAAAAAAAAAAAAAAA").status, 404);
  EXPECT_EQ(get(std::string("/thanh-toan/ket-qua?ref=") + reference).status, 404);

  std::int64_t receipt = payments_->case_payments(kWardCase)->receipts.at(0).id;
  HttpResponse view = get(link() + "/bien-lai/" + std::to_string(receipt));
  ASSERT_EQ(view.status, 200);
  EXPECT_TRUE(contains(view.body, "Ba nghìn đồng"));
  EXPECT_TRUE(contains(view.body, "****8870"));  // masked on a public page
  EXPECT_FALSE(contains(view.body, "062190018870"));
  EXPECT_EQ(get(std::string("/tt/") + kWardCase + "/AAAAAAAAAAAAAAAAAAAAAA/bien-lai/" +
                std::to_string(receipt))
                .status,
            404);
}

TEST_F(PaymentRoutes, APaidCaseLinkSaysNothingIsDue) {
  ASSERT_EQ(deliver(success(open_link())).status, 200);
  HttpResponse r = get(link());
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "đã được thanh toán đủ"));
}

}  // namespace
}  // namespace motcua::adapters::web
