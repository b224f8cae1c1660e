// Màn hình phụ, the counter screen: a tablet pairs with an officer by a short code, shows what
// that officer pushes (payer, case code, amount outstanding, the pay-link QR), then the
// payment's success, then the welcome screen after the idle time.
#include <regex>

#include "console_fixture.h"

namespace motcua::adapters::web {
namespace {

using namespace std::chrono_literals;

class CounterScreen : public Console {
 protected:
  // The ward collects under the guide's receipt series; a second officer of the ward has no
  // screen.
  core::Status seed_data(app::Repositories& r) override {
    if (auto s = Console::seed_data(r); !s.ok()) return s;
    core::Agency ward = r.agencies().find("H34.22.6").value().value();
    ward.receipt_form_symbol = "01BLP0-001";
    ward.receipt_series = "AA-24E";
    if (auto s = r.agencies().save(ward); !s.ok()) return s;
    return add_staff(r, "canbo2", "Trần Thị Bình", "H34.22.6", core::kRoleOfficer);
  }

  // The guide's case with both lines unpaid: 3.000 VND outstanding.
  void seed_unpaid_case() {
    WebAppFixture::seed_case(kWardCase, "H34.22.6", citizen("062190018870"),
                             core::CaseStatus::kAccepted, [](core::CaseRecord& c) {
                               c.fee_lines[0].paid = false;
                               c.fee_lines[0].method.reset();
                             });
  }

  // A tablet: the cookie its first visit got, and what it shows.
  struct Tablet {
    std::string cookie;  // "motcua_screen=..."
  };

  Tablet new_tablet() {
    HttpResponse first = get("/man-hinh-phu");
    EXPECT_EQ(first.status, 200);
    Tablet tablet{cookie_pair(first, "motcua_screen")};
    EXPECT_FALSE(tablet.cookie.empty());
    return tablet;
  }

  HttpResponse screen(const Tablet& tablet) { return get("/man-hinh-phu", tablet.cookie); }

  // The 6-digit code the tablet shows now ("" when it shows none).
  std::string code_on(const Tablet& tablet) {
    std::smatch m;
    std::string body = screen(tablet).body;
    if (!std::regex_search(body, m, std::regex("id=\"pairing-code\">([0-9]{6})<"))) return "";
    return m[1];
  }

  HttpResponse pair(const std::string& cookies, const std::string& code) {
    std::string csrf = csrf_in(get("/can-bo/man-hinh-phu", cookies).body);
    return post("/can-bo/man-hinh-phu/ghep-noi", "_csrf=" + csrf + "&ma=" + url_encoded(code),
                cookies);
  }

  HttpResponse push(const std::string& cookies, const std::string& code = kWardCase) {
    std::string csrf = csrf_in(get("/can-bo/ho-so/" + code, cookies).body);
    return post("/can-bo/ho-so/" + code + "/man-hinh-phu", "_csrf=" + csrf, cookies);
  }

