// "Lịch sử thanh toán" on the case's fee tab, and "Đối soát thanh toán": the page, "Đối soát
// ngay" (CSRF, access) and the CSV export.
#include "console_fixture.h"

namespace motcua::adapters::web {
namespace {

using core::Money;
using core::PaymentState;

class ReconciliationPages : public Console {
 protected:
  core::Status seed_data(app::Repositories& r) override {
    if (auto s = Console::seed_data(r); !s.ok()) return s;
    core::Agency ward = r.agencies().find("H34.22.6").value().value();
    ward.receipt_form_symbol = "01BLP0-001";
    ward.receipt_series = "AA-24E";
    if (auto s = r.agencies().save(ward); !s.ok()) return s;
    if (auto s = add_staff(r, "quantri", "Quản trị", "H34.22.6", core::kRoleAdmin); !s.ok()) {
      return s;
    }
    return add_staff(r, "tracuu", "Tra cứu", "H34.22.6", core::kRoleAgencyLookup);
  }

  void seed_unpaid_case() {
    WebAppFixture::seed_case(kWardCase, "H34.22.6", citizen("062190018870"),
                             core::CaseStatus::kAccepted, [](core::CaseRecord& c) {
                               for (core::FeeLine& l : c.fee_lines) {
                                 l.paid = false;
                                 l.method.reset();
                               }
                             });
  }

  app::GatewayOutcome success(const app::PaymentStart& started, const std::string& event_id) {
    app::GatewayOutcome o;
    o.event_id = event_id;
    o.transaction_id = "TX-" + started.reference;
    o.reference = started.reference;
    o.state = PaymentState::kSucceeded;
    o.amount = started.amount;
    o.currency = "VND";
    o.paid_at = clock_.now().time_since_epoch().count();
    o.channel = {"wallet", "MOMO", "Ví MoMo"};
    o.provider_reference = "MOMO-REF-1";
    return o;
  }

  // The platform's file lists the started request as paid; its callback never came.
  app::PaymentStart lost_payment() {
    seed_unpaid_case();
    core::Result<app::PaymentStart> started = payments_->start(kWardCase);
    EXPECT_TRUE(started.ok());
    gateway_.set_state("TX-" + started->reference, PaymentState::kSucceeded,
                       clock_.now().time_since_epoch().count());
    reports_.report.rows.push_back({"TX-" + started->reference, started->reference,
                                    PaymentState::kSucceeded, started->amount,
                                    clock_.now().time_since_epoch().count(), "MOMO", ""});
    return *started;
  }

  std::int64_t runs() {
    std::int64_t n = 0;
    (void)store_->read([&](app::Repositories& r) -> core::Status {
      for (int d : {25, 26}) {
        auto day = std::chrono::year(2024) / 4 / d;
        auto found = r.reconciliations().runs_for_date(std::chrono::sys_days(day));
        if (found.ok()) n += static_cast<std::int64_t>(found->size());
      }
      return {};
    });
    return n;
  }

