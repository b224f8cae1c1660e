// The only translation unit that includes Boost.Beast and Asio (they are slow to compile).
#include "adapters/web/http_server.h"

#include "adapters/web/event_stream.h"

#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include <array>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace motcua::adapters::web {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

// Fills path and query from the request target; false when the target is not origin-form.
bool parse_target(HttpRequest& request) {
  auto url = boost::urls::parse_origin_form(request.target);
  if (!url) return false;
  request.path = url->path();
  for (auto param : url->params()) request.query.emplace(param.key, param.value);
  return true;
}

}  // namespace

struct HttpServer::Impl {
  Impl(ServerOptions o, HttpHandler h) : options(std::move(o)), handler(std::move(h)) {}

  class Session;

  void accept();

  HttpResponse call_handler(HttpRequest& request) {
    try {
      return handler(request);
    } catch (const std::exception& e) {
      if (options.log != nullptr) {
        options.log->log(app::LogLevel::kError, "http_error",
                         {{"method", request.method},
                          {"path", request.path},
                          {"error", std::string_view(e.what())}});
      }
      return HttpResponse::text(500, "Internal Server Error\n");
    }
  }

  ServerOptions options;
  HttpHandler handler;
  net::io_context ioc;
  tcp::acceptor acceptor{ioc};
  std::vector<std::thread> threads;
  std::atomic<bool> stopping{false};
  bool stopped = false;

  // Live sessions, so that stop() can close idle ones and wait for busy ones.
  std::mutex sessions_mutex;
  std::condition_variable sessions_done;
  std::vector<std::weak_ptr<Session>> sessions;
  int live_sessions = 0;
};

