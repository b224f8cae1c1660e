// Live payment status across processes (issue 6): two `motcua serve` on one PostgreSQL; a
// payment confirmed through one reaches an event stream held by the other (LISTEN/NOTIFY), and
// one held through nginx, within a second.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "event_stream_client.h"
#include "system_harness.h"

namespace motcua::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

double ms_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

TEST(LiveStatusSystemTest, APaymentThroughOneProcessReachesAStreamOnTheOtherWithinOneSecond) {
  std::string url = fresh_postgres_url("system_live");
  ASSERT_FALSE(url.empty());
  TempDir dir("motcua-system");
  Sandbox sandbox;
  ASSERT_FALSE(sandbox.url().empty());
  std::uint16_t port_a = free_port();
  std::uint16_t port_b = free_port();
  while (port_b == port_a) port_b = free_port();
  Nginx nginx(dir.path().string(), {port_a, port_b});
  // Pay links, the return and the platform's callbacks name A: the payment is confirmed there.
  std::string a_url = "http://127.0.0.1:" + std::to_string(port_a);
  std::vector<std::string> env{"MOTCUA_SERVER_PUBLIC_BASE_URL=" + a_url,
                               "MOTCUA_LOG_LEVEL=info"};  // the access log tells who served
  Motcua a(url, sandbox.url(), port_a, env, dir.path().string(), /*demo=*/true);
  a.start();
  ASSERT_TRUE(a.running());
  Motcua b(url, sandbox.url(), port_b, env, dir.path().string(), /*demo=*/false);
  b.start();
  ASSERT_TRUE(b.running());

  PaymentInfo info = payment_info(a.url(), kGuideCase);
  ASSERT_EQ(info.amount_due, 3000);
  std::string link = info.pay_url.substr(a_url.size());  // "/tt/<code>/<token>"
  ASSERT_TRUE(link.starts_with("/tt/")) << info.pay_url;

  StreamClient on_b(port_b, link + "/su-kien");
  StreamClient via_nginx(nginx.port(), link + "/su-kien");
  ASSERT_TRUE(on_b.wait_for("\"due\":true", seconds(5))) << on_b.received() << b.output();
  ASSERT_TRUE(via_nginx.wait_for("\"due\":true", seconds(5))) << via_nginx.received();
  std::size_t seen_b = on_b.received().size(), seen_nginx = via_nginx.received().size();

  std::string transaction = open_pay_link(info.pay_url);
  ASSERT_FALSE(transaction.empty()) << a.output();
  // When the lines are paid in the database (polled every 5 ms), against when B's stream says so.
  std::unique_ptr<soci::session> db = open_database(url);
  std::atomic<bool> stop{false};
  std::atomic<Clock::rep> committed{0};
  std::thread watcher([&] {
    while (!stop) {
      std::int64_t unpaid =
          count(*db,
                "SELECT COUNT(*) FROM fee_lines f JOIN cases c ON c.id = f.case_id"
                " WHERE f.paid = 0 AND c.code = '" +
                    std::string(kGuideCase) + "'");
      if (unpaid == 0) {
        committed = Clock::now().time_since_epoch().count();
        return;
      }
      std::this_thread::sleep_for(milliseconds(5));
    }
  });
  Clock::time_point confirmed = Clock::now();
  ASSERT_EQ(sandbox.complete(transaction, "succeeded").status, 200);
  bool reached_b = on_b.wait_for("\"due\":false", seconds(10), seen_b);
  Clock::time_point at_b = Clock::now();
  bool reached_nginx = via_nginx.wait_for("\"due\":false", seconds(10), seen_nginx);
  Clock::time_point at_nginx = Clock::now();
  stop = true;
  watcher.join();
  ASSERT_TRUE(reached_b) << on_b.received() << b.output();
  ASSERT_NE(committed.load(), 0);
  Clock::time_point paid{Clock::duration(committed.load())};
  std::printf("[ live     ] confirmed→B %.0f ms, committed→B %.0f ms, committed→nginx %.0f ms\n",
              ms_between(confirmed, at_b), ms_between(paid, at_b), ms_between(paid, at_nginx));
  EXPECT_LT(at_b - paid, seconds(1));
  EXPECT_TRUE(reached_nginx) << via_nginx.received();
  EXPECT_LT(at_nginx - paid, seconds(1));
  EXPECT_NE(on_b.received().find("/bien-lai/", seen_b), std::string::npos) << on_b.received();
  // B served the stream and never the callback: the event crossed processes.
  const std::string callbacks = "\"path\":\"/api/v1/payment-platform/callbacks\"";
  EXPECT_GT(a.occurrences(callbacks), 0u);
  EXPECT_EQ(b.occurrences(callbacks), 0u);
}

}  // namespace
}  // namespace motcua::testing
