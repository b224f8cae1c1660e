#include "adapters/web/http_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "adapters/web/router.h"
#include "http_client.h"

namespace motcua::adapters::web {
namespace {

using testing::RawHttpConnection;
using testing::status_of;

class HttpServerTest : public ::testing::Test {
 protected:
  void start(ServerOptions options = {}) {
    router_.add("GET", "/hello", [](HttpRequest& r) {
      return HttpResponse::text(200, "xin chào " + r.query_value("ten"));
    });
    router_.add("GET", "/cases/{code}", [](HttpRequest& r) {
      return HttpResponse::text(200, "case " + r.path_params.at("code"));
    });
    router_.add("POST", "/echo", [](HttpRequest& r) { return HttpResponse::text(200, r.body); });
    router_.add("GET", "/slow", [this](HttpRequest&) {
      slow_started_ = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(400));
      return HttpResponse::text(200, "done");
    });
    router_.add("GET", "/throws",
                [](HttpRequest&) -> HttpResponse { throw std::runtime_error("boom"); });
    options.port = 0;
    server_ = std::make_unique<HttpServer>(options,
                                           [this](HttpRequest& r) { return router_.dispatch(r); });
    core::Status started = server_->start();
    ASSERT_TRUE(started.ok()) << started.error().message;
  }
  std::uint16_t port() const { return server_->port(); }

  Router router_;
  std::unique_ptr<HttpServer> server_;
  std::atomic<bool> slow_started_{false};
};

TEST_F(HttpServerTest, KeepsTheConnectionAliveAcrossRequests) {
  start();
  RawHttpConnection c(port());
  c.send("GET /hello?ten=Gi%E1%BA%A3 HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string first = c.read_response();
  EXPECT_EQ(status_of(first), 200);
  EXPECT_NE(first.find("xin chào Giả"), std::string::npos) << first;
  c.send("GET /cases/H34.22.6-240426-0002 HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string second = c.read_response();
  EXPECT_NE(second.find("case H34.22.6-240426-0002"), std::string::npos) << second;
}

TEST_F(HttpServerTest, UnknownPathIs404AndWrongMethodIs405) {
  start();
  RawHttpConnection c(port());
  c.send("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(c.read_response()), 404);
  c.send("DELETE /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string r = c.read_response();
  EXPECT_EQ(status_of(r), 405);
  EXPECT_NE(r.find("Allow: GET"), std::string::npos);
}

TEST_F(HttpServerTest, ABodyOverTheLimitIs413) {
  start();
  RawHttpConnection c(port());
  c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n");
  std::string r = c.read_response();
  EXPECT_EQ(status_of(r), 413) << r;
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(HttpServerTest, ASmallBodyIsEchoed) {
  start();
  RawHttpConnection c(port());
  c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
  std::string r = c.read_response();
  EXPECT_EQ(status_of(r), 200);
  EXPECT_EQ(r.substr(r.size() - 5), "hello");
}

TEST_F(HttpServerTest, AThrowingHandlerIsA500NotACrash) {
  start();
  RawHttpConnection c(port());
  c.send("GET /throws HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(c.read_response()), 500);
  c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(c.read_response()), 200);
}

TEST_F(HttpServerTest, GarbageIsClosedAndTheServerGoesOn) {
  start();
  {
    RawHttpConnection c(port());
    c.send("NOT HTTP AT ALL\r\n\r\n");
    EXPECT_TRUE(c.closed_by_server());
  }
  RawHttpConnection c(port());
  c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(c.read_response()), 200);
}

TEST_F(HttpServerTest, IdleConnectionsAreClosedAfterTheTimeout) {
  ServerOptions options;
  options.idle_timeout = std::chrono::seconds(1);
  options.read_timeout = std::chrono::seconds(1);
  start(options);
  RawHttpConnection c(port());
  EXPECT_TRUE(c.closed_by_server());
}

TEST_F(HttpServerTest, GracefulStopFinishesTheRequestInFlight) {
  start();
  RawHttpConnection busy(port());
  RawHttpConnection idle(port());
  busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  while (!slow_started_) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto stopping = std::async(std::launch::async, [&] { server_->stop(); });
  std::string r = busy.read_response();
  EXPECT_EQ(status_of(r), 200);
  EXPECT_NE(r.find("Connection: close"), std::string::npos) << r;
  EXPECT_NE(r.find("done"), std::string::npos);
  stopping.get();
  EXPECT_TRUE(idle.closed_by_server());
}

}  // namespace
}  // namespace motcua::adapters::web
