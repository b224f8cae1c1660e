// Live payment status (issue 6): the event streams of the officer's case page, the public
// payment page and the console's lists, over a real socket, fed by the SQLite change feed.
#include <thread>

#include "../support/event_stream_client.h"
#include "adapters/storage/case_event_feed.h"
#include "adapters/web/event_stream.h"
#include "console_fixture.h"

namespace motcua::adapters::web {
namespace {

using Clock = std::chrono::steady_clock;
using motcua::testing::StreamClient;
using namespace std::chrono_literals;

class LiveStatus : public Console {
 protected:
  void SetUp() override {
    open_store();
    if (HasFatalFailure()) return;
    seed([&](app::Repositories& r) { return seed_data(r); });
    if (HasFatalFailure()) return;
    storage::CaseEventFeedOptions options;
    options.poll_interval = 50ms;
    feed_ = std::move(storage::DatabaseCaseEventFeed::start("sqlite://" + dir_.file("motcua.db"),
                                                            clock_, options))
                .value();
    case_events_ = feed_.get();
    start_app();
  }

  core::Status seed_data(app::Repositories& r) override {
    if (auto s = Console::seed_data(r); !s.ok()) return s;
    core::Agency ward = r.agencies().find("H34.22.6").value().value();
    ward.receipt_form_symbol = "01BLP0-001";
    ward.receipt_series = "AA-24E";
    if (auto s = r.agencies().save(ward); !s.ok()) return s;
    core::Agency justice;
    justice.code = "H34.4";
    justice.name = "Sở Tư pháp";
    if (auto s = r.agencies().save(justice); !s.ok()) return s;
    return add_staff(r, "sotuphap", "Cán bộ Sở Tư pháp", "H34.4", core::kRoleOfficer);
  }

  // The guide's case with both lines unpaid.
  void seed_unpaid_case() {
    WebAppFixture::seed_case(kWardCase, "H34.22.6", citizen("062190018870"),
                             core::CaseStatus::kAccepted, [](core::CaseRecord& c) {
                               c.fee_lines[0].paid = false;
                               c.fee_lines[0].method.reset();
                             });
  }

  // Pays every unpaid line of the case as a confirmed callback would.
  void pay(const std::string& event_id) {
    core::Result<app::PaymentStart> started = payments_->start(kWardCase);
    ASSERT_TRUE(started.ok());
    app::GatewayOutcome outcome;
    outcome.event_id = event_id;
    outcome.transaction_id = "TX-" + started->reference;
    outcome.reference = started->reference;
    outcome.state = core::PaymentState::kSucceeded;
    outcome.amount = started->amount;
    outcome.currency = "VND";
    outcome.paid_at = clock_.now().time_since_epoch().count();
    outcome.channel = {"wallet", "MOMO", "Ví MoMo"};
    core::Result<app::ApplyResult> applied = payments_->apply(outcome, "{}");
    ASSERT_TRUE(applied.ok()) << applied.error().message;
  }

  std::string case_stream() { return std::string("/can-bo/ho-so/") + kWardCase + "/su-kien"; }

  std::string public_stream() {
    return std::string("/tt/") + kWardCase + "/" + links_.token_for(kWardCase) + "/su-kien";
  }

