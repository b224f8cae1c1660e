// Observability of the web application: the access log and the server's error log as JSON
// lines (adapters/log over spdlog), parsed back with Boost.JSON whatever the request path holds,
// and the database timings in GET /metrics (storage::TimedStore around the Store).
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <regex>
#include <sstream>

#include "../fakes/fake_clock.h"
#include "../support/temp_dir.h"
#include "../unit/calendar_fixtures.h"
#include "adapters/log/json_event_log.h"
#include "adapters/security/argon2_password_hasher.h"
#include "adapters/security/sodium_token_service.h"
#include "adapters/storage/open_store.h"
#include "adapters/storage/timed_store.h"
#include "adapters/web/http_server.h"
#include "adapters/web/web_app.h"
#include "http_client.h"

namespace motcua::adapters::web {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Parses one log line; a parse error fails the test with the line.
boost::json::object parsed(const std::string& line) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(line, ec);
  EXPECT_FALSE(ec) << ec.message() << " in: " << line;
  EXPECT_TRUE(v.is_object()) << line;
  return v.is_object() ? v.as_object() : boost::json::object{};
}

// The value of one series line ("name{labels} value"), or -1 when absent.
double series_value(const std::string& text, const std::string& series) {
  size_t at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stod(text.substr(at + series.size() + 2));
}

// WebApp over a timed SQLite store, logging to a string at `level`.
class Observed : public ::testing::Test {
 protected:
  void SetUp() override { start("info"); }

  void start(const std::string& level) {
    std::string url = "sqlite://" + dir_.file("motcua.db");
    ASSERT_TRUE(storage::migrate(url).ok());
    store_ = std::make_unique<storage::TimedStore>(std::move(storage::open_store(url)).value());
    sessions_ = std::move(storage::open_web_session_store(url)).value();
    auth_ =
        std::make_unique<app::StaffAuthentication>(*store_, *sessions_, hasher_, tokens_, clock_);
    log_ = std::move(log::JsonEventLog::to_stream(out_, level)).value();
    WebDependencies deps{
        *store_, *auth_, tokens_, clock_, calendar_, load_shipped_templates().value(), false};
    deps.log = log_.get();
    deps.store_metrics = store_.get();
    app_ = std::make_unique<WebApp>(deps);
  }

  HttpResponse get(const std::string& path) {
    HttpRequest r;
    r.method = "GET";
    r.target = r.path = path;
    r.remote_address = "127.0.0.1";
    return app_->handle(r);
  }

  testing::TempDir dir_{"motcua-observed"};
  core::WorkingCalendar calendar_ = core::WorkingCalendar::create(core::fixtures::announced_years(),
                                                                  core::WorkingHours::standard())
                                        .value();
  testing::FakeClock clock_{std::chrono::sys_days{std::chrono::year{2024} / 4 / 26}};
  security::Argon2PasswordHasher hasher_{security::Argon2Cost::fast()};
  security::SodiumTokenService tokens_;
  std::unique_ptr<storage::TimedStore> store_;
  std::unique_ptr<app::WebSessionStore> sessions_;
  std::unique_ptr<app::StaffAuthentication> auth_;
  std::ostringstream out_;
  std::unique_ptr<log::JsonEventLog> log_;
  std::unique_ptr<WebApp> app_;
};

TEST_F(Observed, AccessLogIsOneJsonObjectPerResponseWithTheRequestFields) {
  ASSERT_EQ(get("/healthz").status, 200);
  std::vector<std::string> lines = lines_of(out_.str());
  ASSERT_EQ(lines.size(), 1u) << out_.str();
  boost::json::object line = parsed(lines[0]);
  EXPECT_EQ(line["event"], "http");
  EXPECT_EQ(line["level"], "info");
  EXPECT_EQ(line["method"], "GET");
  EXPECT_EQ(line["path"], "/healthz");
  EXPECT_EQ(line["status"], 200);
  EXPECT_TRUE(line["ms"].is_number());
  EXPECT_EQ(line["remote"], "127.0.0.1");
  EXPECT_EQ(line["time"].as_string().size(), std::string("2026-11-26T11:20:03.123Z").size());
}

TEST_F(Observed, AccessLogOfAPathWithQuotesNewlinesAndControlCharactersStaysOneValidLine) {
  // What Boost.URL hands over after percent-decoding /a%22b%0A%0D%01%5C%E1%BB%87%FF.
  const std::string path = "/a\"b\n\r\x01\\\xE1\xBB\x87\xFF";
  get(path);
  std::vector<std::string> lines = lines_of(out_.str());
  ASSERT_EQ(lines.size(), 1u) << out_.str();
  boost::json::object line = parsed(lines[0]);
  // Everything but the byte that is not UTF-8 comes back as it was; that one is U+FFFD.
  EXPECT_EQ(line["path"], "/a\"b\n\r\x01\\\xE1\xBB\x87\xEF\xBF\xBD");
  EXPECT_EQ(line["status"], 404);
}

TEST_F(Observed, ALogLevelAboveInfoLeavesTheAccessLogOut) {
  out_.str("");
  start("warn");
  get("/healthz");
  EXPECT_EQ(out_.str(), "");
}