  HttpResponse run_now(const std::string& cookies, const std::string& date,
                       const std::string& csrf) {
    return post("/can-bo/doi-soat", "_csrf=" + csrf + "&ngay=" + date + "&don_vi=", cookies);
  }
};

TEST_F(ReconciliationPages, TheFeeTabShowsThePaymentHistoryEscaped) {
  seed_unpaid_case();
  core::Result<app::PaymentStart> started = payments_->start(kWardCase);
  ASSERT_TRUE(started.ok());
  ASSERT_TRUE(payments_->apply(success(*started, "EV-1"), "{\"event_id\":\"EV-1\"}").ok());
  ASSERT_TRUE(payments_->apply(success(*started, "EV-1"), "{\"event_id\":\"EV-1\"}").ok());
  app::GatewayOutcome forged = success(*started, "EV-2");
  forged.amount = Money::dong(1);
  ASSERT_FALSE(payments_->apply(forged, "{\"note\":\"<script>alert(2)</script>\"}").ok());

  HttpResponse page = get(std::string("/can-bo/ho-so/") + kWardCase, sign_in());
  ASSERT_EQ(page.status, 200);
  const std::string& b = page.body;
  for (const std::string& expected :
       {std::string("Lịch sử thanh toán"), "Yêu cầu thanh toán " + started->reference,
        std::string("Thanh toán thành công"), std::string("Trung gian thanh toán: Ví MoMo"),
        "TX-" + started->reference, std::string("MOMO-REF-1"), std::string("3.000 VND"),
        std::string("Hợp lệ, đã ghi nhận"), std::string("Hợp lệ, trùng lặp, không ghi nhận lại"),
        std::string("Bị từ chối"), std::string("differs from the request"),
        std::string("<details><summary>Nội dung gốc</summary>"),
        std::string("&lt;script&gt;alert(2)&lt;/script&gt;"), std::string("Sự kiện đã áp dụng"),
        std::string("<td>EV-1</td>")}) {
    EXPECT_NE(b.find(expected), std::string::npos) << expected;
  }
  EXPECT_EQ(b.find("<script>alert(2)"), std::string::npos);
  // In English too.
  HttpResponse english = get(std::string("/can-bo/ho-so/") + kWardCase + "?lang=en", sign_in());
  EXPECT_NE(english.body.find("Payment history"), std::string::npos);
}

TEST_F(ReconciliationPages, ACaseWithoutPaymentsSaysSo) {
  seed_unpaid_case();
  HttpResponse page = get(std::string("/can-bo/ho-so/") + kWardCase, sign_in());
  EXPECT_NE(page.body.find("Chưa có yêu cầu thanh toán nào."), std::string::npos);
}

TEST_F(ReconciliationPages, ThePageDefaultsToYesterdayAndRunsWithCsrf) {
  app::PaymentStart lost = lost_payment();
  std::string cookies = sign_in();
  HttpResponse page = get("/can-bo/doi-soat", cookies);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Đối soát thanh toán"), std::string::npos);
  EXPECT_NE(page.body.find("value=\"2024-04-25\""), std::string::npos);  // yesterday in Vietnam
  EXPECT_NE(page.body.find("Ngày này chưa được đối soát."), std::string::npos);
  EXPECT_NE(page.body.find("Đối soát ngay"), std::string::npos);
  std::string csrf = csrf_in(page.body);
  ASSERT_FALSE(csrf.empty());

  // Without the token: refused, nothing run.
  EXPECT_EQ(run_now(cookies, "2024-04-26", "wrong").status, 403);
  EXPECT_EQ(runs(), 0);
  EXPECT_TRUE(reports_.asked.empty());

  HttpResponse ran = run_now(cookies, "26/04/2024", csrf);
  ASSERT_EQ(ran.status, 303);
  EXPECT_EQ(header_of(ran, "Location"), "/can-bo/doi-soat?ngay=2024-04-26&xong=1");
  EXPECT_EQ(runs(), 1);
  HttpResponse shown = get(header_of(ran, "Location"), cookies);
  ASSERT_EQ(shown.status, 200);
  const std::string& b = shown.body;
  for (const std::string& expected :
       {std::string("Đã đối soát xong."), std::string("Đối soát thanh toán 26/04/2024"),
        std::string("<td id=\"platform-count\">1</td><td id=\"platform-total\">3.000 VND</td>"),
        std::string("<td id=\"local-count\">1</td><td id=\"local-total\">3.000 VND</td>"),
        std::string("<strong id=\"matched-count\">0</strong>"),
        std::string("Đã thanh toán tại cổng, chưa ghi nhận tại hệ thống"),
        std::string("Đã ghi nhận thanh toán sau khi tra cứu trạng thái"), lost.reference,
        std::string("Cán bộ canbo"), std::string("href=\"/can-bo/doi-soat/2024-04-26.csv\"")}) {
    EXPECT_NE(b.find(expected), std::string::npos) << expected;
  }
  // The lines were paid once, by the status query.
  std::optional<core::CaseRecord> c = stored(kWardCase);
  ASSERT_TRUE(c.has_value());
  for (const core::FeeLine& line : c->fee_lines) EXPECT_TRUE(line.paid);

  // Running again is a new run; it pays nothing and finds the payment matched.
  ASSERT_EQ(run_now(cookies, "2024-04-26", csrf).status, 303);
  EXPECT_EQ(runs(), 2);
  HttpResponse rerun = get("/can-bo/doi-soat?ngay=2024-04-26", cookies);
  EXPECT_NE(rerun.body.find("<strong id=\"matched-count\">1</strong>"), std::string::npos);
  EXPECT_NE(rerun.body.find("Không có chênh lệch."), std::string::npos);
}

TEST_F(ReconciliationPages, ABadDateGetsAVietnameseMessageAndRunsNothing) {
  std::string cookies = sign_in();
  for (const char* bad : {"2024-13-01", "30/02/2024", "hom-qua", "2024-04-27"}) {
    HttpResponse page = get(std::string("/can-bo/doi-soat?ngay=") + bad, cookies);
    EXPECT_EQ(page.status, 400) << bad;
    EXPECT_NE(page.body.find("Ngày đối soát không hợp lệ."), std::string::npos) << bad;
  }
  std::string csrf = csrf_in(get("/can-bo/doi-soat", cookies).body);
  HttpResponse posted = run_now(cookies, "abc", csrf);
  EXPECT_EQ(posted.status, 400);
  EXPECT_NE(posted.body.find("Ngày đối soát không hợp lệ."), std::string::npos);
  EXPECT_EQ(run_now(cookies, "", csrf).status, 400);
  EXPECT_EQ(runs(), 0);
  EXPECT_EQ(get("/can-bo/doi-soat/2024-02-30.csv", cookies).status, 400);
  EXPECT_EQ(get("/can-bo/doi-soat/2024-04-26.txt", cookies).status, 400);
}

TEST_F(ReconciliationPages, OnlyAdminsOfficersAndLeadsOfTheUnit) {
  // Signed out: to the sign-in page.
  EXPECT_EQ(get("/can-bo/doi-soat").status, 303);
  EXPECT_EQ(get("/can-bo/doi-soat/2024-04-26.csv").status, 303);
  // A lookup-only account.
  std::string lookup = sign_in("tracuu");
  HttpResponse refused = get("/can-bo/doi-soat", lookup);
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("Bạn không có quyền"), std::string::npos);
  EXPECT_EQ(get("/can-bo/doi-soat/2024-04-26.csv", lookup).status, 403);
  std::string token = csrf_in(get("/can-bo", lookup).body);
  EXPECT_EQ(post("/can-bo/doi-soat", "_csrf=" + token + "&ngay=2024-04-26", lookup).status, 403);
  EXPECT_EQ(runs(), 0);
  // The ward's officer may not look at another unit; the admin may choose any.
  std::string officer = sign_in();
  EXPECT_EQ(get("/can-bo/doi-soat?don_vi=H34.4", officer).status, 403);
  HttpResponse admin = get("/can-bo/doi-soat?don_vi=H34.4", sign_in("quantri"));
  EXPECT_EQ(admin.status, 200);
  EXPECT_NE(admin.body.find("Tất cả đơn vị"), std::string::npos);
}

TEST_F(ReconciliationPages, TheCsvHasABomVietnameseHeadersAndIntegerAmounts) {
  lost_payment();
  std::string cookies = sign_in();
  EXPECT_EQ(get("/can-bo/doi-soat/2024-04-26.csv", cookies).status, 404);  // never reconciled
  std::string csrf = csrf_in(get("/can-bo/doi-soat", cookies).body);
  ASSERT_EQ(run_now(cookies, "2024-04-26", csrf).status, 303);
  HttpResponse csv = get("/can-bo/doi-soat/2024-04-26.csv", cookies);
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
  EXPECT_NE(header_of(csv, "Content-Disposition").find("doi-soat-2024-04-26.csv"),
            std::string::npos);
  ASSERT_TRUE(csv.body.starts_with("\xEF\xBB\xBF"));
  std::string header = csv.body.substr(3, csv.body.find("\r\n") - 3);
  EXPECT_EQ(header,
            "Loại,Mã yêu cầu thanh toán,Mã giao dịch tại cổng thanh toán,Hồ sơ,Đơn vị,"
            "Trạng thái tại cổng,Trạng thái tại hệ thống,Số tiền tại cổng,Số tiền tại hệ thống,"
            "Đã xử lý,Ghi chú");
  EXPECT_NE(csv.body.find(",H34.22.6-240426-0002,H34.22.6,Thanh toán thành công,"
                          "Thanh toán thành công,3000,3000,Đã ghi nhận thanh toán sau khi tra "
                          "cứu trạng thái,"),
            std::string::npos)
      << csv.body;
  // One unit's file: the officer's own unit.
  EXPECT_EQ(get("/can-bo/doi-soat/2024-04-26.csv?don_vi=H34.22.6", cookies).status, 200);
}

TEST_F(ReconciliationPages, AFailedFetchShowsWhy) {
  reports_.failure = core::Error{core::ErrorKind::kUnavailable, "the platform did not answer"};
  std::string cookies = sign_in();
  std::string csrf = csrf_in(get("/can-bo/doi-soat", cookies).body);
  ASSERT_EQ(run_now(cookies, "2024-04-25", csrf).status, 303);
  HttpResponse page = get("/can-bo/doi-soat?ngay=2024-04-25&xong=1", cookies);
  EXPECT_NE(page.body.find("Không lấy hoặc không xác thực được tệp đối soát"), std::string::npos);
  EXPECT_NE(page.body.find("the platform did not answer"), std::string::npos);
  EXPECT_EQ(page.body.find("Đã đối soát xong."), std::string::npos);
}

}  // namespace
}  // namespace motcua::adapters::web
