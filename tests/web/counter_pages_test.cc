// Payments at the counter in the console (issue 7): "Thanh toán qua máy POS", "Thu tiền mặt",
// "Xem hóa đơn", "Phát hành biên lai" from a case's "Lệ phí" tab, and "Danh sách thanh toán qua
// máy POS" with its filters and pages.
#include "app/counter_payment.h"
#include "console_fixture.h"

namespace motcua::adapters::web {
namespace {

using namespace std::chrono_literals;

class CounterPages : public Console {
 protected:
  // The ward collects under the guide's receipt series; the Sở Tư pháp has its own officer.
  core::Status seed_data(app::Repositories& r) override {
    if (auto s = Console::seed_data(r); !s.ok()) return s;
    core::Agency ward = r.agencies().find("H34.22.6").value().value();
    ward.receipt_form_symbol = "01BLP0-001";
    ward.receipt_series = series_;
    if (auto s = r.agencies().save(ward); !s.ok()) return s;
    core::Agency justice;
    justice.code = "H34.4";
    justice.name = "Sở Tư pháp";
    if (auto s = r.agencies().save(justice); !s.ok()) return s;
    if (auto s = add_staff(r, "thungan", "Trần Thu Ngân", "H34.22.6", core::kRoleOfficer);
        !s.ok()) {
      return s;
    }
    return add_staff(r, "tuphap", "Lê Tư Pháp", "H34.4", core::kRoleOfficer);
  }

  void SetUp() override {
    Console::SetUp();
    if (HasFatalFailure()) return;
    // The guide's case: 2.000 paid online (no receipt yet), 1.000 unpaid.
    seed_case(kWardCase, "H34.22.6", "Võ Đặng Ngọc Giả", "062190008870");
    case_ = *stored(kWardCase);  // with its lines' ids
    cookies_ = sign_in();
  }

  std::string href(const std::string& page, const std::string& code = kWardCase) {
    return std::string("/can-bo/ho-so/") + code + "/" + page;
  }
  std::string line_field(size_t i) const {
    return "khoan_" + std::to_string(case_.fee_lines[i].id) + "=1";
  }
  // A POST of `fields` with the session's CSRF token read off the form page.
  HttpResponse submit(const std::string& page, const std::string& fields) {
    std::string csrf = csrf_in(get(href(page), cookies_).body);
    EXPECT_FALSE(csrf.empty());
    return post(href(page), "_csrf=" + csrf + "&" + fields, cookies_);
  }
  HttpResponse pos(const std::string& fields) { return submit("thanh-toan-pos", fields); }
  HttpResponse cash(const std::string& fields) { return submit("thu-tien-mat", fields); }

  // The stored staff member `username`.
  core::StaffMember store_officer(const std::string& username) {
    core::StaffMember out;
    core::Status s = store_->read([&](app::Repositories& r) -> core::Status {
      auto found = r.staff().find_by_username(username);
      if (!found.ok()) return found.error();
      out = found->value();
      return {};
    });
    EXPECT_TRUE(s.ok());
    return out;
  }

  long long counter_payments() {
    long long n = 0;
    core::Status s = store_->read([&](app::Repositories& r) -> core::Status {
      auto page = r.counter_payments().search({});
      if (!page.ok()) return page.error();
      n = page->total;
      return {};
    });
    EXPECT_TRUE(s.ok());
    return n;
  }

  // Nothing was recorded: the second line is still unpaid and no counter payment exists.
  void expect_nothing_changed() {
    EXPECT_FALSE(stored(kWardCase)->fee_lines[1].paid);
    EXPECT_EQ(counter_payments(), 0);
  }

