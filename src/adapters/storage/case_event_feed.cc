#include "adapters/storage/case_event_feed.h"

#include <poll.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "adapters/storage/case_event_rows.h"
#include "adapters/storage/connection.h"
#include "adapters/storage/database_url.h"
#include "app/event_log.h"

namespace motcua::adapters::storage {
namespace {

using SteadyTime = std::chrono::steady_clock::time_point;

// How long an id skipped over (a transaction that took it has not committed yet) is looked for
// before it is taken for rolled back.
constexpr std::chrono::seconds kGapPatience{30};
constexpr long long kBatch = 500;
constexpr std::chrono::milliseconds kSlice{200};  // the longest wait between stop checks

}  // namespace

struct DatabaseCaseEventFeed::Impl {
  Impl(DatabaseTarget t, const app::Clock& c, CaseEventFeedOptions o)
      : target(std::move(t)), clock(c), options(o) {}

  // Opens the connection (and LISTENs on PostgreSQL). Throws soci errors.
  void connect() {
    session.reset();
    session = storage::connect(target);
    configure_session(*session, target.engine);
    if (target.engine == Engine::kPostgres) {
      *session << std::string("LISTEN ") + kCaseEventChannel;
    }
  }

  long long newest_id() {
    long long newest = 0;
    soci::indicator ind = soci::i_null;
    *session << "SELECT MAX(id) FROM case_events", soci::into(newest, ind);
    return ind == soci::i_ok ? newest : 0;
  }

  // Reads rows past `last` (and the skipped ids still awaited) and delivers them in id order.
  void read_new() {
    long long floor = last;
    if (!missing.empty()) floor = std::min(floor, missing.begin()->first - 1);
    std::vector<app::CaseEvent> events;
    // Plain intos, not rowset<row>: SQLite reports its INTEGER PRIMARY KEY as int, not int64.
    long long id = 0, case_id = 0, at = 0;
    std::string code, kind;
    soci::statement st =
        (session->prepare << "SELECT id, case_id, case_code, kind, at FROM case_events"
                             " WHERE id > :floor ORDER BY id LIMIT " +
                                 std::to_string(kBatch),
         soci::into(id), soci::into(case_id), soci::into(code), soci::into(kind), soci::into(at),
         soci::use(floor));
    st.execute();
    while (st.fetch()) {
      events.push_back(
          {id, case_id, code, kind, std::chrono::sys_seconds(std::chrono::seconds(at))});
    }
    SteadyTime now = std::chrono::steady_clock::now();
    std::vector<app::CaseEvent> fresh;
    for (const app::CaseEvent& event : events) {
      if (event.id > last) {
        // A jump of more than kBatch ids is not a commit race: ids are not waited for then.
        if (last > 0 && event.id - last <= kBatch) {
          for (long long skipped = last + 1; skipped < event.id; ++skipped) {
            missing.emplace(skipped, now);
          }
        }
        last = event.id;
      } else if (missing.erase(event.id) == 0) {
        continue;  // delivered before
      }
      fresh.push_back(event);
    }
    // A payment settles several lines at once: of one read, only a case's last event of each
    // kind is delivered (events carry no state, so the readers lose nothing).
    for (std::size_t i = 0; i < fresh.size(); ++i) {
      bool superseded =
          std::any_of(fresh.begin() + static_cast<std::ptrdiff_t>(i) + 1, fresh.end(),
                      [&](const app::CaseEvent& later) {
                        return later.case_code == fresh[i].case_code && later.kind == fresh[i].kind;
                      });
      if (!superseded) deliver(fresh[i]);
    }
    std::erase_if(missing, [&](const auto& gap) { return now - gap.second > kGapPatience; });
  }

  void deliver(const app::CaseEvent& event) {
    std::lock_guard lock(subscribers_mutex);
    for (auto& [id, subscriber] : subscribers) subscriber(event);
  }

  void prune() {
    long long cutoff =
        (clock.now() - std::chrono::duration_cast<std::chrono::seconds>(options.keep))
            .time_since_epoch()
            .count();
    *session << "DELETE FROM case_events WHERE at < :cutoff", soci::use(cutoff);
  }

  // Empties libpq's queue of received notifications; true when there was one.
  static bool take_notifications(PGconn* conn) {
    bool notified = false;
    while (PGnotify* note = PQnotifies(conn)) {
      notified = true;
      PQfreemem(note);
    }
    return notified;
  }

