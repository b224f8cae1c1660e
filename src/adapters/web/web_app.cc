#include "adapters/web/web_app.h"

#include "adapters/web/account_pages.h"
#include "adapters/web/api_support.h"
#include "adapters/web/catalogue_pages.h"
#include "adapters/web/console_pages.h"
#include "adapters/web/mycases_routes.h"
#include "adapters/web/page_support.h"
#include "adapters/web/public_site.h"
#include "adapters/web/router.h"
#include "adapters/web/submission_routes.h"
#include "adapters/web/web_metrics.h"
#include "adapters/web/web_state.h"

namespace motcua::adapters::web {
namespace {

// One event per response, with the fields operators grep for.
void log_access(app::EventLog* log, const HttpRequest& request, int status,
                std::chrono::microseconds elapsed) {
  if (log == nullptr) return;
  log->log(app::LogLevel::kInfo, "http",
           {{"method", request.method},
            {"path", request.path},
            {"status", status},
            {"ms", static_cast<double>(elapsed.count()) / 1000},
            {"remote", request.remote_address}});
}

void add_security_headers(HttpResponse& response) {
  // A PDF is shown by the browser's own viewer, which the pages' policy (object-src 'none')
  // may block: it is only kept out of frames.
  bool pdf = response.content_type == "application/pdf";
  response
      .with_header("Content-Security-Policy",
                   pdf ? "frame-ancestors 'none'"
                       : "default-src 'self'; script-src 'self'; style-src 'self'; img-src "
                         "'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
                         "frame-ancestors 'none'")
      .with_header("X-Content-Type-Options", "nosniff")
      .with_header("X-Frame-Options", "DENY")
      .with_header("Referrer-Policy", "same-origin")
      .with_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
}

// A path no route knows, outside the API, answers with the console's Vietnamese (or English)
// "page not found" page rather than the router's bare text.
HttpResponse page_fallback(WebState& state, const HttpRequest& request, HttpResponse response) {
  if (response.status != 404 || request.path.rfind("/api/", 0) == 0 ||
      response.content_type.rfind("text/plain", 0) != 0) {
    return response;
  }
  return error_page(state, request, 404, "not_found", signed_in_staff(state, request));
}

}  // namespace

WebApp::WebApp(WebDependencies deps) : state_(std::make_unique<State>(std::move(deps))) {
  add_system_routes(*state_);
  add_catalogue_routes(*state_);  // before the public site's "not built yet" pages
  add_account_routes(*state_);
  add_submission_routes(*state_);  // before the public site's "not built yet" pages
  add_public_routes(*state_);
  add_payment_routes(*state_);
  add_mycases_routes(*state_);
  add_api_citizen_routes(*state_);
  add_live_routes(*state_);
  add_console_routes(*state_);
}

WebApp::~WebApp() = default;

std::vector<Router::RouteInfo> WebApp::routes() const { return state_->router.routes(); }

HttpResponse WebApp::handle(HttpRequest& request) {
  auto start = std::chrono::steady_clock::now();
  HttpResponse response =
      page_fallback(*state_, request, api_fallback(request, state_->router.dispatch(request)));
  add_security_headers(response);
  std::string lang = request.query_value("lang");
  if (lang == "vi" || lang == "en") {
    response.with_header("Set-Cookie", "lang=" + lang + "; Path=/; SameSite=Lax; Max-Age=31536000" +
                                           (state_->deps.secure_cookies ? "; Secure" : ""));
  }
  auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);
  state_->metrics.record(request.method, response.status, elapsed);
  log_access(state_->deps.log, request, response.status, elapsed);
  return response;
}

}  // namespace motcua::adapters::web
