#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace motcua::adapters::web {

// Header names compare without case (RFC 9110).
struct CaseInsensitiveLess {
  bool operator()(std::string_view a, std::string_view b) const;
  using is_transparent = void;
};

// A request as handlers see it: no Beast types, so handlers and their tests stay light.
struct HttpRequest {
  std::string method;                             // "GET", "POST", ...
  std::string target;                             // as received: path and query
  std::string path;                               // percent-decoded
  std::multimap<std::string, std::string> query;  // decoded; repeated keys kept
  std::map<std::string, std::string, CaseInsensitiveLess> headers;
  std::string body;
  std::string remote_address;
  std::map<std::string, std::string> path_params;  // filled by the router: {code} -> value

  // The first value of a query parameter, or "".
  std::string query_value(std::string_view key) const;
  // A header's value, or "".
  std::string header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  static HttpResponse text(int status, std::string body);
  static HttpResponse html(int status, std::string body);
  static HttpResponse json(int status, std::string body);
  HttpResponse& with_header(std::string name, std::string value);
};

}  // namespace motcua::adapters::web