  // Waits up to `timeout` (in slices, so that stop() is noticed) for a notification on
  // PostgreSQL or for the poll interval on SQLite. False when stopping.
  bool wait(std::chrono::milliseconds timeout) {
    SteadyTime until = std::chrono::steady_clock::now() + timeout;
    while (true) {
      {
        std::unique_lock lock(wake_mutex);
        if (stopping) return false;
        if (target.engine == Engine::kSqlite) {
          wake.wait_until(lock, until, [this] { return stopping; });
          return !stopping;
        }
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          until - std::chrono::steady_clock::now());
      if (left.count() <= 0) return true;
      auto* backend = static_cast<soci::postgresql_session_backend*>(session->get_backend());
      PGconn* conn = backend->conn_;
      // A notification that arrived while this connection ran a query (the read, the prune)
      // is already in libpq's queue, not on the socket: take it before polling.
      if (take_notifications(conn)) return true;
      pollfd fd{PQsocket(conn), POLLIN, 0};
      int slice = static_cast<int>(std::min(left, kSlice).count());
      if (::poll(&fd, 1, slice) > 0) {
        if (PQconsumeInput(conn) == 0) return true;  // broken: the read fails and reconnects
        if (take_notifications(conn)) return true;
      }
    }
  }

  void run() {
    SteadyTime next_prune = std::chrono::steady_clock::now();
    bool healthy = true;
    while (true) {
      try {
        if (!healthy) {
          connect();
          healthy = true;
        }
        read_new();
        if (std::chrono::steady_clock::now() >= next_prune) {
          prune();
          next_prune = std::chrono::steady_clock::now() + options.prune_every;
        }
      } catch (const std::exception& e) {
        // The database went away: wait, reconnect, read from `last` on.
        if (healthy && options.log != nullptr) {
          options.log->log(app::LogLevel::kError, "case_event_feed_error",
                           {{"error", std::string_view(e.what())}});
        }
        healthy = false;
      }
      auto interval = target.engine == Engine::kSqlite || !healthy ? options.poll_interval
                                                                   : options.postgres_fallback;
      if (!healthy) interval = std::max(interval, std::chrono::milliseconds(1000));
      if (!healthy) {
        std::unique_lock lock(wake_mutex);
        if (wake.wait_for(lock, interval, [this] { return stopping; })) return;
        continue;
      }
      try {
        if (!wait(interval)) return;
      } catch (const std::exception&) {
        healthy = false;
      }
    }
  }

  DatabaseTarget target;
  const app::Clock& clock;
  CaseEventFeedOptions options;
  std::unique_ptr<soci::session> session;
  std::thread thread;
  std::mutex wake_mutex;
  std::condition_variable wake;
  bool stopping = false;
  mutable std::mutex subscribers_mutex;
  std::map<std::uint64_t, Subscriber> subscribers;
  std::uint64_t next_subscription = 1;
  long long last = 0;                       // the highest id delivered
  std::map<long long, SteadyTime> missing;  // ids below `last` not seen yet, since when
};

DatabaseCaseEventFeed::DatabaseCaseEventFeed(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

core::Result<std::unique_ptr<DatabaseCaseEventFeed>> DatabaseCaseEventFeed::start(
    const std::string& url, const app::Clock& clock, CaseEventFeedOptions options) {
  core::Result<DatabaseTarget> target = parse_database_url(url);
  if (!target.ok()) return target.error();
  auto impl = std::make_unique<Impl>(*target, clock, options);
  try {
    impl->connect();
    impl->last = impl->newest_id();
  } catch (const std::exception& e) {
    return core::Error{core::ErrorKind::kStorage,
                       std::string("cannot open the case event feed: ") + e.what()};
  }
  std::unique_ptr<DatabaseCaseEventFeed> feed(new DatabaseCaseEventFeed(std::move(impl)));
  Impl* running = feed->impl_.get();
  running->thread = std::thread([running] { running->run(); });
  return feed;
}

DatabaseCaseEventFeed::~DatabaseCaseEventFeed() { stop(); }

std::uint64_t DatabaseCaseEventFeed::subscribe(Subscriber subscriber) {
  std::lock_guard lock(impl_->subscribers_mutex);
  std::uint64_t id = impl_->next_subscription++;
  impl_->subscribers.emplace(id, std::move(subscriber));
  return id;
}

void DatabaseCaseEventFeed::unsubscribe(std::uint64_t id) {
  std::lock_guard lock(impl_->subscribers_mutex);  // waits for a delivery in progress
  impl_->subscribers.erase(id);
}

std::size_t DatabaseCaseEventFeed::subscriber_count() const {
  std::lock_guard lock(impl_->subscribers_mutex);
  return impl_->subscribers.size();
}

void DatabaseCaseEventFeed::stop() {
  {
    std::lock_guard lock(impl_->wake_mutex);
    impl_->stopping = true;
  }
  impl_->wake.notify_all();
  if (impl_->thread.joinable()) impl_->thread.join();
  impl_->session.reset();
}

}  // namespace motcua::adapters::storage
