// The portal's account pages: registration, sign-in with lockout, sign-out, password reset
// through the fixture's capturing Outbox, and "Thông tin tài khoản".
#include <string>
#include <vector>

#include "adapters/web/account_pages.h"
#include "core/login_throttle.h"
#include "web_fixture.h"

namespace motcua::adapters::web {
namespace {

class CitizenAccountsWeb : public WebFixture {
 protected:
  // A visitor's form page and its CSRF cookie: {"_csrf=<token>", "motcua_login_csrf=<token>"}.
  std::pair<std::string, std::string> visitor(const std::string& path) {
    HttpResponse page = get(path);
    EXPECT_EQ(page.status, 200) << path;
    std::string csrf = csrf_in(page.body);
    EXPECT_FALSE(csrf.empty()) << path;
    return {"_csrf=" + csrf, cookie_pair(page, "motcua_login_csrf")};
  }

  HttpResponse visitor_post(const std::string& path, const std::string& fields) {
    auto [csrf, cookie] = visitor(path);
    return post(path, csrf + "&" + fields, cookie);
  }

  static std::string registration(const std::string& id = "062190008870",
                                  const std::string& kind = "cong-dan",
                                  const std::string& password = "mat-khau-2024") {
    return "loai=" + kind + "&so_dinh_danh=" + id + "&ho_ten=" + url_encoded("Võ Đặng Ngọc Giả") +
           "&dien_thoai=0886650748&email=" + url_encoded("gia@example.vn") +
           "&mat_khau=" + password + "&mat_khau_nhap_lai=" + password;
  }

  std::optional<core::CitizenAccount> account(const std::string& id_number) {
    std::optional<core::CitizenAccount> found;
    core::Status s = store_->read([&](app::Repositories& r) -> core::Status {
      auto a = r.citizens().find_by_id_number(id_number);
      if (!a.ok()) return a.error();
      found = *a;
      return {};
    });
    EXPECT_TRUE(s.ok());
    return found;
  }

