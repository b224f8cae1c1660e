#pragma once

// An in-process WebApp over a fresh SQLite store, for the API and security tests: the guide's
// two units and their province, four staff members with different scopes, the
// copy-certification procedure, cases seeded directly, and requests sent straight to
// WebApp::handle or, with start_server(), over a real socket.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "../fakes/fake_clock.h"
#include "../support/temp_dir.h"
#include "../unit/calendar_fixtures.h"
#include "adapters/security/argon2_password_hasher.h"
#include "adapters/security/sodium_token_service.h"
#include "adapters/storage/open_store.h"
#include "adapters/web/form.h"
#include "adapters/web/http_server.h"
#include "adapters/web/web_app.h"

namespace motcua::adapters::web {

using namespace std::chrono_literals;

inline std::string header_of(const HttpResponse& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

// "name=value" of a Set-Cookie header, without attributes; the whole header in `full`.
inline std::string cookie_pair(const HttpResponse& r, std::string_view name,
                               std::string* full = nullptr) {
  for (const auto& [n, v] : r.headers) {
    if (n == "Set-Cookie" && v.rfind(std::string(name) + "=", 0) == 0) {
      if (full) *full = v;
      return v.substr(0, v.find(';'));
    }
  }
  return "";
}

// The value of the hidden _csrf field in a page.
inline std::string csrf_in(const std::string& html) {
  std::string marker = "name=\"_csrf\" value=\"";
  size_t at = html.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return html.substr(at, html.find('"', at) - at);
}

inline bool contains(const std::string& text, std::string_view what) {
  return text.find(what) != std::string::npos;
}

// The body parsed as JSON; a test failure (and null) when it is not JSON.
inline boost::json::value parsed(const HttpResponse& r) {
  boost::json::error_code ec;
  boost::json::value v = boost::json::parse(r.body, ec);
  EXPECT_FALSE(ec) << "not JSON: " << r.body;
  return ec ? boost::json::value() : v;
}

// A signed-in API client: the cookie to send and the CSRF token for changes.
struct ApiSession {
  std::string cookie;
  std::string csrf;
};

class WebFixture : public ::testing::Test {
 protected:
  static constexpr const char* kWardCase = "H34.22.6-240426-0002";
  static constexpr const char* kJusticeCase = "H34.4-240426-0001";
  static constexpr const char* kProcedure = "2.000815.000.00.00.H34";
  static constexpr const char* kPassword = "matkhau";

  void SetUp() override {
    std::string url = "sqlite://" + dir_.file("motcua.db");
    ASSERT_TRUE(storage::migrate(url).ok());
    store_ = std::move(storage::open_store(url)).value();
    sessions_ = std::move(storage::open_web_session_store(url)).value();
    std::string hash = hasher_.hash(kPassword).value();
    core::Status seeded = store_->transact([&](app::Repositories& r) -> core::Status {
      for (auto [code, name] : {std::pair{"H34", "Tỉnh Kon Tum"},
                                {"H34.22.6", "Bộ phận TN&TKQ phường Trần Hưng Đạo"},
                                {"H34.4", "Sở Tư pháp"}}) {
        core::Agency agency;
        agency.code = code;
        agency.name = name;
        if (std::string_view(code) != "H34") agency.parent_code = "H34";
        if (auto s = r.agencies().save(agency); !s.ok()) return s;
      }
      struct Member {
        const char* username;
        const char* name;
        const char* agency;
        std::uint32_t roles;
        std::int64_t* id;
      };
      for (const Member& m :
           {Member{"canbo", "Cán bộ phường", "H34.22.6", core::kRoleOfficer, &officer_id_},
            Member{"tracuu", "Cán bộ tra cứu", "H34.22.6",
                   core::kRoleOfficer | core::kRoleAgencyLookup, &lookup_id_},
            Member{"sotuphap", "Cán bộ Sở Tư pháp", "H34.4", core::kRoleOfficer, &justice_id_},
            Member{"quantri", "Quản trị", "H34", core::kRoleAdmin, &admin_id_}}) {
        auto id = r.staff().create({0, m.username, m.name, m.agency, m.roles, hash, true});
        if (!id.ok()) return id.error();
        *m.id = *id;
      }
      return r.procedures().save(copy_certification());
    });
    ASSERT_TRUE(seeded.ok()) << seeded.error().message;
    auth_ =
        std::make_unique<app::StaffAuthentication>(*store_, *sessions_, hasher_, tokens_, clock_);
    app_ = std::make_unique<WebApp>(WebDependencies{*store_, *auth_, tokens_, clock_, calendar_,
                                                    load_shipped_templates().value(), false});
  }

  void TearDown() override {
    if (server_) server_->stop(std::chrono::milliseconds(1000));
  }

  static core::Procedure copy_certification() {
    core::Procedure p;
    p.code = kProcedure;
    p.name = "Thủ tục chứng thực bản sao từ bản chính";
    p.field = "Chứng thực";
    p.level = "Xã";
    p.processing_days = 1;
    core::ProcedureFee fee;
    fee.item.name = "Phí chứng thực bản sao từ bản chính";
    fee.item.unit = "trang";
    fee.item.tiers = {
        {1, core::Money::dong(2000), "Phí chứng thực bản sao từ bản chính"},
        {3, core::Money::dong(1000), "Phí chứng thực bản sao từ bản chính từ trang thứ 3."}};
    fee.item.cap_per_set = core::Money::dong(200000);
    fee.valid_from = std::chrono::sys_days{std::chrono::year{2017} / 1 / 1};
    p.fees = {fee};
    p.confirmed = true;
    return p;
  }

  // Any request, straight to the application. `headers` as {name, value} pairs.
  HttpResponse send(const std::string& method, const std::string& target, std::string body = "",
                    const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    HttpRequest r;
    r.method = method;
    r.target = target;
    size_t q = target.find('?');
    r.path = target.substr(0, q);
    if (q != std::string::npos) {
      // Decoded as the server does ('+' and %XX); a repeated key keeps its first value.
      for (const auto& [key, value] : parse_form(target.substr(q + 1))) r.query.emplace(key, value);
    }
    r.body = std::move(body);
    for (const auto& [name, value] : headers) r.headers[name] = value;
    return app_->handle(r);
  }

  HttpResponse get(const std::string& target, const std::string& cookie = "") {
    return send("GET", target, "",
                cookie.empty()
                    ? std::vector<std::pair<std::string, std::string>>{}
                    : std::vector<std::pair<std::string, std::string>>{{"Cookie", cookie}});
  }

  HttpResponse post_form(const std::string& path, const std::string& body,
                         const std::string& cookie = "") {
    return send("POST", path, body,
                {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", cookie}});
  }

  // A JSON call as an API client makes it: the session cookie and its CSRF header.
  HttpResponse api(const std::string& method, const std::string& target, const ApiSession& session,
                   std::string body = "") {
    std::vector<std::pair<std::string, std::string>> headers = {{"Cookie", session.cookie},
                                                                {"X-CSRF-Token", session.csrf}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return send(method, target, std::move(body), headers);
  }

  ApiSession api_sign_in(const std::string& username) {
    HttpResponse r = send("POST", "/api/v1/session",
                          R"({"username":")" + username + R"(","password":")" + kPassword + "\"}",
                          {{"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, 200) << r.body;
    ApiSession session{cookie_pair(r, "motcua_session"), ""};
    boost::json::value body = parsed(r);
    if (body.is_object() && body.as_object().contains("csrf_token")) {
      session.csrf = std::string(body.at("csrf_token").as_string());
    }
    return session;
  }

  // Signs in through the console's form; the session cookie pair.
  std::string console_sign_in(const std::string& username) {
    HttpResponse form = get("/can-bo/dang-nhap");
    HttpResponse r = post_form(
        "/can-bo/dang-nhap",
        "_csrf=" + csrf_in(form.body) + "&username=" + username + "&password=" + kPassword,
        cookie_pair(form, "motcua_login_csrf"));
    EXPECT_EQ(r.status, 303) << r.body;
    return cookie_pair(r, "motcua_session");
  }

  // A case received at 07:27:52 on 26/04/2024 with the guide's two fee lines, the first paid;
  // a ward case is assigned to the officer "canbo".
  core::CaseRecord seed_case(const std::string& code, const std::string& agency,
                             core::CasePerson submitter,
                             core::CaseStatus status = core::CaseStatus::kAccepted,
                             const std::function<void(core::CaseRecord&)>& adjust = {}) {
    core::CaseRecord c;
    c.code = code;
    c.procedure_code = kProcedure;
    c.procedure_name = "Thủ tục chứng thực bản sao từ bản chính";
    c.receiving_agency_code = c.processing_agency_code = agency;
    c.submitter = submitter;
    c.owner = std::move(submitter);
    auto received = std::chrono::sys_days{std::chrono::year{2024} / 4 / 26} + 27min + 52s;
    c.submitted_at = received;
    c.received_at = received;
    c.deadline_at = received + 24h * 6;
    c.appointment_at = received + 24h * 8;
    c.status = status;
    if (agency == "H34.22.6") c.assigned_staff_id = officer_id_;
    c.fee_lines = {{"Phí chứng thực bản sao từ bản chính", "Phí chứng thực bản sao từ bản chính", 1,
                    core::Money::dong(2000), core::Money::dong(2000), true,
                    core::PaymentMethod::kPaymentPlatform},
                   {"Phí chứng thực bản sao từ bản chính",
                    "Phí chứng thực bản sao từ bản chính từ trang thứ 3.", 1,
                    core::Money::dong(1000), core::Money::dong(1000), false, std::nullopt}};
    if (adjust) adjust(c);
    core::Status s = store_->transact([&](app::Repositories& r) -> core::Status {
      auto id = r.cases().insert(c);
      if (!id.ok()) return id.error();
      c.id = *id;
      return {};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return c;
  }

  static core::CasePerson citizen(const std::string& id_number) {
    return {"Võ Đặng Ngọc Giả", id_number, "Kon Tum", "0886650748", "gia@example.vn"};
  }

  void seed_two_cases() {
    seed_case(kWardCase, "H34.22.6", citizen("062190008870"));
    seed_case(kJusticeCase, "H34.4", citizen("062190008871"));
  }

  // The stored case, read behind the web layer's back.
  std::optional<core::CaseRecord> stored(const std::string& code) {
    std::optional<core::CaseRecord> found;
    core::Status s = store_->read([&](app::Repositories& r) -> core::Status {
      auto c = r.cases().find_by_code(code);
      if (!c.ok()) return c.error();
      found = *c;
      return {};
    });
    EXPECT_TRUE(s.ok());
    return found;
  }

  // Serves the application on a real socket (port 0); returns the port.
  std::uint16_t start_server() {
    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    server_ =
        std::make_unique<HttpServer>(options, [this](HttpRequest& r) { return app_->handle(r); });
    core::Status started = server_->start();
    EXPECT_TRUE(started.ok()) << started.error().message;
    return server_->port();
  }

  std::int64_t officer_id_ = 0;
  std::int64_t lookup_id_ = 0;
  std::int64_t justice_id_ = 0;
  std::int64_t admin_id_ = 0;
  motcua::testing::TempDir dir_{"motcua-web"};
  core::WorkingCalendar calendar_ = core::WorkingCalendar::create(core::fixtures::announced_years(),
                                                                  core::WorkingHours::standard())
                                        .value();
  // 07:00 on Friday 26/04/2024, Vietnam time: within working hours.
  motcua::testing::FakeClock clock_{std::chrono::sys_days{std::chrono::year{2024} / 4 / 26}};
  security::Argon2PasswordHasher hasher_{security::Argon2Cost::fast()};
  security::SodiumTokenService tokens_;
  std::unique_ptr<app::Store> store_;
  std::unique_ptr<app::WebSessionStore> sessions_;
  std::unique_ptr<app::StaffAuthentication> auth_;
  std::unique_ptr<WebApp> app_;
  std::unique_ptr<HttpServer> server_;
};

}  // namespace motcua::adapters::web
