// With http_server.cc, the only translation units that include Boost.Beast and Asio.
#include "adapters/web/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include <charconv>
#include <optional>

namespace motcua::adapters::web {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

core::Error unavailable(std::string message) {
  return {core::ErrorKind::kUnavailable, std::move(message)};
}

// One exchange as a chain of asynchronous steps on a private io_context, so that a single
// deadline covers resolving, connecting, writing and reading.
class Exchange {
 public:
  Exchange(const HttpClientRequest& request, HttpUrl url)
      : request_(request), url_(std::move(url)), resolver_(ioc_), stream_(ioc_) {}

  core::Result<HttpClientResponse> run() {
    http::verb verb = http::string_to_verb(request_.method);
    if (verb == http::verb::unknown) {
      return core::invalid_input("unknown HTTP method '" + request_.method + "'");
    }
    out_.method(verb);
    out_.target(url_.target);
    out_.version(11);
    std::string host_header =
        url_.host.find(':') != std::string::npos ? "[" + url_.host + "]" : url_.host;
    if (url_.port != 80) host_header += ":" + std::to_string(url_.port);
    out_.set(http::field::host, host_header);
    out_.set(http::field::user_agent, "motcua");
    for (const auto& [name, value] : request_.headers) out_.set(name, value);
    out_.body() = request_.body;
    out_.keep_alive(false);
    out_.prepare_payload();
    parser_.body_limit(request_.max_body_bytes);

    // An IP address needs no resolver (whose asynchronous form starts a thread).
    beast::error_code literal;
    auto address = net::ip::make_address(url_.host, literal);
    if (!literal) {
      connect(tcp::resolver::results_type::create(tcp::endpoint(address, url_.port), url_.host,
                                                  std::to_string(url_.port)));
    } else {
      resolver_.async_resolve(url_.host, std::to_string(url_.port),
                              [this](beast::error_code ec, const tcp::resolver::results_type& r) {
                                on_resolve(ec, r);
                              });
    }
    ioc_.run_for(request_.timeout);
    if (!done_) {
      // Out of time: cancel whatever step is pending and let its handler run to completion;
      // handlers see timed_out_ and start nothing new.
      timed_out_ = true;
      resolver_.cancel();
      beast::error_code ignored;
      stream_.socket().close(ignored);
      ioc_.restart();
      ioc_.run();
      return unavailable("no answer from " + request_.url + " within " +
                         std::to_string(request_.timeout.count()) + " ms");
    }
    if (failure_) return *failure_;
    HttpClientResponse response;
    const auto& in = parser_.get();
    response.status = static_cast<int>(in.result_int());
    for (const auto& field : in) {
      response.headers[std::string(field.name_string())] = std::string(field.value());
    }
    response.body = in.body();
    return response;
  }

 private:
  void fail(std::string_view step, const beast::error_code& ec) {
    failure_ = unavailable(std::string(step) + " " + request_.url + ": " + ec.message());
    done_ = true;
  }

  void on_resolve(beast::error_code ec, const tcp::resolver::results_type& results) {
    if (timed_out_) return;
    if (ec) return fail("cannot resolve", ec);
    connect(results);
  }

  void connect(const tcp::resolver::results_type& results) {
    stream_.async_connect(results, [this](beast::error_code e, const tcp::endpoint&) {
      if (timed_out_) return;
      if (e) return fail("cannot connect to", e);
      // One small request: send it now rather than wait for an acknowledgement (Nagle).
      beast::error_code ignored;
      stream_.socket().set_option(tcp::no_delay(true), ignored);
      http::async_write(stream_, out_, [this](beast::error_code w, std::size_t) {
        if (timed_out_) return;
        if (w) return fail("cannot send to", w);
        http::async_read(stream_, buffer_, parser_, [this](beast::error_code r, std::size_t) {
          if (r) return fail("no valid HTTP answer from", r);
          beast::error_code ignored;
          stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
          done_ = true;
        });
      });
    });
  }

  const HttpClientRequest& request_;
  HttpUrl url_;
  net::io_context ioc_;
  tcp::resolver resolver_;
  beast::tcp_stream stream_;
  http::request<http::string_body> out_;
  beast::flat_buffer buffer_;
  http::response_parser<http::string_body> parser_;
  bool done_ = false;
  bool timed_out_ = false;
  std::optional<core::Error> failure_;
};

}  // namespace

std::string HttpClientResponse::header(std::string_view name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

core::Result<HttpUrl> parse_http_url(std::string_view text) {
  auto parsed = boost::urls::parse_uri(text);
  if (!parsed) return core::invalid_input("'" + std::string(text) + "' is not an absolute URL");
  const auto& url = *parsed;
  if (url.scheme_id() == boost::urls::scheme::https) {
    return core::invalid_input("https is not supported by this client ('" + std::string(text) +
                               "'); use http:// (TLS ends at a proxy)");
  }
  if (url.scheme_id() != boost::urls::scheme::http) {
    return core::invalid_input("'" + std::string(text) + "' is not an http:// URL");
  }
  if (url.has_userinfo()) {
    return core::invalid_input("user info in '" + std::string(text) + "' is not supported");
  }
  HttpUrl out;
  if (url.host_type() == boost::urls::host_type::ipv6) {
    out.host = url.host_ipv6_address().to_string();
  } else {
    out.host = url.host();
  }
  if (out.host.empty()) return core::invalid_input("'" + std::string(text) + "' has no host");
  if (url.has_port()) {
    std::string_view port = url.port();
    unsigned value = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value == 0 ||
        value > 65535) {
      return core::invalid_input("'" + std::string(text) + "' has a bad port");
    }
    out.port = static_cast<std::uint16_t>(value);
  }
  out.target = url.encoded_path().empty() ? "/" : std::string(url.encoded_path());
  if (url.has_query()) out.target += "?" + std::string(url.encoded_query());
  return out;
}

core::Result<HttpClientResponse> send_http_request(const HttpClientRequest& request) {
  auto url = parse_http_url(request.url);
  if (!url) return url.error();
  Exchange exchange(request, std::move(url).value());
  return exchange.run();
}

}  // namespace motcua::adapters::web
