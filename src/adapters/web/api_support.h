#pragma once

// What every /api/v1 handler shares: JSON and problem+json answers (RFC 9457), the signed-in
// staff member from the session cookie, and the CSRF header on state-changing calls. Boost.JSON
// stays in the .cc files; this header only names its types.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/web/web_state.h"
#include "app/staff_authentication.h"
#include "core/error.h"

namespace boost::json {
class value;
class object;
}  // namespace boost::json

namespace motcua::adapters::web {

inline constexpr const char* kJsonType = "application/json";
inline constexpr const char* kProblemType = "application/problem+json";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

// `body` serialised, with '<', '>', '&' and '\'' written as \u00XX: still the same JSON, but
// inert if a client ever pastes it into HTML.
std::string json_text(const boost::json::value& body);
// The language of API texts: English, Vietnamese when Accept-Language starts with "vi".
Language api_language(const HttpRequest& request);
HttpResponse json_response(int status, const boost::json::value& body);

// One bad input field of a request: a path such as "submitter.name" and what is wrong.
struct FieldProblem {
  std::string field;
  std::string message;
};

// An application/problem+json answer: type "urn:motcua:problem:<name>", the title of
// messages_api.cc key "api_<name>" (English unless the client asks for Vietnamese with
// Accept-Language), status, detail, and `errors` when there are field problems.
HttpResponse problem(const HttpRequest& request, int status, std::string_view name,
                     std::string detail, const std::vector<FieldProblem>& errors = {});

// The problem for a domain error: the status from http_status_for, the error's message as
// the detail.
HttpResponse problem_for(const HttpRequest& request, const core::Error& error);

// A router 404/405 under /api/ turned into problem+json; any other response unchanged.
HttpResponse api_fallback(const HttpRequest& request, HttpResponse response);

// Whether the request says its body is JSON (Content-Type application/json, any parameters).
bool has_json_body(const HttpRequest& request);

// The session of the cookie, or the 401/403/415 problem that refuses the call. A call that
// changes state (any method but GET and HEAD) must send the session's CSRF token in
// X-CSRF-Token, and a call with `json_body` must be Content-Type application/json.
struct ApiCaller {
  std::optional<app::StaffSession> session;
  std::optional<HttpResponse> refusal;
};
ApiCaller api_caller(WebState& state, const HttpRequest& request, bool json_body);

// Runs `handler` for a signed-in staff member who passed api_caller's checks.
template <typename Handler>
HttpHandler api_staff_only(WebState& state, bool json_body, Handler handler) {
  return [&state, json_body, handler](HttpRequest& request) -> HttpResponse {
    ApiCaller caller = api_caller(state, request, json_body);
    if (caller.refusal) return std::move(*caller.refusal);
    return handler(request, *caller.session);
  };
}

}  // namespace motcua::adapters::web