class HttpServer::Impl::Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Impl& server) : stream_(std::move(socket)), server_(server) {
    std::lock_guard lock(server_.sessions_mutex);
    ++server_.live_sessions;
  }
  ~Session() {
    if (events_) events_->end();  // a stream whose header never went out still cleans up
    std::lock_guard lock(server_.sessions_mutex);
    --server_.live_sessions;
    server_.sessions_done.notify_all();
  }

  void start() {
    {
      std::lock_guard lock(server_.sessions_mutex);
      auto& all = server_.sessions;
      if (all.size() > 64 && all.size() > 2 * static_cast<size_t>(server_.live_sessions)) {
        std::erase_if(all, [](const std::weak_ptr<Session>& s) { return s.expired(); });
      }
      all.push_back(weak_from_this());
    }
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
  }

  // Called by stop(): an idle connection closes now; a busy one closes after its response; an
  // event stream ends now.
  void close_if_idle() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->streaming_) return self->finish_stream();
      if (!self->busy_) self->close();
    });
  }

 private:
  void read() {
    if (server_.stopping) return close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.max_header_bytes));
    // With a per-request limit the body's is set once the head is in (on_header).
    if (server_.options.body_limit) {
      parser_->body_limit(boost::none);
    } else {
      parser_->body_limit(server_.options.max_body_bytes);
    }
    stream_.expires_after(first_ ? server_.options.read_timeout : server_.options.idle_timeout);
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  // The head is in: the body limit for this request, then the body.
  void on_header(beast::error_code ec) {
    if (ec) return on_read(ec);
    if (server_.options.body_limit) {
      const auto& head = parser_->get();
      auto content_type = head[http::field::content_type];
      std::size_t limit = server_.options.body_limit(
          std::string_view(head.method_string().data(), head.method_string().size()),
          std::string_view(head.target().data(), head.target().size()),
          std::string_view(content_type.data(), content_type.size()));
      // The header was read without a body limit (Beast checks Content-Length against it as
      // the header completes); a declared length is checked here, a chunked body as it comes.
      if (parser_->content_length() && *parser_->content_length() > limit) {
        return reply_and_close(413, "Payload Too Large\n");
      }
      parser_->body_limit(limit);
    }
    stream_.expires_after(server_.options.read_timeout);
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec2, std::size_t) { self->on_read(ec2); });
  }

  void on_read(beast::error_code ec) {
    first_ = false;
    if (ec == http::error::body_limit) return reply_and_close(413, "Payload Too Large\n");
    if (ec == http::error::header_limit) {
      return reply_and_close(431, "Request Header Fields Too Large\n");
    }
    if (ec) return close();  // end of stream, timeout, reset, malformed
    busy_ = true;
    http::request<http::string_body> raw = parser_->release();
    HttpRequest request;
    request.method = std::string(raw.method_string());
    request.target = std::string(raw.target());
    request.body = std::move(raw.body());
    for (const auto& field : raw) {
      request.headers[std::string(field.name_string())] = std::string(field.value());
    }
    beast::error_code endpoint_error;
    auto remote = stream_.socket().remote_endpoint(endpoint_error);
    if (!endpoint_error) request.remote_address = remote.address().to_string();

    HttpResponse response = parse_target(request) ? server_.call_handler(request)
                                                  : HttpResponse::text(400, "Bad Request\n");
    if (response.stream) {
      if (!server_.stopping) return start_stream(std::move(response), raw.version());
      response.stream->end();
      response = HttpResponse::text(503, "Service Unavailable\n");
    }
    write(std::move(response), raw.keep_alive() && !server_.stopping, raw.version());
  }

  // An event stream: the header now (no length; the stream ends with the connection), then
  // whatever the EventStream queues, a heartbeat comment every options.stream_heartbeat, and
  // a read that only notices the client going away.
  void start_stream(HttpResponse response, unsigned version) {
    events_ = std::move(response.stream);
    auto res = std::make_shared<http::response<http::empty_body>>(
        static_cast<http::status>(response.status), version);
    res->set(http::field::server, "motcua");
    res->set(http::field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) res->insert(name, value);
    res->keep_alive(false);
    auto serializer = std::make_shared<http::response_serializer<http::empty_body>>(*res);
    stream_.expires_after(server_.options.read_timeout);
    http::async_write_header(
        stream_, *serializer,
        [self = shared_from_this(), res, serializer](beast::error_code ec, std::size_t) {
          self->busy_ = false;
          self->streaming_ = true;
          if (ec || self->server_.stopping) return self->finish_stream();
          self->stream_.expires_never();
          self->watch_peer();
          self->heartbeat();
          std::weak_ptr<Session> weak = self;
          self->events_->attach([weak] {
            if (auto session = weak.lock()) {
              net::post(session->stream_.get_executor(), [session] { session->pump(); });
            }
          });
        });
  }

  // EventSource sends nothing after its request: any completion is the end (or a misuse).
  void watch_peer() {
    stream_.socket().async_read_some(
        net::buffer(peer_bytes_),
        [self = shared_from_this()](beast::error_code, std::size_t) { self->finish_stream(); });
  }

  void heartbeat() {
    heartbeat_.expires_after(server_.options.stream_heartbeat);
    heartbeat_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec || self->finished_) return;
      // A client that reads nothing while a write waits for it is dropped.
      if (self->writing_ && std::chrono::steady_clock::now() - self->write_started_ >
                                self->server_.options.read_timeout) {
        return self->finish_stream();
      }
      self->events_->comment("");
      self->heartbeat();
    });
  }

  void pump() {
    if (finished_ || writing_ || !events_) return;
    auto bytes = std::make_shared<std::string>(events_->take());
    if (bytes->empty()) {
      if (events_->close_requested()) finish_stream();
      return;
    }
    writing_ = true;
    write_started_ = std::chrono::steady_clock::now();
    net::async_write(stream_.socket(), net::buffer(*bytes),
                     [self = shared_from_this(), bytes](beast::error_code ec, std::size_t) {
                       self->writing_ = false;
                       if (ec) return self->finish_stream();
                       self->pump();
                     });
  }

  void finish_stream() {
    if (finished_) return;
    finished_ = true;
    streaming_ = false;
    heartbeat_.cancel();
    close();
    if (events_) events_->end();  // the handler's cleanup (unsubscribe, release its slot)
  }

  void reply_and_close(int status, std::string body) {
    busy_ = true;
    write(HttpResponse::text(status, std::move(body)), false, 11);
  }

  void write(HttpResponse response, bool keep_alive, unsigned version) {
    auto res = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(response.status), version);
    res->set(http::field::server, "motcua");
    res->set(http::field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) res->insert(name, value);
    res->body() = std::move(response.body);
    res->keep_alive(keep_alive);
    res->prepare_payload();
    stream_.expires_after(server_.options.read_timeout);
    http::async_write(stream_, *res,
                      [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
                        self->busy_ = false;
                        if (ec || !res->keep_alive()) return self->close();
                        self->read();
                      });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Impl& server_;
  bool first_ = true;
  bool busy_ = false;
  // The event stream, when this connection answers with one.
  std::shared_ptr<EventStream> events_;
  net::steady_timer heartbeat_{stream_.get_executor()};
  std::array<char, 256> peer_bytes_{};
  std::chrono::steady_clock::time_point write_started_;
  bool streaming_ = false;
  bool writing_ = false;
  bool finished_ = false;
};