  // A tablet paired with "canbo"; the officer's session cookie in `officer`.
  Tablet paired_tablet(std::string& officer) {
    officer = sign_in();
    Tablet tablet = new_tablet();
    HttpResponse r = pair(officer, code_on(tablet));
    EXPECT_EQ(r.status, 303) << r.body;
    return tablet;
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

  using Console::seed_case;
};

TEST_F(CounterScreen, TheFirstVisitMakesAScreenWithAPairingCodeAndAStrictCookie) {
  HttpResponse first = get("/man-hinh-phu");
  ASSERT_EQ(first.status, 200);
  std::string full;
  std::string pair_of = cookie_pair(first, "motcua_screen", &full);
  ASSERT_FALSE(pair_of.empty());
  EXPECT_TRUE(contains(full, "HttpOnly"));
  EXPECT_TRUE(contains(full, "SameSite=Strict"));
  EXPECT_TRUE(contains(full, "Path=/man-hinh-phu"));
  EXPECT_FALSE(contains(full, "Secure"));  // plain HTTP here
  EXPECT_EQ(header_of(first, "Cache-Control"), "no-store");
  EXPECT_TRUE(contains(first.body, "Ghép nối màn hình phụ"));
  EXPECT_TRUE(std::regex_search(first.body, std::regex("id=\"pairing-code\">[0-9]{6}<")));
  // Updates without inline script (the CSP allows only 'self'), and a refresh without script.
  EXPECT_TRUE(contains(first.body, "<script src=\"/static/counter_screen.js\" defer></script>"));
  EXPECT_FALSE(contains(first.body, "<script>"));
  EXPECT_TRUE(
      contains(first.body, "<noscript><meta http-equiv=\"refresh\" content=\"3\"></noscript>"));
  EXPECT_TRUE(contains(header_of(first, "Content-Security-Policy"), "script-src 'self'"));
  EXPECT_EQ(get("/static/counter_screen.js").status, 200);

  // The cookie brings back the same screen and code, and no new cookie.
  Tablet tablet{pair_of};
  std::string code = code_on(tablet);
  EXPECT_EQ(code, code_on(tablet));
  EXPECT_TRUE(cookie_pair(screen(tablet), "motcua_screen").empty());
  // Another tablet gets another screen.
  EXPECT_NE(new_tablet().cookie, tablet.cookie);
}

class SecureCounterScreen : public CounterScreen {
 protected:
  void SetUp() override {
    secure_cookies_ = true;
    CounterScreen::SetUp();
  }
};

TEST_F(SecureCounterScreen, TheCookieIsSecureBehindTls) {
  std::string full;
  cookie_pair(get("/man-hinh-phu"), "motcua_screen", &full);
  EXPECT_TRUE(contains(full, "; Secure"));
  EXPECT_TRUE(contains(full, "SameSite=Strict"));
}

TEST_F(CounterScreen, ThePairingCodeBindsTheScreenToTheOfficer) {
  std::string officer = sign_in();
  HttpResponse console = get("/can-bo/man-hinh-phu", officer);
  ASSERT_EQ(console.status, 200);
  EXPECT_TRUE(contains(console.body, "Chưa kết nối màn hình phụ nào."));
  // The console header links the page.
  EXPECT_TRUE(contains(get("/can-bo", officer).body, "href=\"/can-bo/man-hinh-phu\""));

  Tablet tablet = new_tablet();
  HttpResponse paired = pair(officer, code_on(tablet));
  ASSERT_EQ(paired.status, 303);
  HttpResponse after = get(header_of(paired, "Location"), officer);
  EXPECT_TRUE(contains(after.body, "Đã ghép nối màn hình phụ."));
  EXPECT_TRUE(contains(after.body, "Đã kết nối màn hình phụ"));
  EXPECT_TRUE(contains(after.body, "Ngắt kết nối"));
  EXPECT_FALSE(contains(after.body, "Hồ sơ hiển thị gần nhất"));  // nothing pushed yet

  HttpResponse shown = screen(tablet);
  EXPECT_TRUE(contains(shown.body, "Chào mừng quý khách"));
  EXPECT_TRUE(contains(shown.body, "Bộ phận TN&amp;TKQ phường Trần Hưng Đạo"));
  EXPECT_EQ(code_on(tablet), "");
}

TEST_F(CounterScreen, AWrongOrMalformedCodeIsRefusedAndChangesNothing) {
  std::string officer = sign_in();
  Tablet tablet = new_tablet();
  std::string code = code_on(tablet);
  std::string wrong = code == "000000" ? "000001" : "000000";
  HttpResponse r = pair(officer, wrong);
  EXPECT_EQ(r.status, 404);
  EXPECT_TRUE(contains(r.body, "Mã ghép nối không đúng."));
  EXPECT_TRUE(contains(r.body, "value=\"" + wrong + "\""));  // the form keeps what was typed
  r = pair(officer, "12a456");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "Mã ghép nối gồm 6 chữ số."));
  EXPECT_EQ(code_on(tablet), code);
  EXPECT_TRUE(contains(get("/can-bo/man-hinh-phu", officer).body, "Chưa kết nối"));
  // Spaces as people type them are fine.
  EXPECT_EQ(pair(officer, code.substr(0, 3) + " " + code.substr(3)).status, 303);
}

TEST_F(CounterScreen, AnExpiredCodeIsRefusedAndTheScreenShowsANewOne) {
  std::string officer = sign_in();
  Tablet tablet = new_tablet();
  std::string code = code_on(tablet);
  clock_.advance(600s);
  HttpResponse r = pair(officer, code);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "Mã ghép nối đã hết hạn."));
  std::string renewed = code_on(tablet);
  ASSERT_EQ(renewed.size(), 6U);
  EXPECT_NE(renewed, code);
  EXPECT_EQ(pair(officer, code).status, 404);  // the old code is gone for good
  EXPECT_EQ(pair(officer, renewed).status, 303);
}

TEST_F(CounterScreen, PairingAttemptsAreRateLimitedPerOfficer) {
  std::string officer = sign_in();
  Tablet tablet = new_tablet();
  std::string code = code_on(tablet);
  std::string wrong = code == "000000" ? "000001" : "000000";
  for (int i = 0; i < 5; ++i) EXPECT_EQ(pair(officer, wrong).status, 404);
  HttpResponse limited = pair(officer, code);
  EXPECT_EQ(limited.status, 429);
  EXPECT_TRUE(contains(limited.body, "Nhập sai quá nhiều lần."));
  EXPECT_NE(code_on(tablet), "");  // the right code was not even tried
  clock_.advance(60s);
  EXPECT_EQ(pair(officer, code_on(tablet)).status, 303);
}

