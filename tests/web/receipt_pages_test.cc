// Receipts' life and signature through the web application (issue 7): the public verification
// page and its verdicts (valid, tampered behind the application's back, cancelled, replaced),
// cancel and re-issue on the officer's receipt page, the public receipts API and the keys.
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "web_fixture.h"

namespace motcua::adapters::web {
namespace {

class ReceiptPages : public WebFixture {
 protected:
  core::Status seed_data(app::Repositories& r) override {
    if (auto s = WebFixture::seed_data(r); !s.ok()) return s;
    core::Agency ward = r.agencies().find("H34.22.6").value().value();
    ward.receipt_form_symbol = "01BLP0-001";
    ward.receipt_series = "AA-24E";
    ward.tax_code = "6100123456";
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
    receipt_id_ = pay();
    ASSERT_GT(receipt_id_, 0);
  }

  // Pays the ward case's lines online; returns the receipt issued.
  std::int64_t pay() {
    auto started = payments_->start(kWardCase);
    EXPECT_TRUE(started.ok());
    if (!started.ok()) return 0;
    app::GatewayOutcome o;
    o.event_id = "EV-" + started->reference;
    o.transaction_id = "TX-" + started->reference;
    o.reference = started->reference;
    o.state = core::PaymentState::kSucceeded;
    o.amount = started->amount;
    o.currency = "VND";
    o.paid_at = clock_.now().time_since_epoch().count();
    auto applied = payments_->apply(o, "{}");
    EXPECT_TRUE(applied.ok());
    return applied.ok() && applied->receipt_id ? *applied->receipt_id : 0;
  }

  std::string verification(std::int64_t id) {
    return "/bien-lai/" + std::to_string(id) + "/" +
           links_.token_for("bien-lai/" + std::to_string(id));
  }
  std::string receipt_page(std::int64_t id) {
    return std::string("/can-bo/ho-so/") + kWardCase + "/bien-lai/" + std::to_string(id);
  }

  // Changes the database behind the application's back.
  void execute_sql(const std::string& sql) {
    soci::session session(*soci::factory_sqlite3(), "db=" + dir_.file("motcua.db"));
    session << sql;
  }

  std::int64_t receipt_id_ = 0;
};

TEST_F(ReceiptPages, AFreshReceiptVerifiesAndShowsItsEssentials) {
  HttpResponse r = get(verification(receipt_id_));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(contains(r.body, "Biên lai hợp lệ – chữ ký số đúng"));
  EXPECT_TRUE(contains(r.body, "Bộ phận TN&amp;TKQ phường Trần Hưng Đạo"));
  EXPECT_TRUE(contains(r.body, "01BLP0-001"));
  EXPECT_TRUE(contains(r.body, "AA-24E"));
  EXPECT_TRUE(contains(r.body, "0000001"));
  EXPECT_TRUE(contains(r.body, "3.000 VND"));
  EXPECT_TRUE(contains(r.body, kWardCase));
  EXPECT_TRUE(contains(r.body, "Võ Đặng Ngọc Giả"));
  EXPECT_TRUE(contains(r.body, "26/04/2024"));
  EXPECT_FALSE(contains(r.body, "062190018870")) << "the ID is masked";
  EXPECT_TRUE(contains(r.body, "8870"));
  EXPECT_FALSE(contains(r.body, "Kon Tum</dd>")) << "no address";
  EXPECT_TRUE(contains(r.body, "web-1"));
  EXPECT_TRUE(contains(get(verification(receipt_id_) + "?lang=en").body,
                       "Valid receipt – the digital signature is correct"));
}

TEST_F(ReceiptPages, AWrongTokenOrUnknownReceiptIsTheSameNeutral404) {
  HttpResponse wrong = get("/bien-lai/" + std::to_string(receipt_id_) + "/AAAAAAAAAAAAAAAAAAAAAA");
  HttpResponse unknown = get(verification(receipt_id_ + 50));
  HttpResponse junk = get("/bien-lai/abc/" + links_.token_for("bien-lai/abc"));
  EXPECT_EQ(wrong.status, 404);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(junk.status, 404);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_TRUE(contains(wrong.body, "Không tìm thấy biên lai."));
  EXPECT_FALSE(contains(wrong.body, kWardCase));
}

TEST_F(ReceiptPages, AnAmountOrPayerChangedInTheDatabaseShowsAsTampered) {
  const std::string id = std::to_string(receipt_id_);
  execute_sql("UPDATE receipts SET amount = 300000 WHERE id = " + id);
  HttpResponse amount = get(verification(receipt_id_));
  EXPECT_TRUE(contains(amount.body, "Chữ ký số không hợp lệ – nội dung biên lai đã bị thay đổi"));
  EXPECT_TRUE(contains(amount.body, "300.000 VND")) << "what is stored now is shown";
  EXPECT_FALSE(contains(amount.body, "Biên lai hợp lệ"));

  execute_sql("UPDATE receipts SET amount = 3000 WHERE id = " + id);
  EXPECT_TRUE(contains(get(verification(receipt_id_)).body, "Biên lai hợp lệ – chữ ký số đúng"));
  execute_sql("UPDATE receipts SET payer_name = 'Nguyễn Văn A' WHERE id = " + id);
  EXPECT_TRUE(contains(get(verification(receipt_id_)).body,
                       "Chữ ký số không hợp lệ – nội dung biên lai đã bị thay đổi"));
  // A receipt from before signatures says it has none, neither valid nor tampered.
  execute_sql("UPDATE receipts SET key_id = '', signature = '' WHERE id = " + id);
  HttpResponse old = get(verification(receipt_id_));
  EXPECT_TRUE(contains(old.body, "Biên lai được phát hành trước khi áp dụng chữ ký số"));
  EXPECT_FALSE(contains(old.body, "Biên lai hợp lệ"));
}

TEST_F(ReceiptPages, CancelNeedsTheTokenAndAReasonThenTheReceiptShowsCancelled) {
  std::string cookie = sign_in("canbo");
  HttpResponse page = get(receipt_page(receipt_id_), cookie);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "Đã phát hành"));
  EXPECT_TRUE(contains(page.body, "Hủy biên lai"));
  EXPECT_TRUE(contains(page.body, "Phát hành lại"));
  EXPECT_TRUE(contains(page.body, verification(receipt_id_))) << "linked to its verification";
  std::string csrf = csrf_in(page.body);
  ASSERT_FALSE(csrf.empty());

