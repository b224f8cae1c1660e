// The console's web layer end to end in process: WebApp over a real SQLite store, requests
// built by hand, responses read as a browser would.
#include <gtest/gtest.h>

#include "../fakes/fake_clock.h"
#include "../support/temp_dir.h"
#include "adapters/security/argon2_password_hasher.h"
#include "adapters/security/sodium_token_service.h"
#include "adapters/storage/open_store.h"
#include "adapters/web/web_app.h"

namespace motcua::adapters::web {
namespace {

using testing::FakeClock;

std::string header_of(const HttpResponse& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

// "name=value" of a Set-Cookie header, without attributes.
std::string cookie_pair(const HttpResponse& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == "Set-Cookie" && v.rfind(std::string(name) + "=", 0) == 0)
      return v.substr(0, v.find(';'));
  }
  return "";
}

// The value of the hidden _csrf field in a page.
std::string csrf_in(const std::string& html) {
  std::string marker = "name=\"_csrf\" value=\"";
  size_t at = html.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return html.substr(at, html.find('"', at) - at);
}

class Console : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string url = "sqlite://" + dir_.file("motcua.db");
    ASSERT_TRUE(storage::migrate(url).ok());
    store_ = std::move(storage::open_store(url)).value();
    sessions_ = std::move(storage::open_web_session_store(url)).value();
    std::string hash = hasher_.hash("matkhau").value();
    core::Status seeded = store_->transact([&](app::Repositories& r) -> core::Status {
      core::Agency ward;
      ward.code = "H34.22.6";
      ward.name = "Bộ phận TN&TKQ phường Trần Hưng Đạo";
      if (auto s = r.agencies().save(ward); !s.ok()) return s;
      auto id = r.staff().create(
          {0, "canbo", "<script>alert(1)</script> Võ", "H34.22.6", core::kRoleOfficer, hash, true});
      return id.ok() ? core::Status{} : core::Status{id.error()};
    });
    ASSERT_TRUE(seeded.ok()) << seeded.error().message;
    auth_ =
        std::make_unique<app::StaffAuthentication>(*store_, *sessions_, hasher_, tokens_, clock_);
    app_ = std::make_unique<WebApp>(
        WebDependencies{*store_, *auth_, tokens_, clock_, load_shipped_templates().value(), false});
  }

  HttpResponse get(const std::string& path, const std::string& cookies = "") {
    HttpRequest r;
    r.method = "GET";
    r.target = path;
    size_t q = path.find('?');
    r.path = path.substr(0, q);
    if (q != std::string::npos) {
      std::string query = path.substr(q + 1);
      size_t eq = query.find('=');
      r.query.emplace(query.substr(0, eq), query.substr(eq + 1));
    }
    if (!cookies.empty()) r.headers["Cookie"] = cookies;
    return app_->handle(r);
  }

  HttpResponse post(const std::string& path, const std::string& body,
                    const std::string& cookies = "") {
    HttpRequest r;
    r.method = "POST";
    r.target = r.path = path;
    r.body = body;
    r.headers["Content-Type"] = "application/x-www-form-urlencoded";
    if (!cookies.empty()) r.headers["Cookie"] = cookies;
    return app_->handle(r);
  }

  // Signs in and returns the session cookie pair.
  std::string sign_in() {
    HttpResponse form = get("/can-bo/dang-nhap");
    std::string login_cookie = cookie_pair(form, "motcua_login_csrf");
    HttpResponse r =
        post("/can-bo/dang-nhap",
             "_csrf=" + csrf_in(form.body) + "&username=canbo&password=matkhau", login_cookie);
    EXPECT_EQ(r.status, 303) << r.body;
    return cookie_pair(r, "motcua_session");
  }

  testing::TempDir dir_{"motcua-console"};
  FakeClock clock_{std::chrono::sys_days{std::chrono::year{2024} / 4 / 26}};
  security::Argon2PasswordHasher hasher_{security::Argon2Cost::fast()};
  security::SodiumTokenService tokens_;
  std::unique_ptr<app::Store> store_;
  std::unique_ptr<app::WebSessionStore> sessions_;
  std::unique_ptr<app::StaffAuthentication> auth_;
  std::unique_ptr<WebApp> app_;
};

TEST_F(Console, StrangersAreSentToSignIn) {
  HttpResponse r = get("/can-bo");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(header_of(r, "Location"), "/can-bo/dang-nhap");
  EXPECT_EQ(get("/can-bo/tra-cuu/don-vi").status, 303);
}