TEST_F(CounterScreen, PushingShowsPayerCodeAmountAndTheQr) {
  seed_unpaid_case();
  std::string officer;
  Tablet tablet = paired_tablet(officer);
  HttpResponse page = get(std::string("/can-bo/ho-so/") + kWardCase, officer);
  EXPECT_TRUE(contains(page.body, "Hiển thị cho người nộp"));

  HttpResponse pushed = push(officer);
  ASSERT_EQ(pushed.status, 303) << pushed.body;
  std::string location = header_of(pushed, "Location");
  EXPECT_TRUE(location.ends_with("#fees")) << location;  // back to the "Lệ phí" tab
  HttpResponse back = get(location.substr(0, location.find('#')), officer);
  EXPECT_TRUE(contains(back.body, "Đã hiển thị thông tin thanh toán trên màn hình phụ."));
  EXPECT_TRUE(contains(
      get("/can-bo/man-hinh-phu", officer).body,
      std::string("Hồ sơ hiển thị gần nhất</dt><dd><a href=\"/can-bo/ho-so/") + kWardCase + "\">"));

  HttpResponse shown = screen(tablet);
  for (const char* expected :
       {"VÕ ĐẶNG NGỌC GIẢ", kWardCase, "3.000 VND", "Thanh toán lệ phí cho hồ sơ", "<svg",
        "Người nộp tiền", "Phí lệ phí",
        "sử dụng chức năng camera của điện thoại di động để quét mã QR"}) {
    EXPECT_TRUE(contains(shown.body, expected)) << expected;
  }
  // Nothing else of the case is on the screen.
  EXPECT_FALSE(contains(shown.body, "062190018870"));
}

TEST_F(CounterScreen, AnOfficerWithoutTheScreenCannotPushToIt) {
  seed_unpaid_case();
  std::string officer;
  Tablet tablet = paired_tablet(officer);
  std::string other = sign_in("canbo2");
  HttpResponse refused = push(other);
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(contains(refused.body, "Bạn chưa kết nối màn hình phụ nào"));
  EXPECT_TRUE(contains(screen(tablet).body, "Chào mừng quý khách"));
  EXPECT_FALSE(contains(screen(tablet).body, kWardCase));
  // Without the form's token nothing is pushed either.
  EXPECT_EQ(post(std::string("/can-bo/ho-so/") + kWardCase + "/man-hinh-phu", "", officer).status,
            403);
  EXPECT_FALSE(contains(screen(tablet).body, kWardCase));
  // Not signed in: to the sign-in page.
  EXPECT_EQ(post(std::string("/can-bo/ho-so/") + kWardCase + "/man-hinh-phu", "").status, 303);
}

TEST_F(CounterScreen, ACaseWithNothingDueOrUnknownIsNotPushed) {
  seed_case(kWardCase, "H34.22.6", "Võ Đặng Ngọc Giả", "062190018870", core::CaseStatus::kAccepted);
  std::string officer;
  Tablet tablet = paired_tablet(officer);
  ASSERT_TRUE(pay("EV-0").receipt_id.has_value());  // the second line; now all is paid
  EXPECT_FALSE(
      contains(get(std::string("/can-bo/ho-so/") + kWardCase, officer).body, "Hiển thị cho"));
  HttpResponse r = post(std::string("/can-bo/ho-so/") + kWardCase + "/man-hinh-phu",
                        "_csrf=" + csrf_in(get("/can-bo/man-hinh-phu", officer).body), officer);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "Hồ sơ không còn khoản phí, lệ phí nào cần thanh toán."));
  r = post("/can-bo/ho-so/H34.22.6-240426-0999/man-hinh-phu",
           "_csrf=" + csrf_in(get("/can-bo/man-hinh-phu", officer).body), officer);
  EXPECT_EQ(r.status, 404);
  EXPECT_TRUE(contains(screen(tablet).body, "Chào mừng quý khách"));
}

