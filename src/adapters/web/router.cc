#include "adapters/web/router.h"

namespace motcua::adapters::web {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::add(std::string method, std::string pattern, HttpHandler handler) {
  Route route{std::move(method), pattern, {}, std::move(handler)};
  for (std::string_view segment : split_path(pattern)) route.segments.emplace_back(segment);
  routes_.push_back(std::move(route));
}

std::vector<Router::RouteInfo> Router::routes() const {
  std::vector<RouteInfo> all;
  for (const Route& route : routes_) all.push_back({route.method, route.pattern});
  return all;
}

bool Router::match(const Route& route, const std::vector<std::string_view>& path,
                   HttpRequest& request) {
  if (route.segments.size() != path.size()) return false;
  std::map<std::string, std::string> params;
  for (size_t i = 0; i < path.size(); ++i) {
    const std::string& expected = route.segments[i];
    if (is_parameter(expected)) {
      params[expected.substr(1, expected.size() - 2)] = std::string(path[i]);
    } else if (expected != path[i]) {
      return false;
    }
  }
  request.path_params = std::move(params);
  return true;
}

HttpResponse Router::dispatch(HttpRequest& request) const {
  std::vector<std::string_view> path = split_path(request.path);
  std::string allowed;
  for (const Route& route : routes_) {
    HttpRequest probe;
    if (!match(route, path, probe)) continue;
    if (route.method == request.method) {
      request.path_params = std::move(probe.path_params);
      return route.handler(request);
    }
    allowed += (allowed.empty() ? "" : ", ") + route.method;
  }
  if (!allowed.empty()) {
    return HttpResponse::text(405, "Method Not Allowed\n").with_header("Allow", allowed);
  }
  return HttpResponse::text(404, "Not Found\n");
}

}  // namespace motcua::adapters::web
