#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace motcua::adapters::web {

class EventStream;

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
  // Set: the response is a text/event-stream that lasts until the stream ends (event_stream.h);
  // the server sends the status and headers at once, then what the stream queues. `body` is
  // ignored and the connection is not kept alive afterwards.
  std::shared_ptr<EventStream> stream;

  static HttpResponse text(int status, std::string body);
  static HttpResponse html(int status, std::string body);
  static HttpResponse json(int status, std::string body);
  // 200 text/event-stream with Cache-Control: no-store and X-Accel-Buffering: no (a proxy
  // must pass each event on at once).
  static HttpResponse event_stream(std::shared_ptr<EventStream> stream);
  HttpResponse& with_header(std::string name, std::string value);
};

}  // namespace motcua::adapters::web
