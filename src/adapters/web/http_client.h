#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/web/http_message.h"
#include "core/result.h"

namespace motcua::adapters::web {

// An http:// URL split for sending: where to connect and what to ask for.
struct HttpUrl {
  std::string host;  // a name or an IP address (IPv6 without brackets)
  std::uint16_t port = 80;
  std::string target;  // encoded path and query, "/" at least; the fragment is dropped
};

// Parses "http://host[:port]/path?query". kInvalidInput for anything else, including https
// (not supported: TLS belongs to a reverse proxy or a later adapter) and user info.
core::Result<HttpUrl> parse_http_url(std::string_view url);

struct HttpClientRequest {
  std::string method = "GET";
  std::string url;                                           // http://host:port/path?query
  std::vector<std::pair<std::string, std::string>> headers;  // Host and Content-Length are set
  std::string body;
  std::chrono::milliseconds timeout{10000};  // for the whole exchange: resolve to last byte
  std::size_t max_body_bytes = 16 * 1024 * 1024;
};

struct HttpClientResponse {
  int status = 0;
  std::map<std::string, std::string, CaseInsensitiveLess> headers;
  std::string body;

  // A header's value, or "".
  std::string header(std::string_view name) const;
};

// Sends one request on a fresh connection and reads the whole response (HTTP/1.1, Boost.Beast;
// all Beast code is in http_client.cc). Any answered status, 500 included, is a value.
// kInvalidInput for a bad URL; kUnavailable when the host cannot be resolved or reached, the
// exchange takes longer than request.timeout, or the answer is not HTTP. Blocks the caller.
core::Result<HttpClientResponse> send_http_request(const HttpClientRequest& request);

}  // namespace motcua::adapters::web
