#pragma once

#include <map>
#include <string>
#include <string_view>

#include "adapters/web/http_message.h"

namespace motcua::adapters::web {

// Fields of an application/x-www-form-urlencoded body, decoded ('+' is a space). A repeated
// name keeps its first value. Malformed percent escapes make the whole form empty.
std::map<std::string, std::string> parse_form(std::string_view body);

// Cookies of a request ("a=1; b=2"), by name.
std::map<std::string, std::string> parse_cookies(const HttpRequest& request);

// A Set-Cookie value: HttpOnly, SameSite=Lax, Path=/, and Secure when asked (behind TLS).
// `max_age_seconds` < 0 leaves it a session cookie; 0 deletes it.
std::string cookie_header(std::string_view name, std::string_view value, bool secure,
                          long long max_age_seconds = -1);

}  // namespace motcua::adapters::web
