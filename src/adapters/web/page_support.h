#pragma once

#include <map>
#include <optional>
#include <string>

#include "adapters/web/i18n.h"
#include "adapters/web/web_state.h"
#include "app/citizen_sessions.h"
#include "app/staff_authentication.h"

namespace motcua::adapters::web {

inline constexpr const char* kSessionCookie = "motcua_session";
inline constexpr const char* kLoginCsrfCookie = "motcua_login_csrf";
// The citizen portal's session cookie (a staff session never authenticates a citizen).
inline constexpr const char* kCitizenCookie = "motcua_portal";

// 303 See Other to `location`.
HttpResponse redirect(std::string location);

// The signed-in staff member of a request, if any.
std::optional<app::StaffSession> signed_in_staff(WebState& state, const HttpRequest& request);

// Runs `handler` for a signed-in staff member; sends others to the sign-in page.
template <typename Handler>
HttpHandler staff_only(WebState& state, Handler handler) {
  return [&state, handler](HttpRequest& request) -> HttpResponse {
    std::optional<app::StaffSession> session = signed_in_staff(state, request);
    if (!session) return redirect("/can-bo/dang-nhap");
    return handler(request, *session);
  };
}

// The signed-in citizen of a request, if any (none without deps.citizen_sessions).
std::optional<app::CitizenSession> signed_in_citizen(WebState& state, const HttpRequest& request);

// "/dang-nhap?tiep=<the request's path and query, percent-encoded>": where a visitor who must
// sign in is sent, to come back afterwards.
std::string citizen_sign_in_location(const HttpRequest& request);

// Runs `handler` for a signed-in citizen; sends others to citizen_sign_in_location.
template <typename Handler>
HttpHandler citizen_only(WebState& state, Handler handler) {
  return [&state, handler](HttpRequest& request) -> HttpResponse {
    std::optional<app::CitizenSession> session = signed_in_citizen(state, request);
    if (!session) return redirect(citizen_sign_in_location(request));
    return handler(request, *session);
  };
}

// A POST from a signed-in staff member must echo the session's CSRF token.
bool csrf_matches(WebState& state, const std::map<std::string, std::string>& form,
                  std::string_view expected);

// A console page: the content template rendered inside the console layout (menu, user,
// language links). `session` is empty on the sign-in page.
HttpResponse console_page(WebState& state, const HttpRequest& request, int status,
                          const std::string& title, const std::string& content_template,
                          TemplateData data, const std::optional<app::StaffSession>& session,
                          std::string_view current_href = "");

// The Vietnamese (or English) message page for an error status.
HttpResponse error_page(WebState& state, const HttpRequest& request, int status,
                        std::string_view message_key,
                        const std::optional<app::StaffSession>& session);

// The page for a case that could not be opened (app::CaseLookup::open_case's error). A case
// outside the reader's scope answers 404 as if it did not exist, as the API does, so codes
// cannot be probed.
HttpResponse case_unavailable_page(WebState& state, const HttpRequest& request,
                                   const core::Error& error, const app::StaffSession& session);

}  // namespace motcua::adapters::web
