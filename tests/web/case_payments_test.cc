// The officer's view of a case's payments: the "Lệ phí" tab's payment details, "Đang chờ
// thanh toán", "Thông tin biên lai thanh toán" with "Xem biên lai", and the receipt page.
#include "console_fixture.h"

namespace motcua::adapters::web {
namespace {

class CasePaymentsPage : public Console {
 protected:
  // The ward collects under the guide's receipt form and series.
  core::Status seed_data(app::Repositories& r) override {
    if (auto s = Console::seed_data(r); !s.ok()) return s;
    core::Agency ward = r.agencies().find("H34.22.6").value().value();
    ward.receipt_form_symbol = "01BLP0-001";
    ward.receipt_series = "AA-24E";
    return r.agencies().save(ward);
  }

  // The guide's case with both lines unpaid.
  void seed_unpaid_case() {
    WebAppFixture::seed_case(kWardCase, "H34.22.6", citizen("062190018870"),
                             core::CaseStatus::kAccepted, [](core::CaseRecord& c) {
                               c.fee_lines[0].paid = false;
                               c.fee_lines[0].method.reset();
                             });
  }

  // Pays every unpaid line of the case through the gateway as a confirmed callback would.
  app::ApplyResult pay(const std::string& event_id) {
    core::Result<app::PaymentStart> started = payments_->start(kWardCase);
    EXPECT_TRUE(started.ok());
    app::GatewayOutcome outcome;
    outcome.event_id = event_id;
    outcome.transaction_id = "TX-" + started->reference;
    outcome.reference = started->reference;
    outcome.state = core::PaymentState::kSucceeded;
    outcome.amount = started->amount;
    outcome.currency = "VND";
    outcome.paid_at = clock_.now().time_since_epoch().count();
    outcome.channel = {"wallet", "MOMO", "Ví MoMo"};
    core::Result<app::ApplyResult> applied = payments_->apply(outcome, "{}");
    EXPECT_TRUE(applied.ok()) << (applied.ok() ? "" : applied.error().message);
    return applied.ok() ? *applied : app::ApplyResult{};
  }

  // Keeps the console test's seed_case overloads visible.
  using Console::seed_case;
};

TEST_F(CasePaymentsPage, AnOpenRequestShowsAwaitingPayment) {
  seed_unpaid_case();
  std::string cookies = sign_in();
  EXPECT_EQ(get(std::string("/can-bo/ho-so/") + kWardCase, cookies).body.find("Đang chờ"),
            std::string::npos);
  ASSERT_TRUE(payments_->start(kWardCase).ok());
  HttpResponse page = get(std::string("/can-bo/ho-so/") + kWardCase, cookies);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Đang chờ thanh toán"), std::string::npos);
  EXPECT_NE(page.body.find("Chưa có biên lai nào."), std::string::npos);
}

TEST_F(CasePaymentsPage, APaidCaseListsItsReceiptAndTheReceiptOpens) {
  seed_unpaid_case();
  app::ApplyResult applied = pay("EV-1");
  ASSERT_TRUE(applied.receipt_id.has_value());
  std::string cookies = sign_in();
  HttpResponse page = get(std::string("/can-bo/ho-so/") + kWardCase, cookies);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("Đang chờ thanh toán"), std::string::npos);
  EXPECT_NE(page.body.find("Thông tin biên lai thanh toán"), std::string::npos);
  EXPECT_NE(page.body.find("Trực tuyến qua CDVCQG (Payment Platform)"), std::string::npos);
  EXPECT_NE(page.body.find("<td>Đã thanh toán</td><td>Trực tuyến qua CDVCQG"), std::string::npos);
  EXPECT_EQ(page.body.find("<td>Chưa thanh toán</td>"), std::string::npos);
  std::string href = std::string("/can-bo/ho-so/") + kWardCase + "/bien-lai/" +
                     std::to_string(*applied.receipt_id);
  // "Xem biên lai" opens the PDF (printed_documents_test.cc); the page stays at its address.
  EXPECT_NE(page.body.find("href=\"" + href + "/pdf\""), std::string::npos);

  HttpResponse receipt = get(href, cookies);
  ASSERT_EQ(receipt.status, 200);
  for (const char* expected : {"BIÊN LAI THU PHÍ, LỆ PHÍ", "Võ Đặng Ngọc Giả", kWardCase,
                               "3.000 VND", "Ba nghìn đồng", "0000001"}) {
    EXPECT_NE(receipt.body.find(expected), std::string::npos) << expected;
  }
}

TEST_F(CasePaymentsPage, AReceiptOfAnotherCaseOrUnknownIsNotFound) {
  seed_unpaid_case();
  seed_case("H34.22.6-240426-0003", "H34.22.6", "Nguyễn Văn An", "062190018871");
  app::ApplyResult applied = pay("EV-1");
  ASSERT_TRUE(applied.receipt_id.has_value());
  std::string cookies = sign_in();
  std::string id = std::to_string(*applied.receipt_id);
  EXPECT_EQ(get("/can-bo/ho-so/H34.22.6-240426-0003/bien-lai/" + id, cookies).status, 404);
  EXPECT_EQ(get(std::string("/can-bo/ho-so/") + kWardCase + "/bien-lai/999", cookies).status, 404);
  EXPECT_EQ(get(std::string("/can-bo/ho-so/") + kWardCase + "/bien-lai/x1", cookies).status, 404);
  // Not signed in: to the sign-in page.
  EXPECT_EQ(get(std::string("/can-bo/ho-so/") + kWardCase + "/bien-lai/" + id).status, 303);
}

// A unit without a receipt series still records the money: the lines are paid, no receipt
// number is used, and the page says there is no receipt yet.
class CasePaymentsWithoutSeries : public CasePaymentsPage {
 protected:
  core::Status seed_data(app::Repositories& r) override { return Console::seed_data(r); }
};

TEST_F(CasePaymentsWithoutSeries, TheMoneyIsRecordedWithoutAReceipt) {
  seed_unpaid_case();
  app::ApplyResult applied = pay("EV-1");
  EXPECT_EQ(applied.verdict, app::ApplyVerdict::kApplied);
  EXPECT_FALSE(applied.receipt_id.has_value());
  std::optional<core::CaseRecord> c = stored(kWardCase);
  ASSERT_TRUE(c.has_value());
  for (const core::FeeLine& line : c->fee_lines) EXPECT_TRUE(line.paid) << line.description;
  HttpResponse page = get(std::string("/can-bo/ho-so/") + kWardCase, sign_in());
  EXPECT_NE(page.body.find("Chưa có biên lai nào."), std::string::npos);
}

}  // namespace
}  // namespace motcua::adapters::web