  HttpResponse sign_in_post(const std::string& id, const std::string& password,
                            const std::string& tiep = "") {
    return visitor_post("/dang-nhap", "so_dinh_danh=" + url_encoded(id) +
                                          "&mat_khau=" + url_encoded(password) +
                                          (tiep.empty() ? "" : "&tiep=" + url_encoded(tiep)));
  }
};

TEST_F(CitizenAccountsWeb, RegistrationSignsInWithASafeCookieAndGoesToTheCases) {
  HttpResponse page = get("/dang-ky");
  EXPECT_EQ(page.status, 200);
  for (const char* field :
       {"name=\"loai\"", "name=\"so_dinh_danh\"", "name=\"ho_ten\"", "name=\"dien_thoai\"",
        "name=\"email\"", "name=\"mat_khau\"", "name=\"mat_khau_nhap_lai\"", "ít nhất 8 ký tự"}) {
    EXPECT_TRUE(contains(page.body, field)) << field;
  }
  EXPECT_FALSE(contains(page.body, "Chức năng đang được xây dựng"));
  HttpResponse r = visitor_post("/dang-ky", registration());
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(header_of(r, "Location"), "/quan-ly-ho-so");
  std::string full;
  std::string cookie = cookie_pair(r, "motcua_portal", &full);
  ASSERT_FALSE(cookie.empty());
  EXPECT_TRUE(contains(full, "HttpOnly"));
  EXPECT_TRUE(contains(full, "SameSite=Lax"));
  EXPECT_TRUE(contains(full, "Path=/"));
  EXPECT_FALSE(contains(full, "Secure"));
  std::optional<core::CitizenAccount> stored = account("062190008870");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->full_name, "Võ Đặng Ngọc Giả");
  EXPECT_EQ(stored->kind, core::AccountKind::kCitizen);
  EXPECT_NE(stored->password_hash.rfind("$argon2id$", 0), std::string::npos);
  EXPECT_TRUE(contains(get("/", cookie).body, "VÕ ĐẶNG NGỌC GIẢ"));
}

TEST_F(CitizenAccountsWeb, SecureCookiesBehindTls) {
  secure_cookies_ = true;
  start_app();
  HttpResponse r = visitor_post("/dang-ky", registration());
  std::string full;
  cookie_pair(r, "motcua_portal", &full);
  EXPECT_TRUE(contains(full, "; Secure")) << full;
}

TEST_F(CitizenAccountsWeb, BusinessesRegisterWithAnMstAndGoToALocalTiepOnly) {
  HttpResponse r = visitor_post("/dang-ky", registration("0101234567001", "doanh-nghiep") +
                                                "&tiep=" + url_encoded("/dich-vu-cong-truc-tuyen"));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(header_of(r, "Location"), "/dich-vu-cong-truc-tuyen");
  EXPECT_EQ(account("0101234567-001")->kind, core::AccountKind::kBusiness);
  for (const char* evil :
       {"//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)"}) {
    HttpResponse s = sign_in_post("0101234567-001", "mat-khau-2024", evil);
    ASSERT_EQ(s.status, 303) << evil;
    EXPECT_EQ(header_of(s, "Location"), "/quan-ly-ho-so") << evil;
  }
  EXPECT_EQ(local_target("/quan-ly-ho-so?trang=2"), "/quan-ly-ho-so?trang=2");
}

TEST_F(CitizenAccountsWeb, BadRegistrationShowsEachProblemKeepsValuesButNotThePassword) {
  std::string fields = "loai=cong-dan&so_dinh_danh=0101234567&ho_ten=+&dien_thoai=12&email=" +
                       url_encoded("gia@example") +
                       "&mat_khau=bimat-cua-toi&mat_khau_nhap_lai=khac-han";
  HttpResponse r = visitor_post("/dang-ky", fields);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "Số CCCD phải gồm đúng 12 chữ số."));
  EXPECT_TRUE(contains(r.body, "Vui lòng nhập thông tin này."));
  EXPECT_TRUE(contains(r.body, "Số điện thoại phải gồm 8 đến 15 chữ số."));
  EXPECT_TRUE(contains(r.body, "Địa chỉ email phải có dạng ten@example.vn."));
  EXPECT_TRUE(contains(r.body, "Mật khẩu nhập lại không khớp."));
  EXPECT_TRUE(contains(r.body, "value=\"0101234567\""));
  EXPECT_TRUE(contains(r.body, "value=\"gia@example\""));
  EXPECT_FALSE(contains(r.body, "bimat-cua-toi"));
  EXPECT_TRUE(contains(r.body, "aria-invalid=\"true\""));
  EXPECT_FALSE(account("0101234567"));

  for (const auto& [password, message] : std::vector<std::pair<std::string, std::string>>{
           {"ngan", "Mật khẩu phải có ít nhất 8 ký tự."},
           {"062190008870", "Mật khẩu không được trùng với số định danh."},
           {"aaaaaaaaa", "Mật khẩu không được chỉ gồm một ký tự lặp lại."}}) {
    HttpResponse p = visitor_post("/dang-ky", registration("062190008870", "cong-dan", password));
    EXPECT_EQ(p.status, 422) << password;
    EXPECT_TRUE(contains(p.body, message)) << password;
  }
  HttpResponse no_kind = visitor_post("/dang-ky", registration("062190008870", "khac"));
  EXPECT_EQ(no_kind.status, 422);
  EXPECT_TRUE(contains(no_kind.body, "Vui lòng chọn Công dân hoặc Doanh nghiệp."));
  HttpResponse business_cccd =
      visitor_post("/dang-ky", registration("062190008870", "doanh-nghiep"));
  EXPECT_TRUE(contains(business_cccd.body, "Mã số thuế phải gồm 10 chữ số"));
  EXPECT_FALSE(account("062190008870"));
}

TEST_F(CitizenAccountsWeb, ASecondAccountForOneNumberIsRefused) {
  ASSERT_EQ(visitor_post("/dang-ky", registration()).status, 303);
  HttpResponse again = visitor_post("/dang-ky", registration());
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(contains(again.body, "Số định danh đã có tài khoản"));
  EXPECT_TRUE(cookie_pair(again, "motcua_portal").empty());
}

