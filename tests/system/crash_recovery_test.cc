// Exactly once through a crash: many cases paid at the sandbox in one burst, motcua killed with
// SIGKILL while the callbacks arrive and restarted on the same port while the sandbox retries.
// Then every succeeded transaction must be applied exactly once: its request succeeded once,
// its lines paid, one receipt, receipt numbers per series exactly 1..N, no overpayment.
// On SQLite with one motcua, and on PostgreSQL with two motcua processes behind nginx.

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "system_harness.h"

namespace motcua::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Runs `work(i)` for i in [0, n) on `threads` threads.
void parallel_for(int n, int threads, const std::function<void(int)>& work) {
  std::atomic<int> next = 0;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (int i = next++; i < n; i = next++) work(i);
    });
  }
  for (std::thread& t : pool) t.join();
}

// Demo data (agencies with receipt series) plus synthetic cases; then `wanted` case codes with
// unpaid lines in a unit that issues receipts.
std::vector<std::string> seed_cases(const std::string& url, int wanted) {
  std::string output;
  EXPECT_EQ(run_motcua({"migrate", "--database", url}, &output), 0) << output;
  EXPECT_EQ(run_motcua({"seed", "demo", "--database", url}, &output), 0) << output;
  // About one synthetic case in nine owes something and is not cancelled (most procedures are
  // free, most fees of finished cases paid): eleven per case wanted leave a margin.
  int synthetic = std::max(100, wanted * 11);
  EXPECT_EQ(run_motcua({"seed", "synthetic", "--cases", std::to_string(synthetic), "--seed", "5",
                        "--database", url},
                       &output),
            0)
      << output;
  auto db = open_database(url);
  std::vector<std::string> codes(static_cast<std::size_t>(wanted));
  soci::rowset<std::string> rows =
      (db->prepare << "SELECT c.code FROM cases c"
                      " JOIN agencies a ON a.code = c.receiving_agency_code"
                      " WHERE a.receipt_series <> '' AND c.status <> 11"  // 11: cancelled
                      " AND EXISTS (SELECT 1 FROM fee_lines f"
                      "  WHERE f.case_id = c.id AND f.paid = 0 AND f.amount > 0)"
                      " ORDER BY c.id");
  codes.clear();
  for (const std::string& code : rows) {
    if (static_cast<int>(codes.size()) == wanted) break;
    codes.push_back(code);
  }
  EXPECT_EQ(static_cast<int>(codes.size()), wanted)
      << "the seed has too few cases with unpaid lines";
  return codes;
}

// The sandbox's retries (6.3 s in all) normally outlast the restart; should a loaded machine
// restart slower, the status query settles what they gave up on once the requests expire. The
// checks are the same either way, and the run reports how many the query settled.
constexpr const char* kBackstopLifetime = "MOTCUA_PAYMENT_REQUEST_LIFETIME_SECONDS=150";
constexpr const char* kBackstopGrace = "MOTCUA_PAYMENT_RECOVERY_GRACE_SECONDS=0";

struct Timings {
  double create = 0, burst = 0, settle = 0;
};

