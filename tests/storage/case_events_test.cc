// The change feed of live pages (issue 6) on both engines: settling a fee line and changing a
// case's status write a case_events row in their own transaction (nothing when they roll back),
// and DatabaseCaseEventFeed delivers each committed event once to every subscriber (through
// LISTEN/NOTIFY on PostgreSQL, a poll on SQLite), then stops cleanly.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "adapters/storage/case_event_feed.h"
#include "app/case_events.h"
#include "console_fixture.h"

namespace motcua::testing {
namespace {

using namespace std::chrono_literals;

class CaseEvents : public ConsoleTest {
 protected:
  // Collects what a subscriber receives.
  struct Received {
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<app::CaseEvent> events;

    void add(const app::CaseEvent& event) {
      std::lock_guard lock(mutex);
      events.push_back(event);
      arrived.notify_all();
    }
    // Waits until `count` events arrived; what arrived by then.
    std::vector<app::CaseEvent> wait_for(std::size_t count, std::chrono::milliseconds timeout) {
      std::unique_lock lock(mutex);
      arrived.wait_for(lock, timeout, [&] { return events.size() >= count; });
      return events;
    }
  };

  // Settles fee line `line` of case `case_id` for a payment request made for it, and commits
  // or rolls back.
  core::Result<bool> settle(std::int64_t case_id, std::int64_t line, bool commit) {
    core::Result<bool> settled = false;
    core::Status s = store().transact([&](app::Repositories& r) -> core::Status {
      app::PaymentRequestRecord request;
      request.case_id = case_id;
      request.gateway = "test";
      request.reference = "PR-T" + std::to_string(++requests_);
      request.amount = core::Money::dong(1000);
      request.lines = {{line, core::Money::dong(1000)}};
      core::Result<std::int64_t> id = r.payments().create(request);
      if (!id.ok()) return id.error();
      settled = r.payments().settle_line(line, {core::PaymentMethod::kPaymentPlatform,
                                                std::chrono::sys_seconds{1714091272s}, *id, "TX"});
      if (!commit) return core::Error{core::ErrorKind::kConflict, "rolled back on purpose"};
      return {};
    });
    EXPECT_EQ(s.ok(), commit) << (s.ok() ? "" : s.error().message);
    return settled;
  }

  int requests_ = 0;
};

TEST_P(CaseEvents, SettlingALineAndChangingTheStatusWriteAnEventInTheirTransaction) {
  core::CaseRecord c = take_in(officer_);
  long long before = query_number("SELECT COUNT(*) FROM case_events");
  ASSERT_TRUE(settle(c.id, c.fee_lines[0].id, /*commit=*/false).value());
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM case_events"), before);  // rolled back with it
  ASSERT_TRUE(settle(c.id, c.fee_lines[0].id, /*commit=*/true).value());
  EXPECT_FALSE(settle(c.id, c.fee_lines[0].id, /*commit=*/true).value());  // paid already: no event
  EXPECT_EQ(
      query_number("SELECT COUNT(*) FROM case_events WHERE kind = 'payment' AND case_code = '" +
                   c.code + "' AND at = 1714091272"),
      1);

  app::CaseWorkflow workflow(store(), *clock_, *calendar_);
  core::Result<core::CaseRecord> moved =
      workflow.change_status(officer_, c.code, c.version, core::CaseStatus::kProcessing, "");
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(query_number("SELECT COUNT(*) FROM case_events WHERE kind = 'status' AND case_id = " +
                         std::to_string(c.id)),
            1);
}

TEST_P(CaseEvents, TheFeedDeliversEachCommittedEventOnceToEverySubscriber) {
  core::CaseRecord c = take_in(officer_);
  ASSERT_TRUE(settle(c.id, c.fee_lines[0].id, true).value());  // before the feed: never delivered
  adapters::storage::CaseEventFeedOptions options;
  options.poll_interval = 50ms;
  auto feed = adapters::storage::DatabaseCaseEventFeed::start(url(), *clock_, options);
  ASSERT_TRUE(feed.ok()) << feed.error().message;
  Received first, second;
  std::uint64_t a = (*feed)->subscribe([&](const app::CaseEvent& e) { first.add(e); });
  std::uint64_t b = (*feed)->subscribe([&](const app::CaseEvent& e) { second.add(e); });
  EXPECT_NE(a, b);

  auto committed = std::chrono::steady_clock::now();
  ASSERT_TRUE(settle(c.id, c.fee_lines[1].id, true).value());
  std::vector<app::CaseEvent> got = first.wait_for(1, 5s);
  auto latency = std::chrono::steady_clock::now() - committed;
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].case_code, c.code);
  EXPECT_EQ(got[0].case_id, c.id);
  EXPECT_EQ(got[0].kind, app::kCaseEventPayment);
  EXPECT_LT(latency, 1s);
  EXPECT_EQ(second.wait_for(1, 5s).size(), 1u);
  std::printf("[ live     ] %s: a committed event reached the subscriber in %lld ms\n",
              GetParam().c_str(),
              static_cast<long long>(
                  std::chrono::duration_cast<std::chrono::milliseconds>(latency).count()));

