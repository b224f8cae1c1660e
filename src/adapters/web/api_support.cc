#include "adapters/web/api_support.h"

#include <boost/json.hpp>
#include <cctype>

#include "adapters/web/page_support.h"

namespace motcua::adapters::web {
namespace {

// The problem name (and so the title key) for each kind of domain error.
std::string_view problem_name(core::ErrorKind kind) {
  switch (kind) {
    case core::ErrorKind::kInvalidInput:
    case core::ErrorKind::kOutOfRange:
    case core::ErrorKind::kOverflow:
      return "validation";
    case core::ErrorKind::kIllegalTransition:
      return "illegal_transition";
    case core::ErrorKind::kConflict:
      return "conflict";
    case core::ErrorKind::kNotFound:
      return "not_found";
    case core::ErrorKind::kForbidden:
      return "forbidden";
    case core::ErrorKind::kUnauthenticated:
      return "unauthenticated";
    case core::ErrorKind::kRateLimited:
      return "locked";
    case core::ErrorKind::kStorage:
    case core::ErrorKind::kUnavailable:
      return "unavailable";
  }
  return "server_error";
}

bool changes_state(const HttpRequest& request) {
  return request.method != "GET" && request.method != "HEAD";
}

}  // namespace

std::string json_text(const boost::json::value& body) {
  std::string raw = boost::json::serialize(body);
  std::string out;
  out.reserve(raw.size());
  // These characters only occur inside strings in serialised JSON, so escaping them here is
  // exact.
  for (char c : raw) {
    switch (c) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      case '\'':
        out += "\\u0027";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Language api_language(const HttpRequest& request) {
  std::string asked = request.header("Accept-Language");
  bool vietnamese = asked.size() >= 2 &&
                    std::tolower(static_cast<unsigned char>(asked[0])) == 'v' &&
                    std::tolower(static_cast<unsigned char>(asked[1])) == 'i';
  return vietnamese ? Language::kVietnamese : Language::kEnglish;
}

HttpResponse json_response(int status, const boost::json::value& body) {
  HttpResponse response{status, kJsonType, {}, json_text(body)};
  response.with_header("Cache-Control", "no-store");
  return response;
}

HttpResponse problem(const HttpRequest& request, int status, std::string_view name,
                     std::string detail, const std::vector<FieldProblem>& errors) {
  boost::json::object body;
  body["type"] = "urn:motcua:problem:" + std::string(name);
  body["title"] = std::string(text(api_language(request), "api_" + std::string(name)));
  body["status"] = status;
  body["detail"] = std::move(detail);
  if (!errors.empty()) {
    boost::json::array list;
    for (const FieldProblem& e : errors)
      list.push_back({{"field", e.field}, {"message", e.message}});
    body["errors"] = std::move(list);
  }
  HttpResponse response = json_response(status, body);
  response.content_type = kProblemType;
  return response;
}

HttpResponse problem_for(const HttpRequest& request, const core::Error& error) {
  return problem(request, http_status_for(error.kind), problem_name(error.kind), error.message);
}

HttpResponse api_fallback(const HttpRequest& request, HttpResponse response) {
  if (request.path.rfind("/api/", 0) != 0 || response.content_type == kJsonType ||
      response.content_type == kProblemType) {
    return response;
  }
  if (response.status == 404) {
    return problem(request, 404, "not_found", "no API resource at " + request.path);
  }
  if (response.status == 405) {
    HttpResponse refused = problem(request, 405, "method_not_allowed",
                                   request.method + " is not allowed on " + request.path);
    for (auto& header : response.headers) refused.headers.push_back(header);
    return refused;
  }
  return response;
}

bool has_json_body(const HttpRequest& request) {
  std::string type = request.header("Content-Type");
  std::string lowered;
  for (char c : type) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lowered == kJsonType || lowered.rfind(std::string(kJsonType) + ";", 0) == 0 ||
         lowered.rfind(std::string(kJsonType) + " ", 0) == 0;
}

ApiCaller api_caller(WebState& state, const HttpRequest& request, bool json_body) {
  ApiCaller caller;
  caller.session = signed_in_staff(state, request);
  if (!caller.session) {
    caller.refusal = problem(request, 401, "unauthenticated",
                             "sign in with POST /api/v1/session and send its cookie");
    return caller;
  }
  if (changes_state(request)) {
    std::string sent = request.header(kCsrfHeader);
    if (sent.empty() || !state.deps.tokens.equal(sent, caller.session->csrf_token)) {
      caller.refusal = problem(request, 403, "csrf",
                               "send the csrf_token of the session in the X-CSRF-Token header");
      return caller;
    }
  }
  if (json_body && !has_json_body(request)) {
    caller.refusal =
        problem(request, 415, "unsupported_media", "send Content-Type: application/json");
  }
  return caller;
}

}  // namespace motcua::adapters::web
