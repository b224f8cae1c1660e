#pragma once
// The console's web layer in process: WebApp over a real SQLite store in a temporary directory,
// requests built by hand, responses read as a browser would. Shared by the console's web tests.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "../fakes/fake_clock.h"
#include "../support/temp_dir.h"
#include "../unit/calendar_fixtures.h"
#include "adapters/security/argon2_password_hasher.h"
#include "adapters/security/sodium_token_service.h"
#include "adapters/storage/open_store.h"
#include "adapters/web/form.h"
#include "adapters/web/web_app.h"

namespace motcua::adapters::web {

inline std::string header_of(const HttpResponse& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

// "name=value" of a Set-Cookie header, without attributes.
inline std::string cookie_pair(const HttpResponse& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == "Set-Cookie" && v.rfind(std::string(name) + "=", 0) == 0)
      return v.substr(0, v.find(';'));
  }
  return "";
}

// The value of the first hidden _csrf field in a page.
inline std::string csrf_in(const std::string& html) {
  std::string marker = "name=\"_csrf\" value=\"";
  size_t at = html.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return html.substr(at, html.find('"', at) - at);
}

class WebConsoleTest : public ::testing::Test {
 protected:
  // Migrates and opens the store; seed it, then call start_app().
  void open_store() {
    std::string url = "sqlite://" + dir_.file("motcua.db");
    ASSERT_TRUE(storage::migrate(url).ok());
    store_ = std::move(storage::open_store(url)).value();
    sessions_ = std::move(storage::open_web_session_store(url)).value();
  }

  void start_app() {
    auth_ =
        std::make_unique<app::StaffAuthentication>(*store_, *sessions_, hasher_, tokens_, clock_);
    app_ = std::make_unique<WebApp>(WebDependencies{*store_, *auth_, tokens_, clock_, calendar_,
                                                    load_shipped_templates().value(), false,
                                                    &hasher_});
  }

  HttpResponse get(const std::string& path, const std::string& cookies = "") {
    HttpRequest r;
    r.method = "GET";
    r.target = path;
    size_t q = path.find('?');
    r.path = path.substr(0, q);
    if (q != std::string::npos) {
      // Decoded as the server does ('+' and %XX); a repeated key keeps its first value.
      for (const auto& [key, value] : parse_form(path.substr(q + 1))) r.query.emplace(key, value);
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
  std::string sign_in_as(const std::string& username, const std::string& password) {
    HttpResponse form = get("/can-bo/dang-nhap");
    std::string login_cookie = cookie_pair(form, "motcua_login_csrf");
    HttpResponse r =
        post("/can-bo/dang-nhap",
             "_csrf=" + csrf_in(form.body) + "&username=" + username + "&password=" + password,
             login_cookie);
    EXPECT_EQ(r.status, 303) << r.body;
    return cookie_pair(r, "motcua_session");
  }

  testing::TempDir dir_{"motcua-console"};
  core::WorkingCalendar calendar_ = core::WorkingCalendar::create(core::fixtures::announced_years(),
                                                                  core::WorkingHours::standard())
                                        .value();
  testing::FakeClock clock_{std::chrono::sys_days{std::chrono::year{2024} / 4 / 26}};
  security::Argon2PasswordHasher hasher_{security::Argon2Cost::fast()};
  security::SodiumTokenService tokens_;
  std::unique_ptr<app::Store> store_;
  std::unique_ptr<app::WebSessionStore> sessions_;
  std::unique_ptr<app::StaffAuthentication> auth_;
  std::unique_ptr<WebApp> app_;
};

}  // namespace motcua::adapters::web
