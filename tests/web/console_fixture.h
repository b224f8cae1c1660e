#pragma once

// The console's web tests share this: a WebApp over a real SQLite store in a temporary
// directory, the ward H34.22.6 with its officer "canbo" (password "matkhau"), a clock standing
// at 26/04/2024 07:00 Vietnam time, and requests built by hand.
#include <gtest/gtest.h>

#include <cstdio>

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

// The value of the hidden _csrf field in a page.
inline bool contains(const std::string& body, std::string_view what) {
  return body.find(what) != std::string::npos;
}

inline std::string csrf_in(const std::string& html) {
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
      if (!id.ok()) return id.error();
      officer_id_ = *id;
      return {};
    });
    ASSERT_TRUE(seeded.ok()) << seeded.error().message;
    auth_ =
        std::make_unique<app::StaffAuthentication>(*store_, *sessions_, hasher_, tokens_, clock_);
    app_ = std::make_unique<WebApp>(WebDependencies{*store_, *auth_, tokens_, clock_, calendar_,
                                                    load_shipped_templates().value(), false});
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

  // Signs in (the unit's officer "canbo" unless told) and returns the session cookie pair.
  std::string sign_in(const std::string& username = "canbo") {
    HttpResponse form = get("/can-bo/dang-nhap");
    std::string login_cookie = cookie_pair(form, "motcua_login_csrf");
    HttpResponse r =
        post("/can-bo/dang-nhap",
             "_csrf=" + csrf_in(form.body) + "&username=" + username + "&password=matkhau",
             login_cookie);
    EXPECT_EQ(r.status, 303) << r.body;
    return cookie_pair(r, "motcua_session");
  }

  // A case received at 07:27:52 on 26/04/2024 with the guide's two fee lines, the first paid.
  core::CaseRecord seed_case(const std::string& code, const std::string& agency,
                             const std::string& name, const std::string& id_number,
                             core::CaseStatus status = core::CaseStatus::kAccepted) {
    using namespace std::chrono_literals;
    core::CaseRecord c;
    c.code = code;
    c.procedure_code = "2.000815.000.00.00.H34";
    c.procedure_name = "Thủ tục chứng thực bản sao từ bản chính";
    c.receiving_agency_code = c.processing_agency_code = agency;
    c.submitter = {name, id_number, "Kon Tum", "0886650748", ""};
    c.owner = c.submitter;
    auto received = std::chrono::sys_days{std::chrono::year{2024} / 4 / 26} + 27min + 52s;
    c.submitted_at = received;
    c.received_at = received;
    c.deadline_at = received + 24h * 6;
    c.appointment_at = received + 24h * 8;
    c.status = status;
    if (agency == "H34.22.6") c.assigned_staff_id = officer_id_;
    core::FeeLine paid{"Phí chứng thực bản sao từ bản chính",
                       "Phí chứng thực bản sao từ bản chính",
                       1,
                       core::Money::dong(2000),
                       core::Money::dong(2000),
                       true,
                       core::PaymentMethod::kPaymentPlatform};
    core::FeeLine unpaid{"Phí chứng thực bản sao từ bản chính",
                         "Phí chứng thực bản sao từ bản chính từ trang thứ 3.",
                         1,
                         core::Money::dong(1000),
                         core::Money::dong(1000),
                         false,
                         std::nullopt};
    c.fee_lines = {paid, unpaid};
    core::Status s = store_->transact([&](app::Repositories& r) -> core::Status {
      auto id = r.cases().insert(c);
      if (!id.ok()) return id.error();
      c.id = *id;
      return {};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return c;
  }

  void seed_two_cases() {
    seed_case(kWardCase, "H34.22.6", "Võ Đặng Ngọc Giả", "062190008870");
    seed_case(kJusticeCase, "H34.4", "Võ Đặng Ngọc Giả", "062190008871");
  }

  static constexpr const char* kWardCase = "H34.22.6-240426-0002";
  static constexpr const char* kJusticeCase = "H34.4-240426-0001";
  std::int64_t officer_id_ = 0;
  testing::TempDir dir_{"motcua-console"};
  core::WorkingCalendar calendar_ = core::WorkingCalendar::create(core::fixtures::announced_years(),
                                                                  core::WorkingHours::standard())
                                        .value();
  motcua::testing::FakeClock clock_{std::chrono::sys_days{std::chrono::year{2024} / 4 / 26}};
  security::Argon2PasswordHasher hasher_{security::Argon2Cost::fast()};
  security::SodiumTokenService tokens_;
  std::unique_ptr<app::Store> store_;
  std::unique_ptr<app::WebSessionStore> sessions_;
  std::unique_ptr<app::StaffAuthentication> auth_;
  std::unique_ptr<WebApp> app_;
};

}  // namespace motcua::adapters::web