void HttpServer::Impl::accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (stopping) return;
    if (!ec) std::make_shared<Session>(std::move(socket), *this)->start();
    accept();
  });
}

HttpServer::HttpServer(ServerOptions options, HttpHandler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

HttpServer::~HttpServer() { stop(std::chrono::milliseconds(0)); }

core::Status HttpServer::start() {
  beast::error_code ec;
  auto address = net::ip::make_address(impl_->options.host, ec);
  if (ec) return core::invalid_input("'" + impl_->options.host + "' is not an IP address");
  tcp::endpoint endpoint{address, impl_->options.port};
  impl_->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl_->acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) impl_->acceptor.bind(endpoint, ec);
  if (!ec) impl_->acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return core::invalid_input("cannot listen on " + impl_->options.host + ":" +
                               std::to_string(impl_->options.port) + ": " + ec.message());
  }
  impl_->accept();
  int threads = std::max(1, impl_->options.threads);
  for (int i = 0; i < threads; ++i) impl_->threads.emplace_back([this] { impl_->ioc.run(); });
  return {};
}

std::uint16_t HttpServer::port() const { return impl_->acceptor.local_endpoint().port(); }

void HttpServer::stop(std::chrono::milliseconds grace) {
  if (impl_->stopped) return;
  impl_->stopped = true;
  impl_->stopping = true;
  net::post(impl_->ioc, [this] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
  });
  std::vector<std::shared_ptr<Impl::Session>> sessions;
  {
    std::lock_guard lock(impl_->sessions_mutex);
    for (auto& weak : impl_->sessions) {
      if (auto session = weak.lock()) sessions.push_back(std::move(session));
    }
    impl_->sessions.clear();
  }
  for (auto& session : sessions) session->close_if_idle();
  sessions.clear();
  {
    std::unique_lock lock(impl_->sessions_mutex);
    impl_->sessions_done.wait_for(lock, grace, [this] { return impl_->live_sessions == 0; });
  }
  impl_->ioc.stop();
  for (auto& thread : impl_->threads) {
    if (thread.joinable()) thread.join();
  }
  // The posted close may not have run before ioc.stop(); a still-listening socket would
  // accept connections that nobody serves (clients hang instead of being refused).
  beast::error_code ignored;
  impl_->acceptor.close(ignored);
}

void HttpServer::run_until_signal() {
  std::mutex mutex;
  std::condition_variable signalled;
  bool received = false;
  net::signal_set signals(impl_->ioc, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code, int) {
    std::lock_guard lock(mutex);
    received = true;
    signalled.notify_all();
  });
  {
    std::unique_lock lock(mutex);
    signalled.wait(lock, [&] { return received; });
  }
  stop();
}

}  // namespace motcua::adapters::web