  std::string series_ = "AA-24E";
  core::CaseRecord case_;
  std::string cookies_;
};

TEST_F(CounterPages, TheFeeTabOffersTheCounterActions) {
  HttpResponse page = get(std::string("/can-bo/ho-so/") + kWardCase, cookies_);
  ASSERT_EQ(page.status, 200);
  for (const char* label : {"Xem hóa đơn", "Thanh toán qua máy POS", "Thu tiền mặt",
                            "Danh sách thanh toán qua máy POS", "Phát hành biên lai"}) {
    EXPECT_TRUE(contains(page.body, label)) << label;
  }
  EXPECT_TRUE(contains(page.body, "href=\"" + href("hoa-don") + "\""));
  EXPECT_TRUE(contains(page.body, "href=\"" + href("thanh-toan-pos") + "\""));
  EXPECT_TRUE(contains(page.body, "action=\"" + href("phat-hanh-bien-lai") + "\""));
  // The menu has the list.
  EXPECT_TRUE(contains(page.body, "href=\"/can-bo/thanh-toan-pos\""));
}

TEST_F(CounterPages, ThePosFormListsTheUnpaidLinesCheckedWithTheTotal) {
  HttpResponse form = get(href("thanh-toan-pos"), cookies_);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "<title>Thanh toán qua máy POS"));
  std::string unpaid = "khoan_" + std::to_string(case_.fee_lines[1].id);
  EXPECT_TRUE(contains(form.body, "name=\"" + unpaid + "\" value=\"1\" checked"));
  EXPECT_FALSE(contains(form.body, "khoan_" + std::to_string(case_.fee_lines[0].id)))
      << "a paid line is not offered";
  EXPECT_TRUE(contains(form.body, "Phí chứng thực bản sao từ bản chính từ trang thứ 3."));
  EXPECT_TRUE(contains(form.body, "name=\"so_tien\" value=\"1.000\""));
  for (const char* label : {"Mã máy POS", "Mã chuẩn chi", "4 số cuối thẻ", "Số tiền"}) {
    EXPECT_TRUE(contains(form.body, label)) << label;
  }
  EXPECT_FALSE(csrf_in(form.body).empty());
}

TEST_F(CounterPages, APosPaymentIsRecordedAndTheBillShowsIt) {
  HttpResponse done =
      pos(line_field(1) + "&ma_may=T0001&ma_chuan_chi=ab12cd&so_the=4321&so_tien=1.000");
  ASSERT_EQ(done.status, 303) << done.body;
  std::string location = header_of(done, "Location");
  EXPECT_EQ(location.rfind(href("hoa-don") + "?thanh_toan=", 0), 0u) << location;
  std::optional<core::CaseRecord> c = stored(kWardCase);
  EXPECT_TRUE(c->fee_lines[1].paid);
  EXPECT_EQ(c->fee_lines[1].method, core::PaymentMethod::kPos);
  EXPECT_TRUE(c->fee_lines[1].receipt_id.has_value());

  HttpResponse bill = get(location, cookies_);
  ASSERT_EQ(bill.status, 200);
  for (const char* expected : {"Đã ghi nhận thanh toán: TQ-000001", "Thanh toán qua máy POS",
                               "AB12CD", "**** 4321", "T0001", "Xem biên lai"}) {
    EXPECT_TRUE(contains(bill.body, expected)) << expected;
  }
  EXPECT_TRUE(contains(bill.body, "<td id=\"bill-outstanding\">0 VND</td>"));
  EXPECT_TRUE(contains(bill.body, "<td id=\"bill-paid\">3.000 VND</td>"));
  // The receipt it links to opens, with its method.
  HttpResponse receipt =
      get(href("bien-lai/" + std::to_string(*c->fee_lines[1].receipt_id)), cookies_);
  ASSERT_EQ(receipt.status, 200);
  EXPECT_TRUE(contains(receipt.body, "Thanh toán qua máy POS"));
  EXPECT_TRUE(contains(receipt.body, "1.000 VND"));
  EXPECT_TRUE(contains(receipt.body, "Một nghìn đồng"));
}

