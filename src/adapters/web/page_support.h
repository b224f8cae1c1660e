#pragma once

#include <optional>
#include <string>

#include "adapters/web/i18n.h"
#include "adapters/web/web_state.h"
#include "app/staff_authentication.h"

namespace motcua::adapters::web {

inline constexpr const char* kSessionCookie = "motcua_session";
inline constexpr const char* kLoginCsrfCookie = "motcua_login_csrf";

// The signed-in staff member of a request, if any.
std::optional<app::StaffSession> signed_in_staff(WebState& state, const HttpRequest& request);

// A console page: the content template rendered inside the console layout (menu, user,
// language links). `session` is empty on the sign-in page.
HttpResponse console_page(WebState& state, const HttpRequest& request, int status,
                          const std::string& title, const std::string& content_template,
                          TemplateData data, const std::optional<app::StaffSession>& session,
                          std::string_view current_href = "");

// 303 See Other to `location`.
HttpResponse redirect(std::string location);

// The Vietnamese (or English) message page for an error status.
HttpResponse error_page(WebState& state, const HttpRequest& request, int status,
                        std::string_view message_key,
                        const std::optional<app::StaffSession>& session);

}  // namespace motcua::adapters::web
