#pragma once
// What the admin pages share: the admin-only gate for pages and form posts, form text, and the
// Vietnamese message for a refused change.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/web/form.h"
#include "adapters/web/page_support.h"
#include "core/account.h"
#include "core/error.h"

namespace motcua::adapters::web {

using FormFields = std::map<std::string, std::string>;

inline bool is_admin(const core::StaffMember& staff) {
  return staff.active && (staff.roles & core::kRoleAdmin) != 0;
}

// A GET page for active admins only: others signed in get the 403 page.
template <typename Handler>
HttpHandler admin_page(WebState& state, Handler handler) {
  return staff_only(state, [&state, handler](HttpRequest& r, const app::StaffSession& s) {
    if (!is_admin(s.staff)) return error_page(state, r, 403, "forbidden", s);
    return handler(r, s);
  });
}

// A form POST for active admins only, with the session's CSRF token: others get 403 and
// nothing changes. The handler receives the decoded form.
template <typename Handler>
HttpHandler admin_post(WebState& state, Handler handler) {
  return staff_only(state, [&state, handler](HttpRequest& r, const app::StaffSession& s) {
    if (!is_admin(s.staff)) return error_page(state, r, 403, "forbidden", s);
    FormFields form = parse_form(r.body);
    if (!csrf_matches(state, form, s.csrf_token)) {
      return error_page(state, r, 403, "csrf_refused", s);
    }
    return handler(r, s, form);
  });
}

// A form field with surrounding white space removed ("" when absent).
std::string field(const FormFields& form, std::string_view name);

// The message key for a refused admin change: `invalid_key` for bad input, and the shared keys
// for the other kinds (admin_not_found, forbidden, server_error).
std::string_view refusal_key(core::ErrorKind kind, std::string_view invalid_key);

// "2024-04-26", as date inputs take it.
std::string iso_date(std::chrono::sys_days day);

// A code usable as one path segment of an admin URL: letters, digits, '.', '_' and '-'.
bool is_path_safe(std::string_view code);

}  // namespace motcua::adapters::web
