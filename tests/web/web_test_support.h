#pragma once
// Free helpers for the web tests: reading responses as a browser would (headers, cookies, the
// CSRF field, JSON bodies) and encoding form values as a browser sends them.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "adapters/web/http_message.h"

namespace motcua::adapters::web {

// The value of the first header `name`, or "" when absent.
inline std::string header_of(const HttpResponse& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

// "name=value" of a Set-Cookie header, without attributes; the whole header in `full`.
inline std::string cookie_pair(const HttpResponse& r, std::string_view name,
                               std::string* full = nullptr) {
  for (const auto& [n, v] : r.headers) {
    if (n == "Set-Cookie" && v.rfind(std::string(name) + "=", 0) == 0) {
      if (full) *full = v;
      return v.substr(0, v.find(';'));
    }
  }
  return "";
}

// The value of the first hidden _csrf field in a page, or "" when there is none.
inline std::string csrf_in(const std::string& html) {
  std::string marker = "name=\"_csrf\" value=\"";
  size_t at = html.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return html.substr(at, html.find('"', at) - at);
}

inline bool contains(const std::string& text, std::string_view what) {
  return text.find(what) != std::string::npos;
}

// "%XX" for every byte outside the unreserved set (A-Z a-z 0-9 - . _ ~), as a browser encodes
// a form value or a query parameter.
inline std::string url_encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    bool unreserved = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// The body parsed as JSON; a test failure (and null) when it is not JSON.
inline boost::json::value parsed(const HttpResponse& r) {
  boost::json::error_code ec;
  boost::json::value v = boost::json::parse(r.body, ec);
  EXPECT_FALSE(ec) << "not JSON: " << r.body;
  return ec ? boost::json::value() : v;
}

}  // namespace motcua::adapters::web