TEST(JsonEventLogLevels, AnUnknownLevelIsRefused) {
  std::ostringstream out;
  auto refused = log::JsonEventLog::to_stream(out, "verbose");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, core::ErrorKind::kInvalidInput);
}

TEST(ServerErrorLog, AThrowingHandlerIsLoggedAsOneJsonLine) {
  std::ostringstream out;
  auto log = std::move(log::JsonEventLog::to_stream(out, "info")).value();
  ServerOptions options;
  options.port = 0;
  options.log = log.get();
  HttpServer server(options, [](HttpRequest&) -> HttpResponse {
    throw std::runtime_error("boom \"quoted\"\nsecond line");
  });
  ASSERT_TRUE(server.start().ok());
  {
    motcua::testing::RawHttpConnection connection(server.port());
    ASSERT_TRUE(connection.send("GET /x%22y HTTP/1.1\r\nHost: t\r\n\r\n"));
    EXPECT_EQ(motcua::testing::status_of(connection.read_response()), 500);
  }
  server.stop();
  std::vector<std::string> lines = lines_of(out.str());
  ASSERT_EQ(lines.size(), 1u) << out.str();
  boost::json::object line = parsed(lines[0]);
  EXPECT_EQ(line["event"], "http_error");
  EXPECT_EQ(line["level"], "error");
  EXPECT_EQ(line["path"], "/x\"y");
  EXPECT_EQ(line["error"], "boom \"quoted\"\nsecond line");
}

TEST_F(Observed, ARequestThatReadsTheStoreShowsInTheDatabaseSeries) {
  std::string before = get("/metrics").body;
  EXPECT_EQ(series_value(before, "motcua_db_transaction_seconds_count{kind=\"read\"}"), 0)
      << before;
  ASSERT_EQ(get("/healthz").status, 200);  // one read transaction
  ASSERT_EQ(get("/healthz").status, 200);
  std::string after = get("/metrics").body;
  EXPECT_EQ(series_value(after, "motcua_db_transaction_seconds_count{kind=\"read\"}"), 2) << after;
  EXPECT_GT(series_value(after, "motcua_db_transaction_seconds_sum{kind=\"read\"}"), 0);
  EXPECT_EQ(series_value(after, "motcua_db_transaction_seconds_bucket{kind=\"read\",le=\"+Inf\"}"),
            2);
  EXPECT_EQ(series_value(after, "motcua_db_transaction_seconds_count{kind=\"write\"}"), 0);
  EXPECT_EQ(series_value(after, "motcua_db_transaction_failures_total{kind=\"read\"}"), 0);
  EXPECT_NE(after.find("# TYPE motcua_db_transaction_seconds histogram\n"), std::string::npos);
  // The HTTP series are still there.
  EXPECT_GE(series_value(after, "motcua_http_request_duration_seconds_count"), 3);
}

TEST_F(Observed, DatabaseBucketsAreCumulativeAndEndAtTheCount) {
  for (int i = 0; i < 5; ++i) get("/healthz");
  std::string text = get("/metrics").body;
  std::regex bucket(R"re(motcua_db_transaction_seconds_bucket\{kind="read",le="[^"]+"\} (\d+))re");
  double previous = 0;
  int buckets = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), bucket), end; it != end; ++it) {
    double count = std::stod((*it)[1]);
    EXPECT_GE(count, previous);
    previous = count;
    ++buckets;
  }
  EXPECT_GT(buckets, 5);
  EXPECT_EQ(previous, 5);
}

// A Store whose every transaction fails as a broken database would, or as a use case refuses.
class FailingStore : public app::Store {
 public:
  explicit FailingStore(core::ErrorKind kind) : kind_(kind) {}
  core::Status transact(const std::function<core::Status(app::Repositories&)>&) override {
    return core::Error{kind_, "failed"};
  }
  core::Status read(const std::function<core::Status(app::Repositories&)>&) override {
    return core::Error{kind_, "failed"};
  }
  core::Status refresh_statistics() override { return {}; }

 private:
  core::ErrorKind kind_;
};

TEST(TimedStore, CountsDatabaseFailuresButNotRefusals) {
  storage::TimedStore broken(std::make_unique<FailingStore>(core::ErrorKind::kStorage));
  auto nothing = [](app::Repositories&) -> core::Status { return {}; };
  EXPECT_FALSE(broken.transact(nothing).ok());
  EXPECT_FALSE(broken.transact(nothing).ok());
  EXPECT_FALSE(broken.read(nothing).ok());
  app::TransactionTimings t = broken.transaction_timings();
  EXPECT_EQ(t.failed_writes, 2u);
  EXPECT_EQ(t.failed_reads, 1u);
  EXPECT_EQ(t.write.count, 2u);
  EXPECT_EQ(t.read.count, 1u);

  storage::TimedStore refusing(std::make_unique<FailingStore>(core::ErrorKind::kNotFound));
  EXPECT_FALSE(refusing.transact(nothing).ok());
  EXPECT_EQ(refusing.transaction_timings().failed_writes, 0u);
  EXPECT_EQ(refusing.transaction_timings().write.count, 1u);
}

}  // namespace
}  // namespace motcua::adapters::web
