#include "adapters/web/form.h"

#include <boost/url/parse_query.hpp>

namespace motcua::adapters::web {

namespace {

// In a form, '+' is a space; it must become one before percent-decoding, so that an encoded
// plus ("%2B") stays a plus.
std::string decode_form_component(boost::urls::pct_string_view encoded) {
  std::string text = encoded.decode();
  std::string raw(encoded.data(), encoded.size());
  if (raw.find('+') == std::string::npos) return text;
  std::string spaced;
  for (char c : raw) spaced += c == '+' ? std::string("%20") : std::string(1, c);
  return boost::urls::pct_string_view(spaced).decode();
}

}  // namespace

std::map<std::string, std::string> parse_form(std::string_view body) {
  std::map<std::string, std::string> fields;
  auto params = boost::urls::parse_query(body);
  if (!params) return fields;
  for (auto param : *params) {
    fields.emplace(decode_form_component(param.key), decode_form_component(param.value));
  }
  return fields;
}

std::map<std::string, std::string> parse_cookies(const HttpRequest& request) {
  std::map<std::string, std::string> cookies;
  std::string header = request.header("Cookie");
  size_t start = 0;
  while (start < header.size()) {
    size_t end = header.find(';', start);
    if (end == std::string::npos) end = header.size();
    std::string_view pair = std::string_view(header).substr(start, end - start);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos && eq > 0) {
      cookies.emplace(std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1)));
    }
    start = end + 1;
  }
  return cookies;
}

std::string cookie_header(std::string_view name, std::string_view value, bool secure,
                          long long max_age_seconds) {
  std::string header =
      std::string(name) + "=" + std::string(value) + "; Path=/; HttpOnly; SameSite=Lax";
  if (secure) header += "; Secure";
  if (max_age_seconds >= 0) header += "; Max-Age=" + std::to_string(max_age_seconds);
  return header;
}

}  // namespace motcua::adapters::web