TEST_F(CitizenAccountsWeb, FormsWithoutTheirCsrfTokenChangeNothing) {
  HttpResponse r = post("/dang-ky", registration());
  EXPECT_EQ(r.status, 403);
  EXPECT_FALSE(account("062190008870"));
  auto [csrf, cookie] = visitor("/dang-ky");
  EXPECT_EQ(post("/dang-ky", "_csrf=forged&" + registration(), cookie).status, 403);
  EXPECT_FALSE(account("062190008870"));
  add_citizen_account("062190008870");
  EXPECT_EQ(post("/dang-nhap", "so_dinh_danh=062190008870&mat_khau=matkhau").status, 403);
  EXPECT_EQ(post("/quen-mat-khau", "so_dinh_danh=062190008870").status, 403);
  EXPECT_TRUE(outbox_.sent().empty());
  EXPECT_EQ(post("/dat-lai-mat-khau", "so_dinh_danh=062190008870&ma_xac_nhan=123456").status, 403);
}

TEST_F(CitizenAccountsWeb, SignInPageLinksStaffAndSignsInToTiep) {
  core::CitizenAccount a = add_citizen_account("062190008870");
  HttpResponse page = get("/dang-nhap?tiep=" + url_encoded("/quan-ly-ho-so?trang=2"));
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "href=\"/can-bo/dang-nhap\""));
  EXPECT_TRUE(contains(page.body, "href=\"/quen-mat-khau\""));
  EXPECT_TRUE(contains(page.body, "name=\"tiep\" value=\"/quan-ly-ho-so?trang&#61;2\""))
      << "kept, escaped";
  HttpResponse r = sign_in_post("062 190 008 870", kPassword, "/quan-ly-ho-so?trang=2");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(header_of(r, "Location"), "/quan-ly-ho-so?trang=2");
  std::string cookie = cookie_pair(r, "motcua_portal");
  EXPECT_TRUE(contains(get("/tai-khoan", cookie).body, "062190008870"));
  // Signed in already: the forms send the citizen on.
  EXPECT_EQ(get("/dang-nhap", cookie).status, 303);
  EXPECT_EQ(get("/dang-ky", cookie).status, 303);
  (void)a;
}

TEST_F(CitizenAccountsWeb, WrongNumberAndWrongPasswordGetOneMessage) {
  add_citizen_account("062190008870");
  HttpResponse wrong = sign_in_post("062190008870", "sai-mat-khau");
  HttpResponse unknown = sign_in_post("079000000000", "sai-mat-khau");
  for (const HttpResponse* r : {&wrong, &unknown}) {
    EXPECT_EQ(r->status, 401);
    EXPECT_TRUE(contains(r->body, "Số định danh hoặc mật khẩu không đúng."));
    EXPECT_FALSE(contains(r->body, "sai-mat-khau"));
    EXPECT_TRUE(cookie_pair(*r, "motcua_portal").empty());
  }
  EXPECT_TRUE(contains(wrong.body, "value=\"062190008870\""));
}

TEST_F(CitizenAccountsWeb, RepeatedFailuresLockTheNumberWithRetryAfter) {
  add_citizen_account("062190008870");
  int last = 0;
  for (std::int64_t i = 0; i < core::kFreeAttempts; ++i) {
    last = sign_in_post("062190008870", "sai-mat-khau").status;
  }
  EXPECT_EQ(last, 401);
  HttpResponse locked = sign_in_post("062190008870", kPassword);
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(header_of(locked, "Retry-After"), "60");
  EXPECT_TRUE(contains(locked.body, "Bạn đã đăng nhập sai quá nhiều lần"));
  // The staff username of the same text is not locked by it.
  EXPECT_EQ(sessions_->failures("062190008870").value().count, 0);
  clock_.advance(std::chrono::seconds(61));
  EXPECT_EQ(sign_in_post("062190008870", kPassword).status, 303);
}