TEST_F(CounterScreen, TheStateAnswersTheVersionAndTheContentOnlyWhenItChanged) {
  seed_unpaid_case();
  std::string officer;
  Tablet tablet = paired_tablet(officer);
  HttpResponse page = screen(tablet);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("data-version=\"([^\"]+)\"")));
  std::string version = m[1];

  HttpResponse same = get("/man-hinh-phu/trang-thai?v=" + version, tablet.cookie);
  ASSERT_EQ(same.status, 200);
  EXPECT_EQ(header_of(same, "Cache-Control"), "no-store");
  boost::json::value v = parsed(same);
  EXPECT_EQ(v.at("version").as_string(), version);
  EXPECT_EQ(v.at("phase").as_string(), "welcome");
  EXPECT_FALSE(v.as_object().contains("html"));

  ASSERT_EQ(push(officer).status, 303);
  boost::json::value changed = parsed(get("/man-hinh-phu/trang-thai?v=" + version, tablet.cookie));
  EXPECT_NE(changed.at("version").as_string(), version);
  EXPECT_EQ(changed.at("phase").as_string(), "payment");
  std::string html(changed.at("html").as_string());
  EXPECT_TRUE(contains(html, "3.000 VND"));
  EXPECT_TRUE(contains(html, "<svg"));

  // A screen the server does not know: 404, and the page then makes a new one.
  EXPECT_EQ(get("/man-hinh-phu/trang-thai?v=1", "motcua_screen=forged").status, 404);
  EXPECT_EQ(get("/man-hinh-phu/trang-thai?v=1").status, 404);
}

TEST_F(CounterScreen, PaidLinesShowSuccessThenTheWelcomeAfterTheIdleTime) {
  seed_unpaid_case();
  std::string officer;
  Tablet tablet = paired_tablet(officer);
  ASSERT_EQ(push(officer).status, 303);
  clock_.advance(30s);
  ASSERT_TRUE(pay("EV-1").receipt_id.has_value());

  HttpResponse shown = screen(tablet);
  EXPECT_TRUE(contains(shown.body, "Thanh toán thành công"));
  EXPECT_TRUE(contains(shown.body, "3.000 VND"));
  EXPECT_TRUE(contains(shown.body, "0000001"));
  EXPECT_TRUE(contains(shown.body, "AA-24E"));
  EXPECT_FALSE(contains(shown.body, "<svg"));

  clock_.advance(119s);  // 119 s after the payment: still the success
  EXPECT_TRUE(contains(screen(tablet).body, "Thanh toán thành công"));
  clock_.advance(1s);
  shown = screen(tablet);
  EXPECT_TRUE(contains(shown.body, "Chào mừng quý khách"));
  EXPECT_FALSE(contains(shown.body, kWardCase));
}

TEST_F(CounterScreen, AnUnpaidPushAlsoReturnsToTheWelcomeAfterTheIdleTime) {
  seed_unpaid_case();
  std::string officer;
  Tablet tablet = paired_tablet(officer);
  ASSERT_EQ(push(officer).status, 303);
  clock_.advance(119s);
  EXPECT_TRUE(contains(screen(tablet).body, "3.000 VND"));
  clock_.advance(1s);
  EXPECT_TRUE(contains(screen(tablet).body, "Chào mừng quý khách"));
  // A payment landing later still shows its success.
  ASSERT_TRUE(pay("EV-1").receipt_id.has_value());
  EXPECT_TRUE(contains(screen(tablet).body, "Thanh toán thành công"));
}

TEST_F(CounterScreen, DisconnectingAndPairingAgainMoveTheBinding) {
  seed_unpaid_case();
  std::string officer;
  Tablet first = paired_tablet(officer);
  Tablet second = new_tablet();
  ASSERT_EQ(pair(officer, code_on(second)).status, 303);
  EXPECT_EQ(code_on(first).size(), 6U);  // the earlier screen is unbound again
  EXPECT_TRUE(contains(screen(second).body, "Chào mừng quý khách"));
  ASSERT_EQ(push(officer).status, 303);
  EXPECT_TRUE(contains(screen(second).body, "3.000 VND"));
  EXPECT_FALSE(contains(screen(first).body, kWardCase));

  std::string csrf = csrf_in(get("/can-bo/man-hinh-phu", officer).body);
  HttpResponse off = post("/can-bo/man-hinh-phu/ngat-ket-noi", "_csrf=" + csrf, officer);
  ASSERT_EQ(off.status, 303);
  EXPECT_TRUE(
      contains(get(header_of(off, "Location"), officer).body, "Đã ngắt kết nối màn hình phụ."));
  EXPECT_EQ(code_on(second).size(), 6U);
  EXPECT_FALSE(contains(screen(second).body, kWardCase));
  EXPECT_EQ(push(officer).status, 403);
  EXPECT_EQ(post("/can-bo/man-hinh-phu/ngat-ket-noi", "_csrf=" + csrf, officer).status, 404);
}

TEST_F(CounterScreen, EnglishIsAvailable) {
  HttpResponse first = get("/man-hinh-phu?lang=en");
  EXPECT_TRUE(contains(first.body, "Pair this counter screen"));
  EXPECT_TRUE(contains(first.body, "<html lang=\"en\">"));
}

}  // namespace
}  // namespace motcua::adapters::web