  HttpResponse forged = post(receipt_page(receipt_id_) + "/huy", "_csrf=bad&reason=x", cookie);
  EXPECT_EQ(forged.status, 403);
  HttpResponse empty =
      post(receipt_page(receipt_id_) + "/huy", "_csrf=" + csrf + "&reason=++", cookie);
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(contains(empty.body, "Vui lòng nhập lý do hủy biên lai."));
  EXPECT_TRUE(contains(get(verification(receipt_id_)).body, "Biên lai hợp lệ – chữ ký số đúng"))
      << "nothing changed";

  HttpResponse done = post(receipt_page(receipt_id_) + "/huy",
                           "_csrf=" + csrf + "&reason=" + url_encoded("Ghi sai số tiền"), cookie);
  ASSERT_EQ(done.status, 303) << done.body;
  HttpResponse after = get(receipt_page(receipt_id_), cookie);
  EXPECT_TRUE(contains(after.body, "Đã hủy"));
  EXPECT_TRUE(contains(after.body, "Ghi sai số tiền"));
  EXPECT_TRUE(contains(after.body, "Cán bộ phường"));
  EXPECT_FALSE(contains(after.body, "action=\"" + receipt_page(receipt_id_) + "/huy\""));
  HttpResponse twice =
      post(receipt_page(receipt_id_) + "/huy", "_csrf=" + csrf + "&reason=again", cookie);
  EXPECT_EQ(twice.status, 409);

  HttpResponse check = get(verification(receipt_id_));
  EXPECT_TRUE(contains(check.body, "Biên lai đã bị hủy"));
  EXPECT_TRUE(contains(check.body, "Ghi sai số tiền"));
  EXPECT_TRUE(contains(check.body, "26/04/2024"));
  // The case page's receipts table shows the state.
  HttpResponse case_page = get(std::string("/can-bo/ho-so/") + kWardCase, cookie);
  EXPECT_TRUE(contains(case_page.body, "receipt-state cancelled"));

  // An officer of another unit sees no receipt to cancel.
  std::string other = sign_in("sotuphap");
  HttpResponse foreign = post(receipt_page(receipt_id_) + "/phat-hanh-lai",
                              "_csrf=" + csrf_in(get("/can-bo", other).body), other);
  EXPECT_EQ(foreign.status, 404);
}

