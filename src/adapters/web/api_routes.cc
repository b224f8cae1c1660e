// The JSON API under /api/v1: the session (sign-in and sign-out) here, cases in api_cases.cc
// and api_intake.cc. Documented in docs/openapi.yaml; a test keeps the two in step.
#include "adapters/web/api_routes.h"

#include <boost/json.hpp>

#include "adapters/web/api_support.h"
#include "adapters/web/console_pages.h"
#include "adapters/web/form.h"
#include "adapters/web/page_support.h"

namespace motcua::adapters::web {
namespace {

namespace json = boost::json;

json::array role_names(std::uint32_t roles) {
  json::array names;
  if (roles & core::kRoleOfficer) names.emplace_back("officer");
  if (roles & core::kRoleUnitLead) names.emplace_back("unit_lead");
  if (roles & core::kRoleAgencyLookup) names.emplace_back("agency_lookup");
  if (roles & core::kRoleAdmin) names.emplace_back("admin");
  return names;
}

// A string member of `body`, or nothing when it is absent or not a string.
std::optional<std::string> string_member(const json::object& body, std::string_view key) {
  const json::value* v = body.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->get_string());
}

// POST /api/v1/session {username, password}. No CSRF token exists yet; the JSON content type
// it insists on is what a cross-site form cannot send.
HttpResponse sign_in(WebState& state, HttpRequest& request) {
  if (!has_json_body(request)) {
    return problem(request, 415, "unsupported_media", "send Content-Type: application/json");
  }
  json::error_code ec;
  json::value parsed = json::parse(request.body, ec);
  if (ec || !parsed.is_object()) {
    return problem(request, 400, "bad_json", "the body must be a JSON object");
  }
  std::optional<std::string> username = string_member(parsed.get_object(), "username");
  std::optional<std::string> password = string_member(parsed.get_object(), "password");
  std::vector<FieldProblem> missing;
  if (!username) missing.push_back({"username", "a string is required"});
  if (!password) missing.push_back({"password", "a string is required"});
  if (!missing.empty()) {
    return problem(request, 422, "validation", "username and password are required", missing);
  }
  core::Result<app::StaffSession> session = state.deps.staff_auth.sign_in(*username, *password);
  if (!session.ok()) {
    if (session.error().kind == core::ErrorKind::kUnauthenticated) {
      return problem(request, 401, "wrong_credentials", session.error().message);
    }
    HttpResponse refused = problem_for(request, session.error());
    if (session.error().kind == core::ErrorKind::kRateLimited) {
      auto until = state.deps.staff_auth.locked_until(*username);
      long long seconds = 60;
      if (until.ok() && until->has_value()) {
        seconds = std::max<long long>(1, (**until - state.deps.clock.now()).count());
      }
      refused.with_header("Retry-After", std::to_string(seconds));
    }
    return refused;
  }
  const core::StaffMember& staff = session->staff;
  json::object body{{"user", json::object{{"id", staff.id},
                                          {"username", staff.username},
                                          {"full_name", staff.full_name},
                                          {"agency_code", staff.agency_code},
                                          {"roles", role_names(staff.roles)}}},
                    {"csrf_token", session->csrf_token}};
  HttpResponse response = json_response(200, body);
  response.with_header("Set-Cookie",
                       cookie_header(kSessionCookie, session->token, state.deps.secure_cookies));
  return response;
}

// DELETE /api/v1/session: signs out (with the CSRF header, like every change).
HttpResponse sign_out(WebState& state, HttpRequest& request, const app::StaffSession& session) {
  core::Status ended = state.deps.staff_auth.sign_out(session.token);
  if (!ended.ok()) return problem_for(request, ended.error());
  HttpResponse response{204, kJsonType, {}, ""};
  response.with_header("Set-Cookie",
                       cookie_header(kSessionCookie, "", state.deps.secure_cookies, 0));
  return response;
}

}  // namespace

void add_api_routes(WebState& state) {
  state.router.add("POST", "/api/v1/session",
                   [&state](HttpRequest& request) { return sign_in(state, request); });
  state.router.add(
      "DELETE", "/api/v1/session",
      api_staff_only(state, false, [&state](HttpRequest& r, const app::StaffSession& s) {
        return sign_out(state, r, s);
      }));
  add_api_case_routes(state);
  add_api_intake_routes(state);
}

}  // namespace motcua::adapters::web