TEST_F(CitizenAccountsWeb, SignOutNeedsTheSessionsCsrfAndEndsTheSession) {
  core::CitizenAccount a = add_citizen_account("062190008870");
  std::string cookie = citizen_cookie(a);
  HttpResponse home = get("/", cookie);
  std::string csrf = csrf_in(home.body);
  ASSERT_FALSE(csrf.empty());
  EXPECT_EQ(post("/dang-xuat", "_csrf=forged", cookie).status, 403);
  EXPECT_TRUE(contains(get("/", cookie).body, "VÕ ĐẶNG NGỌC GIẢ"));
  HttpResponse out = post("/dang-xuat", "_csrf=" + csrf, cookie);
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(header_of(out, "Location"), "/");
  std::string full;
  cookie_pair(out, "motcua_portal", &full);
  EXPECT_TRUE(contains(full, "Max-Age=0"));
  EXPECT_FALSE(contains(get("/", cookie).body, "VÕ ĐẶNG NGỌC GIẢ"));
  EXPECT_EQ(post("/dang-xuat", "_csrf=" + csrf).status, 303) << "nobody to sign out";
}

TEST_F(CitizenAccountsWeb, AStaffSessionIsNotACitizen) {
  std::string staff = sign_in();
  std::string token = staff.substr(staff.find('=') + 1);
  HttpResponse page = get("/tai-khoan", "motcua_portal=" + token);
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(header_of(page, "Location"), "/dang-nhap?tiep=%2Ftai-khoan");
  EXPECT_EQ(get("/tai-khoan", staff).status, 303);
}

TEST_F(CitizenAccountsWeb, ForgottenPasswordIsResetWithTheCodeOnce) {
  add_citizen_account("062190008870");
  // Lock the number first: the reset clears the lockout.
  for (std::int64_t i = 0; i < core::kFreeAttempts; ++i) sign_in_post("062190008870", "sai-mk");
  ASSERT_EQ(sign_in_post("062190008870", kPassword).status, 429);

  EXPECT_EQ(get("/quen-mat-khau").status, 200);
  HttpResponse asked = visitor_post("/quen-mat-khau", "so_dinh_danh=062190008870");
  ASSERT_EQ(asked.status, 303) << asked.body;
  std::string next = header_of(asked, "Location");
  EXPECT_EQ(next, "/dat-lai-mat-khau?so_dinh_danh=062190008870&da_gui=1");
  ASSERT_EQ(outbox_.sent().size(), 1u);
  EXPECT_EQ(outbox_.sent()[0].email, "gia@example.vn");
  EXPECT_EQ(outbox_.sent()[0].phone, "0886650748");
  std::string code = outbox_.last_code();
  ASSERT_EQ(code.size(), 6u);
  HttpResponse form = get(next);
  EXPECT_TRUE(contains(form.body, "mã xác nhận đã được gửi"));
  EXPECT_TRUE(contains(form.body, "value=\"062190008870\""));

  std::string wrong = code == "000000" ? "111111" : "000000";
  HttpResponse bad = visitor_post("/dat-lai-mat-khau",
                                  "so_dinh_danh=062190008870&ma_xac_nhan=" + wrong +
                                      "&mat_khau=mat-khau-moi&mat_khau_nhap_lai=mat-khau-moi");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "Mã xác nhận không đúng hoặc đã hết hạn."));
  HttpResponse weak =
      visitor_post("/dat-lai-mat-khau", "so_dinh_danh=062190008870&ma_xac_nhan=" + code +
                                            "&mat_khau=ngan&mat_khau_nhap_lai=ngan");
  EXPECT_TRUE(contains(weak.body, "Mật khẩu phải có ít nhất 8 ký tự."));
  HttpResponse done = visitor_post("/dat-lai-mat-khau",
                                   "so_dinh_danh=062190008870&ma_xac_nhan=" + code +
                                       "&mat_khau=mat-khau-moi&mat_khau_nhap_lai=mat-khau-moi");
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(header_of(done, "Location"), "/dang-nhap?da_dat_lai=1");
  EXPECT_TRUE(contains(get("/dang-nhap?da_dat_lai=1").body, "Đã đặt lại mật khẩu."));
  EXPECT_EQ(sign_in_post("062190008870", "mat-khau-moi").status, 303) << "lockout cleared";
  HttpResponse twice = visitor_post("/dat-lai-mat-khau",
                                    "so_dinh_danh=062190008870&ma_xac_nhan=" + code +
                                        "&mat_khau=mat-khau-khac&mat_khau_nhap_lai=mat-khau-khac");
  EXPECT_EQ(twice.status, 422);
}