// The scenario on a seeded database: pay links through `front` (motcua or nginx), the burst at
// the sandbox, `victim` killed once `kill_after` receipts exist and restarted, then the checks.
void pay_kill_and_check(const std::string& url, const std::string& front, Sandbox& sandbox,
                        Motcua& victim, const std::vector<std::string>& codes, int kill_after,
                        Timings& timings) {
  const int n = static_cast<int>(codes.size());
  auto db = open_database(url);

  // Every case's pay link opened once: n transactions at the sandbox.
  Clock::time_point start = Clock::now();
  std::vector<std::string> transactions(codes.size());
  std::atomic<int> failures = 0;
  std::mutex mutex;
  std::string first_failure;
  auto failed = [&](const std::string& why) {
    ++failures;
    std::lock_guard lock(mutex);
    if (first_failure.empty()) first_failure = why;
  };
  parallel_for(n, 4, [&](int i) {
    const std::string& code = codes[static_cast<std::size_t>(i)];
    PaymentInfo info = payment_info(front, code);
    if (info.pay_url.empty()) {
      return failed(code + ": status " + std::to_string(info.status) + ", amount due " +
                    std::to_string(info.amount_due) + ", no pay link");
    }
    int status = 0;
    std::string location;
    transactions[static_cast<std::size_t>(i)] = open_pay_link(info.pay_url, &status, &location);
    if (transactions[static_cast<std::size_t>(i)].empty()) {
      failed(code + ": the pay link answered " + std::to_string(status) + " " + location);
    }
  });
  timings.create = seconds_since(start);
  ASSERT_EQ(failures.load(), 0) << first_failure;
  ASSERT_EQ(std::set<std::string>(transactions.begin(), transactions.end()).size(), codes.size());

  // The burst: all n paid at the sandbox; the victim dies once some callbacks were applied.
  start = Clock::now();
  std::atomic<std::int64_t> succeeded_total = 0;
  std::int64_t receipts_at_kill = -1;
  std::thread killer([&] {
    auto killer_db = open_database(url);
    bool due =
        eventually([&] { return count(*killer_db, "SELECT COUNT(*) FROM receipts") >= kill_after; },
                   seconds(120), milliseconds(10));
    if (!due) return;
    victim.kill();
    receipts_at_kill = count(*killer_db, "SELECT COUNT(*) FROM receipts");
    victim.start();
  });
  parallel_for(n, 6, [&](int i) {
    web_response answer = sandbox.complete(transactions[static_cast<std::size_t>(i)], "succeeded");
    if (answer.status != 200) {
      ++failures;
      return;
    }
    auto status = boost::json::parse(answer.body);
    if (status.at("status").as_string() == "succeeded") {
      succeeded_total += status.at("amount").to_number<std::int64_t>();
    }
  });
  killer.join();
  timings.burst = seconds_since(start);
  ASSERT_EQ(failures.load(), 0);
  ASSERT_GE(receipts_at_kill, kill_after) << "motcua was never killed";
  EXPECT_LT(receipts_at_kill, n) << "the kill came after the burst: nothing was tested";
  ASSERT_TRUE(victim.running()) << victim.output();

  // Eventually every transaction is applied.
  start = Clock::now();
  bool settled = eventually(
      [&] { return count(*db, "SELECT COUNT(*) FROM payment_requests WHERE state = 2") >= n; },
      seconds(240), milliseconds(200));
  timings.settle = seconds_since(start);
  ASSERT_TRUE(settled) << count(*db, "SELECT COUNT(*) FROM payment_requests WHERE state = 2")
                       << " of " << n << " settled\n"
                       << victim.output();

  Ledger ledger = read_ledger(*db);
  std::map<std::string, const RequestRow*> by_transaction;
  for (const RequestRow& r : ledger.requests) by_transaction[r.transaction_id] = &r;
  std::int64_t requested_total = 0;
  int problems = 0;
  for (std::size_t i = 0; i < codes.size() && problems < 10; ++i) {
    auto found = by_transaction.find(transactions[i]);
    if (found == by_transaction.end()) {
      ADD_FAILURE() << "no request for " << transactions[i];
      ++problems;
      continue;
    }
    const RequestRow& r = *found->second;
    requested_total += r.amount;
    std::string where = codes[i] + " " + r.reference + " " + r.transaction_id;
    bool ok = r.state == 2 && r.case_code == codes[i] &&
              ledger.applied_callbacks_per_request[r.id] == 1 &&
              ledger.receipts_per_request[r.id] == 1 && ledger.receipt_amount[r.id] == r.amount &&
              ledger.unpaid_lines_of_request[r.id] == 0 && ledger.lines_paid_by_request[r.id] > 0;
    if (!ok) {
      ++problems;
      ADD_FAILURE() << where << ": state " << r.state << ", applied "
                    << ledger.applied_callbacks_per_request[r.id] << " times, "
                    << ledger.receipts_per_request[r.id] << " receipts (amount "
                    << ledger.receipt_amount[r.id] << " of " << r.amount << "), "
                    << ledger.unpaid_lines_of_request[r.id] << " lines unpaid, "
                    << ledger.lines_paid_by_request[r.id] << " paid by it";
    }
  }
  EXPECT_EQ(static_cast<int>(ledger.requests.size()), n);
  EXPECT_EQ(ledger.receipts, n);
  EXPECT_EQ(ledger.overpayments, 0);
  EXPECT_EQ(ledger.receipt_total, succeeded_total.load());
  EXPECT_EQ(requested_total, succeeded_total.load());
  for (const std::string& problem : ledger.numbering_problems) ADD_FAILURE() << problem;
  // Lines paid online were paid by exactly one of these requests (no line twice).
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM payment_request_lines"),
            count(*db, "SELECT COUNT(*) FROM fee_lines WHERE payment_request_id IS NOT NULL"));
  long long by_query =
      count(*db, "SELECT COUNT(*) FROM applied_events WHERE event_id LIKE 'query:%'");
  std::printf(
      "[ timings  ] %d transactions: created %.1f s, burst %.1f s (kill at %lld receipts),"
      " settled %.1f s later (%lld by the status query)\n",
      n, timings.create, timings.burst, static_cast<long long>(receipts_at_kill), timings.settle,
      by_query);
}

