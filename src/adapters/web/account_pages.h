#pragma once
// The portal's accounts (account_pages.cc, account_reset_pages.cc): "/dang-ky", "/dang-nhap",
// POST "/dang-xuat", "/quen-mat-khau", "/dat-lai-mat-khau", "/tai-khoan". Visitors' forms carry
// the sign-in CSRF cookie's token (kLoginCsrfCookie, as the console's sign-in); a signed-in
// citizen's forms carry the session's.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/web/template_data.h"
#include "adapters/web/web_state.h"
#include "app/citizen_accounts.h"
#include "app/citizen_sign_in.h"
#include "app/password_reset.h"
#include "app/rate_limiter.h"
#include "core/account_rules.h"

namespace motcua::adapters::web {

// Registers the account routes; call before add_public_routes.
void add_account_routes(WebState& state);

// The use cases behind the pages, built from the dependencies; each is null when what it needs
// is missing (deps.password_hasher, deps.web_sessions, deps.citizen_sessions, deps.outbox),
// and its pages then answer 503.
struct AccountServices {
  explicit AccountServices(WebState& state);
  std::unique_ptr<app::CitizenAccounts> accounts;
  std::unique_ptr<app::PasswordSignIn> sign_in;
  std::unique_ptr<app::PasswordReset> reset;
  // Reset-code requests per client address (client_address): kResetRequestsPerHour.
  static constexpr int kResetRequestsPerHour = 10;
  app::RateLimiter reset_requests;
};

// --- Shared by the account pages ---

// The form field of an account field ("so_dinh_danh", ...).
std::string_view form_field(core::AccountField field);
// Sets "err_<form field>" to each problem's message, and "error" to the summary line.
void set_problems(TemplateData& data, Language language,
                  const std::vector<core::AccountFieldProblem>& problems);
// `tiep` when it is a local path ("/..." but not "//" or "/\"), else empty.
std::string local_target(std::string_view tiep);
// The visitor's sign-in CSRF token: the cookie's, else a new one to set (`fresh`).
std::string visitor_csrf(WebState& state, const HttpRequest& request, bool& fresh);
// A public page for a visitor's form: renders, and sets the CSRF cookie when it is fresh.
HttpResponse visitor_form(WebState& state, const HttpRequest& request, int status,
                          std::string_view title_key, const std::string& content_template,
                          TemplateData data);
// Whether a visitor's POST echoes its sign-in CSRF cookie.
bool visitor_csrf_matches(WebState& state, const HttpRequest& request,
                          const std::map<std::string, std::string>& form);
// The page that says accounts are unavailable (503) or a server error (500 and others).
HttpResponse account_failure(WebState& state, const HttpRequest& request, int status);

// The reset pages (account_reset_pages.cc).
void add_account_reset_routes(WebState& state, std::shared_ptr<AccountServices> services);

}  // namespace motcua::adapters::web
