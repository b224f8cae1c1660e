// The outgoing HTTP client (src/adapters/web/http_client.h) against a real HttpServer.
#include "adapters/web/http_client.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <thread>

#include "adapters/web/http_server.h"
#include "adapters/web/router.h"

namespace motcua::adapters::web {
namespace {

using namespace std::chrono_literals;

class HttpClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add("POST", "/echo/{id}", [](HttpRequest& r) {
      return HttpResponse::json(201, r.body)
          .with_header("X-Seen-Method", r.method)
          .with_header("X-Seen-Path", r.path_params.at("id") + "?" + r.query_value("q"))
          .with_header("X-Seen-Header", r.header("X-PP-Nonce"));
    });
    router_.add("GET", "/missing", [](HttpRequest&) { return HttpResponse::text(404, "gone"); });
    router_.add("GET", "/slow", [](HttpRequest&) {
      std::this_thread::sleep_for(600ms);
      return HttpResponse::text(200, "late");
    });
    ServerOptions options;
    options.port = 0;
    server_ = std::make_unique<HttpServer>(options,
                                           [this](HttpRequest& r) { return router_.dispatch(r); });
    ASSERT_TRUE(server_->start().ok());
  }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(server_->port()); }

  Router router_;
  std::unique_ptr<HttpServer> server_;
};

TEST_F(HttpClientTest, SendsMethodHeadersAndBodyAndReadsTheAnswer) {
  HttpClientRequest request;
  request.method = "POST";
  request.url = base() + "/echo/PP24042600001?q=gi%E1%BA%A3";
  request.headers = {{"Content-Type", "application/json"}, {"X-PP-Nonce", "abc123"}};
  request.body = R"({"amount":3000,"name":"Giả"})";
  auto response = send_http_request(request);
  ASSERT_TRUE(response.ok()) << response.error().message;
  EXPECT_EQ(response->status, 201);
  EXPECT_EQ(response->body, request.body);
  EXPECT_EQ(response->header("x-seen-method"), "POST");
  EXPECT_EQ(response->header("X-Seen-Path"), "PP24042600001?giả");
  EXPECT_EQ(response->header("X-Seen-Header"), "abc123");
  EXPECT_EQ(response->header("Content-Type"), "application/json");
  EXPECT_EQ(response->header("X-Absent"), "");
}

TEST_F(HttpClientTest, AnErrorStatusIsAValueNotAFailure) {
  auto response = send_http_request({.method = "GET", .url = base() + "/missing"});
  ASSERT_TRUE(response.ok()) << response.error().message;
  EXPECT_EQ(response->status, 404);
  EXPECT_EQ(response->body, "gone");
}

TEST_F(HttpClientTest, GivesUpAfterTheTimeoutAsUnavailable) {
  auto started = std::chrono::steady_clock::now();
  auto response = send_http_request({.method = "GET", .url = base() + "/slow", .timeout = 150ms});
  auto took = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, core::ErrorKind::kUnavailable);
  EXPECT_NE(response.error().message.find("within 150 ms"), std::string::npos)
      << response.error().message;
  EXPECT_LT(took, 550ms);
}

TEST_F(HttpClientTest, ARefusedConnectionIsUnavailable) {
  std::uint16_t port = server_->port();
  server_->stop(0ms);
  auto response =
      send_http_request({.method = "GET", .url = "http://127.0.0.1:" + std::to_string(port) + "/"});
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, core::ErrorKind::kUnavailable);
  EXPECT_NE(response.error().message.find("cannot connect"), std::string::npos)
      << response.error().message;
}

TEST(HttpClientProtocolTest, AnAnswerThatIsNotHttpIsUnavailable) {
  // A bare TCP listener that answers one connection with nonsense and closes it.
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(listener, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(listen(listener, 1), 0);
  socklen_t length = sizeof address;
  getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
  std::thread peer([listener] {
    int connection = accept(listener, nullptr, nullptr);
    char buffer[1024];
    (void)read(connection, buffer, sizeof buffer);
    const char nonsense[] = "SMTP READY\r\n\r\n";
    (void)write(connection, nonsense, sizeof nonsense - 1);
    close(connection);
  });
  auto response = send_http_request(
      {.url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/", .timeout = 5s});
  peer.join();
  close(listener);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, core::ErrorKind::kUnavailable);
  EXPECT_NE(response.error().message.find("no valid HTTP answer"), std::string::npos)
      << response.error().message;
}

TEST(HttpUrlTest, SplitsHostPortAndTarget) {
  auto url = parse_http_url("http://127.0.0.1:8090/api/v1/transactions?x=1#frag");
  ASSERT_TRUE(url.ok()) << url.error().message;
  EXPECT_EQ(url->host, "127.0.0.1");
  EXPECT_EQ(url->port, 8090);
  EXPECT_EQ(url->target, "/api/v1/transactions?x=1");
  auto bare = parse_http_url("http://localhost");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->port, 80);
  EXPECT_EQ(bare->target, "/");
}

TEST(HttpUrlTest, RefusesHttpsAndNonsenseAsInvalidInput) {
  auto https = parse_http_url("https://pay.example/api");
  ASSERT_FALSE(https.ok());
  EXPECT_EQ(https.error().kind, core::ErrorKind::kInvalidInput);
  EXPECT_NE(https.error().message.find("https is not supported"), std::string::npos);
  for (const char* bad : {"", "not a url", "/relative/path", "ftp://x/", "http://:80/",
                          "http://h:99999/", "http://user@h/"}) {
    auto url = parse_http_url(bad);
    EXPECT_FALSE(url.ok()) << bad;
    if (!url.ok()) {
      EXPECT_EQ(url.error().kind, core::ErrorKind::kInvalidInput) << bad;
    }
  }
  auto sent = send_http_request({.url = "https://pay.example/"});
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().kind, core::ErrorKind::kInvalidInput);
}

}  // namespace
}  // namespace motcua::adapters::web