TEST_F(CitizenAccountsWeb, ResetRequestsLookTheSameForUnknownNumbersAndAreLimitedPerAddress) {
  add_citizen_account("062190008870");
  HttpResponse known = visitor_post("/quen-mat-khau", "so_dinh_danh=062190008870");
  HttpResponse unknown = visitor_post("/quen-mat-khau", "so_dinh_danh=079000000000");
  EXPECT_EQ(known.status, unknown.status);
  EXPECT_EQ(header_of(unknown, "Location"), "/dat-lai-mat-khau?so_dinh_danh=079000000000&da_gui=1");
  EXPECT_EQ(outbox_.sent().size(), 1u);
  EXPECT_EQ(visitor_post("/quen-mat-khau", "so_dinh_danh=+").status, 422);
  int status = 0;
  for (int i = 2; i < AccountServices::kResetRequestsPerHour; ++i) {
    status = visitor_post("/quen-mat-khau", "so_dinh_danh=079000000000").status;
  }
  EXPECT_EQ(status, 303);
  HttpResponse limited = visitor_post("/quen-mat-khau", "so_dinh_danh=079000000000");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(header_of(limited, "Retry-After"), "3600");
  EXPECT_TRUE(contains(limited.body, "Bạn đã yêu cầu quá nhiều lần"));
}

TEST_F(CitizenAccountsWeb, AccountPageChangesContactAndPassword) {
  core::CitizenAccount a = add_citizen_account("062190008870");
  std::string cookie = citizen_cookie(a);
  HttpResponse page = get("/tai-khoan", cookie);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Thông tin tài khoản"));
  EXPECT_TRUE(contains(page.body, "value=\"0886650748\""));
  std::string csrf = "_csrf=" + csrf_in(page.body);

  EXPECT_EQ(post("/tai-khoan/lien-he", "_csrf=forged&dien_thoai=0905111222", cookie).status, 403);
  HttpResponse bad = post("/tai-khoan/lien-he", csrf + "&dien_thoai=12&email=x", cookie);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "Số điện thoại phải gồm 8 đến 15 chữ số."));
  EXPECT_TRUE(contains(bad.body, "value=\"12\""));
  EXPECT_EQ(account("062190008870")->phone, "0886650748");
  HttpResponse saved =
      post("/tai-khoan/lien-he",
           csrf + "&dien_thoai=0905111222&email=" + url_encoded("moi@example.vn"), cookie);
  ASSERT_EQ(saved.status, 303);
  EXPECT_EQ(header_of(saved, "Location"), "/tai-khoan?da_luu=lien-he");
  EXPECT_TRUE(contains(get("/tai-khoan?da_luu=lien-he", cookie).body, "Đã lưu thông tin liên hệ."));
  EXPECT_EQ(account("062190008870")->email, "moi@example.vn");

  HttpResponse wrong = post(
      "/tai-khoan/mat-khau",
      csrf + "&mat_khau_hien_tai=sai&mat_khau=mat-khau-moi&mat_khau_nhap_lai=mat-khau-moi", cookie);
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(contains(wrong.body, "Mật khẩu hiện tại không đúng."));
  HttpResponse changed = post("/tai-khoan/mat-khau",
                              csrf + "&mat_khau_hien_tai=" + kPassword +
                                  "&mat_khau=mat-khau-moi&mat_khau_nhap_lai=mat-khau-moi",
                              cookie);
  ASSERT_EQ(changed.status, 303);
  EXPECT_EQ(header_of(changed, "Location"), "/tai-khoan?da_luu=mat-khau");
  EXPECT_EQ(sign_in_post("062190008870", "mat-khau-moi").status, 303);
}

TEST_F(CitizenAccountsWeb, PagesSpeakEnglishOnRequest) {
  EXPECT_TRUE(contains(get("/dang-nhap?lang=en").body, "One-stop-shop officers sign in here"));
  EXPECT_TRUE(contains(get("/dang-ky?lang=en").body, "Register an account"));
  EXPECT_TRUE(contains(get("/quen-mat-khau?lang=en").body, "Forgot your password"));
}

}  // namespace
}  // namespace motcua::adapters::web