TEST_F(CounterPages, EachBadPosInputIsNamedAndNothingIsRecorded) {
  const std::string slip = "&ma_may=T0001&ma_chuan_chi=AB12CD&so_the=4321&so_tien=1000";
  struct Bad {
    std::string fields;
    std::string message;
  };
  for (const Bad& bad : std::vector<Bad>{
           {"ma_may=T0001&ma_chuan_chi=AB12CD&so_the=4321&so_tien=1000",
            "Chọn ít nhất một khoản phí, lệ phí cần thu."},
           {line_field(1) + "&ma_may=&ma_chuan_chi=AB12CD&so_the=4321&so_tien=1000",
            "Mã máy POS gồm 1 đến 16 chữ cái, chữ số hoặc dấu &#39;-&#39;."},
           {line_field(1) + "&ma_may=T0001&ma_chuan_chi=AB12C&so_the=4321&so_tien=1000",
            "Mã chuẩn chi phải gồm đúng 6 chữ cái hoặc chữ số."},
           {line_field(1) + "&ma_may=T0001&ma_chuan_chi=AB%2B2CD&so_the=4321&so_tien=1000",
            "Mã chuẩn chi phải gồm đúng 6 chữ cái hoặc chữ số."},
           {line_field(1) + "&ma_may=T0001&ma_chuan_chi=AB12CD&so_the=43a1&so_tien=1000",
            "4 số cuối thẻ phải gồm đúng 4 chữ số."},
           {line_field(1) + "&ma_may=T0001&ma_chuan_chi=AB12CD&so_the=4321&so_tien=1%2C5",
            "Số tiền không hợp lệ"},
           {line_field(1) + "&ma_may=T0001&ma_chuan_chi=AB12CD&so_the=4321&so_tien=2.000",
            "Số tiền thanh toán qua máy POS phải bằng tổng các khoản đã chọn: 1.000 VND"},
           {"khoan_999999=1" + slip, "Khoản phí đã chọn không thuộc hồ sơ này."},
       }) {
    HttpResponse refused = pos(bad.fields);
    EXPECT_EQ(refused.status, 422) << bad.fields;
    EXPECT_TRUE(contains(refused.body, "role=\"alert\">" + bad.message)) << bad.message;
    // The form comes back with what was typed.
    EXPECT_TRUE(contains(refused.body, "name=\"ma_may\"")) << bad.fields;
  }
  expect_nothing_changed();
}

TEST_F(CounterPages, ALinePaidOnlineIsRefusedByName) {
  HttpResponse refused = pos(line_field(0) + "&" + line_field(1) +
                             "&ma_may=T0001&ma_chuan_chi=AB12CD&so_the=4321&so_tien=3000");
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(contains(refused.body,
                       "Khoản sau đã được thanh toán, không ghi nhận thanh toán: Phí chứng thực bản"
                       " sao từ bản chính (Trực tuyến qua CDVCQG (Payment Platform))"))
      << refused.body;
  expect_nothing_changed();
}

TEST_F(CounterPages, ALinePaidMeanwhileAtTheCounterIsRefused) {
  std::string csrf = csrf_in(get(href("thu-tien-mat"), cookies_).body);
  // Another officer takes the money first.
  core::StaffMember other = store_officer("thungan");
  ASSERT_TRUE(app::CounterPayment(*store_, clock_)
                  .record_cash(other, {kWardCase, {case_.fee_lines[1].id}, core::Money::dong(1000)})
                  .ok());
  HttpResponse refused =
      post(href("thu-tien-mat"), "_csrf=" + csrf + "&" + line_field(1) + "&tien_khach_dua=1000",
           cookies_);
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(
      contains(refused.body, "Phí chứng thực bản sao từ bản chính từ trang thứ 3. (Tiền mặt)"));
  EXPECT_EQ(counter_payments(), 1);
}

TEST_F(CounterPages, CashShowsTheChangeAfterwards) {
  HttpResponse done = cash(line_field(1) + "&tien_khach_dua=5.000");
  ASSERT_EQ(done.status, 303) << done.body;
  HttpResponse bill = get(header_of(done, "Location"), cookies_);
  ASSERT_EQ(bill.status, 200);
  EXPECT_TRUE(contains(bill.body, "Tiền mặt"));
  EXPECT_TRUE(contains(bill.body, "Số tiền khách đưa</dt><dd>5.000 VND"));
  EXPECT_TRUE(contains(bill.body, "<dd id=\"change\">4.000 VND</dd>"));
  EXPECT_EQ(stored(kWardCase)->fee_lines[1].method, core::PaymentMethod::kCash);
}