TEST_F(ReceiptPages, ReissueMakesASignedReplacementAndTheOriginalPointsToIt) {
  std::string cookie = sign_in("canbo");
  std::string csrf = csrf_in(get(receipt_page(receipt_id_), cookie).body);
  HttpResponse r = post(receipt_page(receipt_id_) + "/phat-hanh-lai", "_csrf=" + csrf, cookie);
  ASSERT_EQ(r.status, 303) << r.body;
  std::string location = header_of(r, "Location");
  std::int64_t replacement = receipt_id_ + 1;
  EXPECT_EQ(location, receipt_page(replacement));
  HttpResponse page = get(location, cookie);
  EXPECT_TRUE(contains(page.body, "0000002"));
  EXPECT_TRUE(contains(page.body, "Thay thế cho biên lai số"));
  EXPECT_TRUE(contains(page.body, "Đã phát hành"));
  HttpResponse original = get(receipt_page(receipt_id_), cookie);
  EXPECT_TRUE(contains(original.body, "Đã bị thay thế"));
  EXPECT_TRUE(contains(original.body, "href=\"" + receipt_page(replacement) + "\""));

  HttpResponse check = get(verification(receipt_id_));
  EXPECT_TRUE(contains(check.body, "Biên lai đã được thay thế bởi biên lai số"));
  EXPECT_TRUE(contains(check.body, "href=\"" + verification(replacement) + "\""));
  EXPECT_TRUE(contains(check.body, "AA-24E 0000002"));
  EXPECT_TRUE(contains(get(verification(replacement)).body, "Biên lai hợp lệ – chữ ký số đúng"));
  HttpResponse again = post(receipt_page(receipt_id_) + "/phat-hanh-lai", "_csrf=" + csrf, cookie);
  EXPECT_EQ(again.status, 409);
}

TEST_F(ReceiptPages, ThePublicApiListsTheReceiptsWithTheirLinks) {
  std::string token = links_.token_for(kWardCase);
  std::string target = std::string("/api/v1/public/cases/") + kWardCase + "/receipts";
  HttpResponse r = get(target + "?t=" + token);
  ASSERT_EQ(r.status, 200) << r.body;
  boost::json::value body = parsed(r);
  const boost::json::array& receipts = body.at("receipts").as_array();
  ASSERT_EQ(receipts.size(), 1u);
  const boost::json::object& item = receipts[0].as_object();
  EXPECT_EQ(item.at("id").as_int64(), receipt_id_);
  EXPECT_EQ(item.at("form_symbol").as_string(), "01BLP0-001");
  EXPECT_EQ(item.at("series").as_string(), "AA-24E");
  EXPECT_EQ(item.at("number").as_string(), "0000001");
  EXPECT_EQ(item.at("amount").as_int64(), 3000);
  EXPECT_EQ(item.at("issued_at").as_string(), "2024-04-26T07:00:00+07:00");
  EXPECT_EQ(item.at("state").as_string(), "issued");
  EXPECT_EQ(item.at("pdf_url").as_string(), std::string(kPublicBase) + "/tt/" + kWardCase + "/" +
                                                token + "/bien-lai/" + std::to_string(receipt_id_) +
                                                "/pdf");
  EXPECT_EQ(item.at("verification_url").as_string(),
            std::string(kPublicBase) + verification(receipt_id_));

  EXPECT_EQ(get(target + "?t=AAAAAAAAAAAAAAAAAAAAAA").status, 404);
  EXPECT_EQ(get(target).status, 404);
}

TEST_F(ReceiptPages, TheKeysEndpointPublishesEveryVerificationKey) {
  HttpResponse r = get("/api/v1/public/receipt-keys");
  ASSERT_EQ(r.status, 200) << r.body;
  boost::json::value body = parsed(r);
  EXPECT_EQ(body.at("canonical_form").as_string(), "motcua-receipt-v1");
  const boost::json::array& keys = body.at("keys").as_array();
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].at("key_id").as_string(), "web-0");
  EXPECT_FALSE(keys[0].at("active").as_bool());
  EXPECT_EQ(keys[1].at("key_id").as_string(), "web-1");
  EXPECT_TRUE(keys[1].at("active").as_bool());
  EXPECT_EQ(keys[1].at("algorithm").as_string(), "Ed25519");
  EXPECT_EQ(keys[1].at("public_key").as_string().size(), 44u);
  EXPECT_EQ(keys[1].at("public_key").as_string(), receipt_signer_.public_keys()[1].public_key);
}

}  // namespace
}  // namespace motcua::adapters::web
