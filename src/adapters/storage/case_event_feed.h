#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "app/case_events.h"
#include "app/clock.h"
#include "app/event_log.h"
#include "core/result.h"

namespace motcua::adapters::storage {

struct CaseEventFeedOptions {
  // SQLite has no notifications: the feed reads new rows this often. On PostgreSQL it is the
  // fallback read when no notification arrived (a lost connection is reopened then too).
  std::chrono::milliseconds poll_interval{250};
  std::chrono::milliseconds postgres_fallback{2000};
  std::chrono::hours keep{24};  // rows older than this (by the clock) are deleted
  std::chrono::minutes prune_every{60};
  app::EventLog* log = nullptr;  // read failures (event "case_event_feed_error"); none when null
};

// The change feed of one process (app::CaseEventFeed) over table case_events. A thread of its
// own holds one connection: on PostgreSQL it LISTENs on motcua_case_events (libpq, through
// SOCI's backend) and reads `WHERE id > last` when notified; on SQLite it reads every
// poll_interval. Identity ids can commit out of order on PostgreSQL, so ids skipped over are
// watched for a while and delivered when they appear. Each event goes to every subscriber.
class DatabaseCaseEventFeed : public app::CaseEventFeed {
 public:
  // Connects, notes the newest event (older ones are not delivered) and starts the thread.
  static core::Result<std::unique_ptr<DatabaseCaseEventFeed>> start(
      const std::string& url, const app::Clock& clock, CaseEventFeedOptions options = {});
  ~DatabaseCaseEventFeed() override;  // stop()s
  DatabaseCaseEventFeed(const DatabaseCaseEventFeed&) = delete;
  DatabaseCaseEventFeed& operator=(const DatabaseCaseEventFeed&) = delete;

  std::uint64_t subscribe(Subscriber subscriber) override;
  void unsubscribe(std::uint64_t id) override;
  // Ends the thread and closes the connection (within about half a second). Safe to call twice.
  void stop();
  std::size_t subscriber_count() const;

  struct Impl;

 private:
  explicit DatabaseCaseEventFeed(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::adapters::storage