TEST_F(CounterPages, TooLittleOrUnreadableCashIsRefused) {
  HttpResponse short_cash = cash(line_field(1) + "&tien_khach_dua=500");
  EXPECT_EQ(short_cash.status, 422);
  EXPECT_TRUE(
      contains(short_cash.body, "Số tiền khách đưa ít hơn tổng các khoản đã chọn: 1.000 VND"));
  EXPECT_TRUE(contains(short_cash.body, "name=\"tien_khach_dua\" value=\"500\""));
  HttpResponse unreadable = cash(line_field(1) + "&tien_khach_dua=m%E1%BB%99t+ngh%C3%ACn");
  EXPECT_EQ(unreadable.status, 422);
  EXPECT_TRUE(contains(unreadable.body, "Số tiền khách đưa không hợp lệ"));
  HttpResponse none = cash("tien_khach_dua=5000");
  EXPECT_EQ(none.status, 422);
  EXPECT_TRUE(contains(none.body, "Chọn ít nhất một khoản phí, lệ phí cần thu."));
  expect_nothing_changed();
}

TEST_F(CounterPages, EveryPostNeedsTheCsrfToken) {
  for (const std::string& page : {std::string("thanh-toan-pos"), std::string("thu-tien-mat"),
                                  std::string("phat-hanh-bien-lai")}) {
    HttpResponse refused = post(href(page),
                                "_csrf=forged&" + line_field(1) +
                                    "&ma_may=T1&ma_chuan_chi=AB12CD&so_the=4321&so_tien=1000"
                                    "&tien_khach_dua=1000",
                                cookies_);
    EXPECT_EQ(refused.status, 403) << page;
  }
  expect_nothing_changed();
  EXPECT_FALSE(stored(kWardCase)->fee_lines[0].receipt_id.has_value());
}

TEST_F(CounterPages, TheBillShowsEachLineTheTotalsAndWhatRemains) {
  HttpResponse bill = get(href("hoa-don"), cookies_);
  ASSERT_EQ(bill.status, 200);
  EXPECT_TRUE(contains(bill.body, "<title>Xem hóa đơn"));
  EXPECT_TRUE(
      contains(bill.body,
               "<tr><td>Phí chứng thực bản sao từ bản chính</td><td>1</td><td>2.000 VND</td>"
               "<td>2.000 VND</td><td>Đã thanh toán</td><td>Trực tuyến qua CDVCQG"));
  EXPECT_TRUE(
      contains(bill.body,
               "<tr><td>Phí chứng thực bản sao từ bản chính từ trang thứ 3.</td><td>1</td>"
               "<td>1.000 VND</td><td>1.000 VND</td><td>Chưa thanh toán</td><td></td></tr>"));
  EXPECT_TRUE(contains(bill.body, "<td id=\"bill-total\">3.000 VND</td>"));
  EXPECT_TRUE(contains(bill.body, "<td id=\"bill-paid\">2.000 VND</td>"));
  EXPECT_TRUE(contains(bill.body, "Còn lại</th><td id=\"bill-outstanding\">1.000 VND</td>"));
  EXPECT_TRUE(contains(bill.body, "Võ Đặng Ngọc Giả"));
}

TEST_F(CounterPages, ReceiptsAreIssuedForPaidLinesWithoutOne) {
  HttpResponse issued = post(href("phat-hanh-bien-lai"),
                             "_csrf=" + csrf_in(get(href("hoa-don"), cookies_).body), cookies_);
  ASSERT_EQ(issued.status, 303);
  EXPECT_EQ(header_of(issued, "Location"), href("hoa-don") + "?phat_hanh=1");
  EXPECT_TRUE(stored(kWardCase)->fee_lines[0].receipt_id.has_value());
  EXPECT_TRUE(
      contains(get(header_of(issued, "Location"), cookies_).body, "Số biên lai đã phát hành: 1"));
  // The tab no longer offers it; a second POST has nothing to issue.
  EXPECT_FALSE(contains(get(std::string("/can-bo/ho-so/") + kWardCase, cookies_).body,
                        "action=\"" + href("phat-hanh-bien-lai") + "\""));
  HttpResponse again = post(href("phat-hanh-bien-lai"),
                            "_csrf=" + csrf_in(get(href("hoa-don"), cookies_).body), cookies_);
  ASSERT_EQ(again.status, 303);
  EXPECT_TRUE(contains(get(header_of(again, "Location"), cookies_).body,
                       "Không có khoản đã thu nào cần phát hành biên lai."));
}

