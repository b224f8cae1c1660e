#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "adapters/web/http_message.h"
#include "adapters/web/http_server.h"

namespace motcua::adapters::web {

// Maps method and path to a handler. Patterns are literal segments and {name} segments
// ("/cases/{code}/fees"); a {name} matches one non-empty segment and lands in
// request.path_params. Routes are tried in the order added. No match: 404; a path that
// matches with another method: 405 with Allow.
class Router {
 public:
  void add(std::string method, std::string pattern, HttpHandler handler);
  HttpResponse dispatch(HttpRequest& request) const;

  // Every route as added: method and pattern ("POST", "/api/v1/cases/{code}/status"), so tests
  // can check that documentation and security checks cover each one.
  struct RouteInfo {
    std::string method;
    std::string pattern;
  };
  std::vector<RouteInfo> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    HttpHandler handler;
  };
  static bool match(const Route& route, const std::vector<std::string_view>& path,
                    HttpRequest& request);
  std::vector<Route> routes_;
};

}  // namespace motcua::adapters::web
