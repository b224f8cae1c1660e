#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "adapters/web/http_message.h"
#include "app/event_log.h"
#include "core/result.h"

namespace motcua::adapters::web {

using HttpHandler = std::function<HttpResponse(HttpRequest&)>;

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (tests)
  int threads = 4;            // handlers may block on the database, so more than one
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;  // larger bodies get 413
  // The body limit of one request, decided from its head (method, target, Content-Type) before
  // the body is read: lets the upload route take more than max_body_bytes while every other
  // route keeps it. Empty: max_body_bytes for every request.
  std::function<std::size_t(std::string_view method, std::string_view target,
                            std::string_view content_type)>
      body_limit;
  std::chrono::seconds read_timeout{15};  // to receive one whole request
  std::chrono::seconds idle_timeout{60};  // between requests on a kept-alive connection
  app::EventLog* log = nullptr;           // handler failures (event "http_error")
  // An event stream (HttpResponse::stream) gets a comment line this often, so that proxies
  // keep it open and a client that went away is noticed.
  std::chrono::milliseconds stream_heartbeat{15000};
};

// HTTP/1.1 over Boost.Beast: keep-alive, size limits, timeouts. A handler runs on one of the
// server's threads and must not throw (an escaped exception becomes a 500 and is logged to
// options.log). A response with a `stream` stays open as Server-Sent Events until the client
// goes away, the stream is closed or the server stops (stop() ends every stream at once). All
// Beast and Asio code lives in http_server.cc.
class HttpServer {
 public:
  HttpServer(ServerOptions options, HttpHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts serving on background threads; kStorage-free errors (kInvalidInput) when
  // the address cannot be bound.
  core::Status start();
  // The bound port (the real one when options.port was 0). REQUIRES: start() succeeded.
  std::uint16_t port() const;
  // Stops accepting, lets requests in flight finish (up to `grace`), then closes every
  // connection and joins the threads. Safe to call twice.
  void stop(std::chrono::milliseconds grace = std::chrono::milliseconds(10000));
  // Blocks until SIGINT or SIGTERM, then stop()s gracefully.
  void run_until_signal();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::adapters::web