TEST_F(CounterPages, AnotherUnitsOfficerCannotSeeOrPay) {
  std::string stranger = sign_in("tuphap");
  EXPECT_EQ(get(href("hoa-don"), stranger).status, 404);
  EXPECT_EQ(get(href("thanh-toan-pos"), stranger).status, 404);
  HttpResponse form = get("/can-bo/thanh-toan-pos", stranger);
  HttpResponse refused =
      post(href("thu-tien-mat"),
           "_csrf=" + csrf_in(form.body) + "&" + line_field(1) + "&tien_khach_dua=1000", stranger);
  EXPECT_EQ(refused.status, 404);
  expect_nothing_changed();
  // Not signed in: to the sign-in page.
  EXPECT_EQ(get(href("hoa-don")).status, 303);
  EXPECT_EQ(get("/can-bo/thanh-toan-pos").status, 303);
}

class CounterPagesWithoutSeries : public CounterPages {
 protected:
  CounterPagesWithoutSeries() { series_ = ""; }
};

TEST_F(CounterPagesWithoutSeries, PaymentIsRecordedAndReceiptsWaitForASeries) {
  HttpResponse done = cash(line_field(1) + "&tien_khach_dua=1000");
  ASSERT_EQ(done.status, 303);
  HttpResponse bill = get(header_of(done, "Location"), cookies_);
  EXPECT_TRUE(contains(bill.body, "Đơn vị chưa cấu hình ký hiệu biên lai"));
  HttpResponse refused = post(href("phat-hanh-bien-lai"), "_csrf=" + csrf_in(bill.body), cookies_);
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(
      contains(refused.body,
               "Đơn vị tiếp nhận chưa cấu hình ký hiệu biên lai, chưa thể phát hành biên lai."));
}

// Twelve POS payments over three days, by two officers on two terminals, and one cash payment.
class PosList : public CounterPages {
 protected:
  void SetUp() override {
    CounterPages::SetUp();
    if (HasFatalFailure()) return;
    app::CounterPayment counter(*store_, clock_);
    core::StaffMember canbo = store_officer("canbo"), thungan = store_officer("thungan");
    for (int i = 0; i < 12; ++i) {
      std::string code = "H34.22.6-240426-01" + std::string(i < 10 ? "0" : "") + std::to_string(i);
      seed_case(code, "H34.22.6", "Nguyễn Văn An", "06219000" + std::to_string(1000 + i));
      core::CaseRecord c = *stored(code);
      codes_.push_back(code);
      clock_.set(std::chrono::sys_days{std::chrono::year{2024} / 4 / (26 + i / 4)} + 1h +
                 std::chrono::minutes(i));
      auto done = counter.record_pos(i % 3 == 0 ? thungan : canbo,
                                     {code,
                                      {c.fee_lines[1].id},
                                      {i % 2 ? "T-ODD" : "T-EVEN", "AB12CD", "4321"},
                                      core::Money::dong(1000)});
      ASSERT_TRUE(done.ok()) << done.error().message;
    }
    ASSERT_TRUE(
        counter.record_cash(canbo, {kWardCase, {case_.fee_lines[1].id}, core::Money::dong(1000)})
            .ok());
    cookies_ = sign_in();  // the clock moved on two days: a fresh session
  }
  std::vector<std::string> codes_;
};

