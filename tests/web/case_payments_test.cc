// The officer's view of a case's payments: the "Lệ phí" tab's payment details, "Đang chờ
// thanh toán", "Thông tin biên lai thanh toán" with "Xem biên lai", and the receipt page.
#include "console_fixture.h"

namespace motcua::adapters::web {
namespace {

class CasePaymentsPage : public Console {
 protected:
  // The guide's case with both lines unpaid.
  void seed_unpaid_case() {
    seed_case(kWardCase, "H34.22.6", "Võ Đặng Ngọc Giả", "062190018870",
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
  EXPECT_NE(page.body.find("Còn lại 0 VND"), std::string::npos) << page.body;
  std::string href = std::string("/can-bo/ho-so/") + kWardCase + "/bien-lai/" +
                     std::to_string(*applied.receipt_id);
  EXPECT_NE(page.body.find("href=\"" + href + "\""), std::string::npos);

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

}  // namespace
}  // namespace motcua::adapters::web