TEST_F(Console, SignInPageIsVietnameseWithSecurityHeaders) {
  HttpResponse r = get("/can-bo/dang-nhap");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(r.body.find("Tên đăng nhập"), std::string::npos);
  EXPECT_NE(r.body.find("Mật khẩu"), std::string::npos);
  EXPECT_NE(header_of(r, "Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(header_of(r, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(header_of(r, "X-Frame-Options"), "DENY");
  std::string cookie;
  for (const auto& [n, v] : r.headers) {
    if (n == "Set-Cookie") cookie = v;
  }
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_FALSE(csrf_in(r.body).empty());
}

TEST_F(Console, EnglishIsSelectableAndRemembered) {
  HttpResponse r = get("/can-bo/dang-nhap?lang=en");
  EXPECT_NE(r.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(r.body.find("Username"), std::string::npos);
  EXPECT_EQ(cookie_pair(r, "lang"), "lang=en");
  EXPECT_NE(get("/can-bo/dang-nhap", "lang=en").body.find("Password"), std::string::npos);
}

TEST_F(Console, SignInWithoutTheFormTokenIsRefused) {
  HttpResponse r = post("/can-bo/dang-nhap", "username=canbo&password=matkhau");
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("Biểu mẫu đã hết hạn"), std::string::npos);
  EXPECT_TRUE(cookie_pair(r, "motcua_session").empty());
}

TEST_F(Console, WrongPasswordSaysSoInVietnamese) {
  HttpResponse form = get("/can-bo/dang-nhap");
  HttpResponse r =
      post("/can-bo/dang-nhap", "_csrf=" + csrf_in(form.body) + "&username=canbo&password=sai",
           cookie_pair(form, "motcua_login_csrf"));
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("Tên đăng nhập hoặc mật khẩu không đúng."), std::string::npos);
  EXPECT_NE(r.body.find("value=\"canbo\""), std::string::npos);
}

TEST_F(Console, SignedInOfficerSeesTheDashboardWithTheGuidesMenu) {
  std::string session = sign_in();
  ASSERT_FALSE(session.empty());
  HttpResponse r = get("/can-bo", session);
  ASSERT_EQ(r.status, 200) << r.body;
  for (const char* label : {"Danh sách công việc", "Đã hủy", "Đã trả kết quả", "HS đã rút",
                            "Hồ sơ chờ tiếp nhận", "Tiếp nhận hồ sơ", "Tra cứu hồ sơ toàn cơ quan",
                            "Cấu hình số hồ sơ", "Kho dữ liệu điện tử", "Được tiếp nhận"}) {
    EXPECT_NE(r.body.find(label), std::string::npos) << label;
  }
  EXPECT_EQ(r.body.find("<script>alert(1)</script>"), std::string::npos) << "name not escaped";
  EXPECT_NE(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt; Võ"), std::string::npos);
  EXPECT_EQ(header_of(r, "Cache-Control"), "no-store");
}

TEST_F(Console, EveryMenuEntryLeadsSomewhereHonest) {
  std::string session = sign_in();
  for (const char* path :
       {"/can-bo/ho-so-cho-tiep-nhan", "/can-bo/import-excel", "/can-bo/ho-so-khong-can-xu-ly",
        "/can-bo/du-lieu-mot-cua", "/can-bo/danh-gia-du-lieu", "/can-bo/kho-du-lieu-dien-tu"}) {
    HttpResponse r = get(path, session);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_NE(r.body.find("Chức năng đang được xây dựng"), std::string::npos) << path;
  }
}

TEST_F(Console, SignOutNeedsTheFormTokenAndEndsTheSession) {
  std::string session = sign_in();
  std::string csrf = csrf_in(get("/can-bo", session).body);
  EXPECT_EQ(post("/can-bo/dang-xuat", "_csrf=forged", session).status, 403);
  EXPECT_EQ(get("/can-bo", session).status, 200);
  HttpResponse out = post("/can-bo/dang-xuat", "_csrf=" + csrf, session);
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(get("/can-bo", session).status, 303);
}

TEST_F(Console, HealthMetricsAndStaticFiles) {
  EXPECT_EQ(get("/healthz").status, 200);
  get("/can-bo");
  HttpResponse metrics = get("/metrics");
  EXPECT_NE(metrics.body.find("motcua_http_requests_total{method=\"GET\",status=\"303\"}"),
            std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("motcua_http_request_duration_seconds_count"), std::string::npos);
  HttpResponse css = get("/static/console.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.content_type, "text/css; charset=utf-8");
  std::string etag = header_of(css, "ETag");
  ASSERT_FALSE(etag.empty());
  HttpRequest again;
  again.method = "GET";
  again.target = again.path = "/static/console.css";
  again.headers["If-None-Match"] = etag;
  EXPECT_EQ(app_->handle(again).status, 304);
  EXPECT_EQ(get("/static/missing.css").status, 404);
}

}  // namespace
}  // namespace motcua::adapters::web