TEST_F(PosList, ListsNewestFirstTenAPageWithTheFilteredTotal) {
  HttpResponse page = get("/can-bo/thanh-toan-pos", cookies_);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "<title>Danh sách thanh toán qua máy POS"));
  EXPECT_TRUE(contains(page.body, "<span id=\"pos-count\">12</span>"));
  EXPECT_TRUE(contains(page.body, "<span id=\"pos-sum\">12.000 VND</span>"));
  EXPECT_LT(page.body.find(codes_[11]), page.body.find(codes_[2]));
  EXPECT_FALSE(contains(page.body, codes_[1] + "<")) << "page 2";
  EXPECT_FALSE(contains(page.body, std::string(kWardCase) + "<")) << "cash is not listed";
  EXPECT_TRUE(contains(page.body, "28/04/2024 08:11:00")) << "times in Vietnam time";
  EXPECT_TRUE(contains(page.body, "Trần Thu Ngân"));
  EXPECT_FALSE(contains(page.body, "<script>alert(1)</script>")) << "names are escaped";
  EXPECT_TRUE(contains(page.body, "&lt;script&gt;"));
  HttpResponse second = get("/can-bo/thanh-toan-pos?trang=2", cookies_);
  EXPECT_TRUE(contains(second.body, codes_[0] + "<"));
  EXPECT_TRUE(contains(second.body, codes_[1] + "<"));
  EXPECT_FALSE(contains(second.body, codes_[2] + "<"));
  EXPECT_TRUE(contains(second.body, "<span id=\"pos-count\">12</span>"));
}

TEST_F(PosList, FiltersByTerminalOfficerCaseAndDays) {
  auto count_of = [&](const std::string& query) {
    HttpResponse page = get("/can-bo/thanh-toan-pos?" + query, cookies_);
    EXPECT_EQ(page.status, 200) << query;
    size_t at = page.body.find("<span id=\"pos-count\">");
    if (at == std::string::npos) return std::string("?");
    at += std::string("<span id=\"pos-count\">").size();
    return page.body.substr(at, page.body.find('<', at) - at);
  };
  EXPECT_EQ(count_of("may=T-ODD"), "6");
  EXPECT_EQ(count_of("may=t-odd"), "6");
  EXPECT_EQ(count_of("can_bo=thungan"), "4");
  EXPECT_EQ(count_of("ma=" + codes_[5]), "1");
  EXPECT_EQ(count_of("tu_ngay=27/04/2024&den_ngay=27/04/2024"), "4");
  EXPECT_EQ(count_of("tu_ngay=2024-04-28"), "4");
  EXPECT_EQ(count_of("may=T-EVEN&can_bo=thungan"), "2");
  HttpResponse sum = get("/can-bo/thanh-toan-pos?can_bo=thungan", cookies_);
  EXPECT_TRUE(contains(sum.body, "<span id=\"pos-sum\">4.000 VND</span>"));
  // The page links keep the filters.
  HttpResponse odd = get("/can-bo/thanh-toan-pos?may=T-ODD", cookies_);
  EXPECT_FALSE(contains(odd.body, "trang=2\"")) << "six rows fit one page";
  HttpResponse bad = get("/can-bo/thanh-toan-pos?tu_ngay=32/13/2024", cookies_);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "Ngày không hợp lệ."));
  // Another unit's officer sees none of the ward's payments.
  HttpResponse stranger = get("/can-bo/thanh-toan-pos", sign_in("tuphap"));
  EXPECT_TRUE(contains(stranger.body, "<span id=\"pos-count\">0</span>"));
  EXPECT_TRUE(contains(stranger.body, "Không có giao dịch nào."));
}

TEST_F(PosList, PageLinksKeepTheFilters) {
  HttpResponse page = get("/can-bo/thanh-toan-pos?tu_ngay=26/04/2024", cookies_);
  EXPECT_TRUE(contains(page.body, "<span id=\"pos-count\">12</span>"));
  EXPECT_TRUE(contains(page.body,
                       "href=\"/can-bo/thanh-toan-pos?tu_ngay&#61;26%2F04%2F2024&amp;den_ngay&#61;"
                       "&amp;may&#61;&amp;can_bo&#61;&amp;ma&#61;&amp;trang&#61;2\""))
      << page.body;
}

}  // namespace
}  // namespace motcua::adapters::web