  std::unique_ptr<storage::DatabaseCaseEventFeed> feed_;
};

TEST(EventStreamFormat, EventsAreFramedAndMultiLineDataSplit) {
  EventStream stream(1500);
  stream.send("case", "{\"a\":1}\nsecond", "7");
  stream.comment("");
  EXPECT_EQ(stream.take(),
            "retry: 1500\n\nevent: case\nid: 7\ndata: {\"a\":1}\ndata: second\n\n:"
            " \n\n");
  EXPECT_EQ(stream.take(), "");
  int ended = 0;
  stream.on_end([&] { ++ended; });
  stream.end();
  stream.end();
  EXPECT_EQ(ended, 1);
  stream.send("case", "after the end");
  EXPECT_EQ(stream.take(), "");
}

TEST_F(LiveStatus, TheCaseStreamDeliversASettledLineWithinOneSecond) {
  seed_unpaid_case();
  std::uint16_t port = start_server();
  StreamClient client(port, case_stream(), sign_in());
  ASSERT_TRUE(client.wait_for("\"progress\":\"unpaid\"", 3s)) << client.received();
  const std::string& head = client.received();
  EXPECT_NE(head.find("HTTP/1.1 200"), std::string::npos);
  EXPECT_NE(head.find("Content-Type: text/event-stream"), std::string::npos);
  EXPECT_NE(head.find("Cache-Control: no-store"), std::string::npos);
  EXPECT_NE(head.find("retry: 3000"), std::string::npos);
  std::size_t seen = client.received().size();

  auto paid_at = Clock::now();
  pay("ev-live-1");
  ASSERT_TRUE(client.wait_for("\"progress\":\"paid\"", 1s, seen)) << client.received();
  auto latency = Clock::now() - paid_at;
  EXPECT_LT(latency, 1s);
  std::string event = client.received().substr(seen);
  EXPECT_NE(event.find("event: case"), std::string::npos);
  EXPECT_NE(event.find("\"paid_total\":\"3.000 VND\""), std::string::npos) << event;
  EXPECT_NE(event.find("\"badge\":\"Đã thanh toán\""), std::string::npos) << event;
  EXPECT_NE(event.find("AA-24E"), std::string::npos) << event;        // the new receipt
  EXPECT_NE(event.find("TX-PR-000001"), std::string::npos) << event;  // each line's method
  std::cout << "live: settled line reached the stream in "
            << std::chrono::duration_cast<std::chrono::milliseconds>(latency).count() << " ms\n";
}

TEST_F(LiveStatus, AStatusChangeReachesTheCaseStream) {
  seed_unpaid_case();
  std::uint16_t port = start_server();
  std::string cookies = sign_in();
  StreamClient client(port, case_stream(), cookies);
  ASSERT_TRUE(client.wait_for("\"status\":\"Được tiếp nhận\"", 3s)) << client.received();
  std::size_t seen = client.received().size();
  HttpResponse page = get(std::string("/can-bo/ho-so/") + kWardCase, cookies);
  std::string form = "_csrf=" + csrf_in(page.body) + "&version=1&to=" +
                     std::to_string(static_cast<int>(core::CaseStatus::kProcessing)) + "&reason=";
  HttpResponse changed =
      post(std::string("/can-bo/ho-so/") + kWardCase + "/trang-thai", form, cookies);
  ASSERT_EQ(changed.status, 303) << changed.body;
  EXPECT_TRUE(client.wait_for("\"status\":\"Đang xử lý\"", 1s, seen)) << client.received();
}

TEST_F(LiveStatus, ThePublicStreamNeedsThePayLinkTokenAndTurnsToPaid) {
  seed_unpaid_case();
  std::uint16_t port = start_server();
  StreamClient wrong(port, std::string("/tt/") + kWardCase + "/not-the-token/su-kien");
  ASSERT_TRUE(wrong.wait_for("\r\n\r\n", 3s));
  EXPECT_EQ(wrong.received().rfind("HTTP/1.1 404", 0), 0u) << wrong.received();

  // The payment page links its stream while something is due.
  HttpResponse page = get(std::string("/thanh-toan?ma=") + kWardCase);
  EXPECT_NE(page.body.find("data-live-src=\"" + public_stream() + "\""), std::string::npos);
  EXPECT_NE(page.body.find("/static/live_status.js"), std::string::npos);
  StreamClient client(port, public_stream());
  ASSERT_TRUE(client.wait_for("\"due\":true", 3s)) << client.received();
  std::size_t seen = client.received().size();
  pay("ev-live-2");
  ASSERT_TRUE(client.wait_for("\"due\":false", 1s, seen)) << client.received();
  std::string event = client.received().substr(seen);
  EXPECT_NE(event.find("/bien-lai/"), std::string::npos) << event;  // the receipt's link
  EXPECT_NE(event.find(links_.token_for(kWardCase)), std::string::npos) << event;
  // The public stream says nothing about the officer's side.
  EXPECT_EQ(event.find("\"status\""), std::string::npos) << event;

  // Once paid the page has nothing left to wait for: no stream.
  EXPECT_EQ(get(std::string("/thanh-toan?ma=") + kWardCase).body.find("data-live-src"),
            std::string::npos);
}

TEST_F(LiveStatus, OnlyStaffWhoMayReadTheCaseGetItsStream) {
  seed_unpaid_case();
  EXPECT_EQ(get(case_stream()).status, 401);
  HttpResponse other = get(case_stream(), sign_in("sotuphap"));
  EXPECT_EQ(other.status, 404);
  EXPECT_FALSE(other.stream);
  HttpResponse unknown = get("/can-bo/ho-so/H34.22.6-000000-9999/su-kien", sign_in());
  EXPECT_EQ(unknown.status, 404);
  // A list stream follows only the cases its reader may read: none here.
  std::string list = std::string("/can-bo/su-kien?ma=") + kWardCase + "&ma=H34.4-000000-0001";
  EXPECT_EQ(get(list, sign_in("sotuphap")).status, 204);
  HttpResponse mine = get(list, sign_in());
  ASSERT_EQ(mine.status, 200);
  ASSERT_TRUE(mine.stream);
  std::string first = mine.stream->take();
  EXPECT_NE(first.find(kWardCase), std::string::npos);
  EXPECT_EQ(first.find("H34.4-000000-0001"), std::string::npos);
  mine.stream->end();
}

TEST_F(LiveStatus, TheListStreamKeepsTheBadgeCurrent) {
  seed_unpaid_case();
  std::uint16_t port = start_server();
  std::string cookies = sign_in();
  HttpResponse list = get("/can-bo/tra-cuu/ca-nhan", cookies);
  ASSERT_EQ(list.status, 200);
  {
    EXPECT_NE(list.body.find("data-payment-badge=\"" + std::string(kWardCase) + "\""),
              std::string::npos);
    EXPECT_NE(list.body.find("Chưa thanh toán"), std::string::npos);
  }
  StreamClient client(port, std::string("/can-bo/su-kien?ma=") + kWardCase, cookies);
  ASSERT_TRUE(client.wait_for("\"badge\":\"Chưa thanh toán\"", 3s)) << client.received();
  std::size_t seen = client.received().size();
  pay("ev-live-3");
  EXPECT_TRUE(client.wait_for("\"badge\":\"Đã thanh toán\"", 1s, seen)) << client.received();
}

TEST_F(LiveStatus, StreamsAreBoundedPerClientAndCountedInMetrics) {
  seed_unpaid_case();
  std::uint16_t port = start_server();
  std::string cookies = sign_in();
  std::vector<std::unique_ptr<StreamClient>> open;
  for (int i = 0; i < 6; ++i) {
    open.push_back(std::make_unique<StreamClient>(port, case_stream(), cookies));
    ASSERT_TRUE(open.back()->wait_for("event: case", 3s)) << i << open.back()->received();
  }
  StreamClient seventh(port, case_stream(), cookies);
  ASSERT_TRUE(seventh.wait_for("\r\n\r\n", 3s));
  EXPECT_EQ(seventh.received().rfind("HTTP/1.1 429", 0), 0u) << seventh.received();
  EXPECT_NE(get("/metrics").body.find("motcua_sse_streams 6\n"), std::string::npos);
  EXPECT_NE(get("/metrics").body.find("motcua_sse_refused_total 1\n"), std::string::npos);

  // A client that goes away gives its slot back.
  open.back()->close();
  open.pop_back();
  auto until = Clock::now() + 3s;
  while (get("/metrics").body.find("motcua_sse_streams 5\n") == std::string::npos &&
         Clock::now() < until) {
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_NE(get("/metrics").body.find("motcua_sse_streams 5\n"), std::string::npos);
  StreamClient again(port, case_stream(), cookies);
  EXPECT_TRUE(again.wait_for("event: case", 3s)) << again.received();
  EXPECT_EQ(feed_->subscriber_count(), 6u);
}

TEST_F(LiveStatus, ServerShutdownEndsEveryStreamWithoutWaiting) {
  seed_unpaid_case();
  std::uint16_t port = start_server();
  std::string cookies = sign_in();
  StreamClient a(port, case_stream(), cookies);
  StreamClient b(port, public_stream());
  ASSERT_TRUE(a.wait_for("event: case", 3s));
  ASSERT_TRUE(b.wait_for("event: case", 3s));
  auto started = Clock::now();
  server_->stop(std::chrono::milliseconds(10000));
  EXPECT_LT(Clock::now() - started, 2s);  // the streams did not hold the grace period
  EXPECT_TRUE(a.ended_within(1s));
  EXPECT_TRUE(b.ended_within(1s));
  EXPECT_EQ(feed_->subscriber_count(), 0u);
}

TEST_F(LiveStatus, AHeartbeatKeepsTheStreamAlive) {
  seed_unpaid_case();
  ServerOptions options;
  options.port = 0;
  options.stream_heartbeat = 100ms;
  server_ =
      std::make_unique<HttpServer>(options, [this](HttpRequest& r) { return app_->handle(r); });
  ASSERT_TRUE(server_->start().ok());
  StreamClient client(server_->port(), case_stream(), sign_in());
  ASSERT_TRUE(client.wait_for("event: case", 3s));
  std::size_t seen = client.received().size();
  EXPECT_TRUE(client.wait_for(": \n\n", 2s, seen)) << client.received();
}

}  // namespace
}  // namespace motcua::adapters::web