TEST(CrashRecoveryTest, SigkillDuringABurstOnSqliteAppliesEveryPaymentExactlyOnce) {
  const int n = env_count("MOTCUA_SYSTEM_SQLITE_CASES", 1000);
  TempDir dir("motcua-system");
  std::string url = "sqlite://" + dir.file("motcua.db");
  Clock::time_point start = Clock::now();
  std::vector<std::string> codes = seed_cases(url, n);
  ASSERT_EQ(static_cast<int>(codes.size()), n);
  std::printf("[ timings  ] seeded %d cases in %.1f s\n", n, seconds_since(start));

  Sandbox sandbox({"--delivery-threads", "8"});
  ASSERT_FALSE(sandbox.url().empty());
  // A port of its own, kept across the restart: the callback URL names it.
  Motcua motcua(url, sandbox.url(), free_port(),
                {kBackstopLifetime, kBackstopGrace, "MOTCUA_PAYMENT_RECOVERY_INTERVAL_SECONDS=1"},
                dir.path().string(),
                /*demo=*/false);
  motcua.start();
  ASSERT_TRUE(motcua.running());
  Timings timings;
  pay_kill_and_check(url, motcua.url(), sandbox, motcua, codes, n / 5, timings);
}

TEST(CrashRecoveryTest, SigkillOneOfTwoBehindNginxOnPostgresAppliesEveryPaymentExactlyOnce) {
  const int n = env_count("MOTCUA_SYSTEM_POSTGRES_CASES", 300);
  std::string url = fresh_postgres_url("system_crash");
  ASSERT_FALSE(url.empty());
  TempDir dir("motcua-system");
  Clock::time_point start = Clock::now();
  std::vector<std::string> codes = seed_cases(url, n);
  ASSERT_EQ(static_cast<int>(codes.size()), n);
  std::printf("[ timings  ] seeded %d cases in %.1f s\n", n, seconds_since(start));

  Sandbox sandbox({"--delivery-threads", "8"});
  ASSERT_FALSE(sandbox.url().empty());
  std::uint16_t port_a = free_port();
  std::uint16_t port_b = free_port();
  while (port_b == port_a) port_b = free_port();
  Nginx nginx(dir.path().string(), {port_a, port_b});
  // Pay links, return and callback URLs all name the load balancer.
  std::vector<std::string> env{"MOTCUA_SERVER_PUBLIC_BASE_URL=" + nginx.url(), kBackstopLifetime,
                               kBackstopGrace, "MOTCUA_PAYMENT_RECOVERY_INTERVAL_SECONDS=1",
                               "MOTCUA_LOG_LEVEL=info"};  // the access log tells who served
  Motcua a(url, sandbox.url(), port_a, env, dir.path().string(), /*demo=*/false);
  a.start();
  ASSERT_TRUE(a.running());
  Motcua b(url, sandbox.url(), port_b, env, dir.path().string(), /*demo=*/false);
  b.start();
  ASSERT_TRUE(b.running());
  ASSERT_EQ(http("GET", nginx.url() + "/healthz").status, 200);

  Timings timings;
  pay_kill_and_check(url, nginx.url(), sandbox, a, codes, n / 5, timings);
  EXPECT_TRUE(b.running()) << b.output();
  // The load balancer spread the callbacks over both processes.
  const std::string callbacks = "\"path\":\"/api/v1/payment-platform/callbacks\"";
  std::size_t on_a = a.occurrences(callbacks), on_b = b.occurrences(callbacks);
  std::printf("[ balance  ] callbacks served: %zu by the killed one, %zu by the other\n", on_a,
              on_b);
  EXPECT_GT(on_a, 0u);
  EXPECT_GT(on_b, 0u);
}

}  // namespace
}  // namespace motcua::testing