  (*feed)->unsubscribe(a);
  EXPECT_EQ((*feed)->subscriber_count(), 1u);
  app::CaseWorkflow workflow(store(), *clock_, *calendar_);
  ASSERT_TRUE(
      workflow.change_status(officer_, c.code, c.version, core::CaseStatus::kProcessing, "").ok());
  std::vector<app::CaseEvent> later = second.wait_for(2, 5s);
  ASSERT_EQ(later.size(), 2u);
  EXPECT_EQ(later[1].kind, app::kCaseEventStatus);
  EXPECT_GT(later[1].id, later[0].id);
  std::this_thread::sleep_for(200ms);  // nothing more comes: each event once
  EXPECT_EQ(second.wait_for(3, 0ms).size(), 2u);
  EXPECT_EQ(first.wait_for(2, 0ms).size(), 1u);  // unsubscribed: nothing new

  auto stopping = std::chrono::steady_clock::now();
  (*feed)->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - stopping, 2s);
}

TEST_P(CaseEvents, LinesSettledTogetherReachASubscriberAsOneEvent) {
  core::CaseRecord c = take_in(officer_);
  adapters::storage::CaseEventFeedOptions options;
  options.poll_interval = 50ms;
  auto feed = adapters::storage::DatabaseCaseEventFeed::start(url(), *clock_, options);
  ASSERT_TRUE(feed.ok());
  Received received;
  (*feed)->subscribe([&](const app::CaseEvent& e) { received.add(e); });
  core::Status paid = store().transact([&](app::Repositories& r) -> core::Status {
    app::PaymentRequestRecord request;
    request.case_id = c.id;
    request.gateway = "test";
    request.reference = "PR-BOTH";
    request.amount = core::Money::dong(3000);
    core::Result<std::int64_t> id = r.payments().create(request);
    if (!id.ok()) return id.error();
    for (const core::FeeLine& line : c.fee_lines) {
      auto settled = r.payments().settle_line(
          line.id, {core::PaymentMethod::kPaymentPlatform, clock_->now(), *id, "TX"});
      if (!settled.ok()) return settled.error();
    }
    return {};
  });
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  EXPECT_EQ(
      query_number("SELECT COUNT(*) FROM case_events WHERE case_id = " + std::to_string(c.id)),
      2);  // one row per settled line
  ASSERT_EQ(received.wait_for(1, 5s).size(), 1u);
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(received.wait_for(2, 0ms).size(), 1u);  // delivered as one
}

TEST_P(CaseEvents, EventsOlderThanADayArePruned) {
  core::CaseRecord c = take_in(officer_);
  ASSERT_TRUE(settle(c.id, c.fee_lines[0].id, true).value());  // at 26/04/2024, the clock's day
  clock_->advance(std::chrono::hours(25));
  auto feed = adapters::storage::DatabaseCaseEventFeed::start(url(), *clock_);
  ASSERT_TRUE(feed.ok());
  bool pruned = false;
  for (int i = 0; i < 100 && !pruned; ++i) {
    pruned = query_number("SELECT COUNT(*) FROM case_events") == 0;
    if (!pruned) std::this_thread::sleep_for(20ms);
  }
  EXPECT_TRUE(pruned);
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseEvents, ::testing::Values("sqlite", "postgres"), engine_name);

}  // namespace
}  // namespace motcua::testing
