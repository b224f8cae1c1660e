#pragma once
// The API and security tests: the guide's two units and their province, four staff members with
// different scopes, the copy-certification procedure, and JSON calls as an API client makes them.
#include <string>

#include "web_app_fixture.h"

namespace motcua::adapters::web {

// A signed-in API client: the cookie to send and the CSRF token for changes.
struct ApiSession {
  std::string cookie;
  std::string csrf;
};

class WebFixture : public WebAppFixture {
 protected:
  core::Status seed_data(app::Repositories& r) override {
    if (auto s = save_guide_units(r); !s.ok()) return s;
    for (auto [username, name, agency, roles] :
         {std::tuple{"canbo", "Cán bộ phường", "H34.22.6", std::uint32_t{core::kRoleOfficer}},
          {"tracuu", "Cán bộ tra cứu", "H34.22.6",
           std::uint32_t{core::kRoleOfficer | core::kRoleAgencyLookup}},
          {"sotuphap", "Cán bộ Sở Tư pháp", "H34.4", std::uint32_t{core::kRoleOfficer}},
          {"quantri", "Quản trị", "H34", std::uint32_t{core::kRoleAdmin}}}) {
      if (auto s = add_staff(r, username, name, agency, roles); !s.ok()) return s;
    }
    return r.procedures().save(copy_certification());
  }

  // A JSON call as an API client makes it: the session cookie and its CSRF header.
  HttpResponse api(const std::string& method, const std::string& target, const ApiSession& session,
                   std::string body = "") {
    Headers headers = {{"Cookie", session.cookie}, {"X-CSRF-Token", session.csrf}};
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
};

}  // namespace motcua::adapters::web
