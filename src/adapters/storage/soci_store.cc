// The Store over SOCI: a pool of SessionContexts, one transaction per lease, retried when it
// loses a lock race.
#include <soci/soci.h>

#include <mutex>
#include <thread>
#include <vector>

#include "adapters/storage/connection.h"
#include "adapters/storage/migrator.h"
#include "adapters/storage/open_store.h"
#include "adapters/storage/session_context.h"
#include "adapters/storage/session_pool.h"
#include "adapters/storage/sql_error.h"

namespace motcua::adapters::storage {
namespace {

constexpr int kMaxAttempts = 5;

class SociStore : public app::Store {
 public:
  SociStore(DatabaseTarget target, std::size_t pool_size)
      : target_(target), pool_(std::move(target), pool_size) {}

  core::Status transact(const std::function<core::Status(app::Repositories&)>& work) override {
    if (target_.engine != Engine::kSqlite) return run(work, "BEGIN");
    // SQLite has one writer: writers of this process queue on a mutex and get the lock as soon
    // as it is free, instead of polling it in busy_timeout's sleeps (1, 2, 5, 10 ms...), which
    // cut concurrent payment callbacks to 0.38x the raw commit rate (bench/callback_bench.py).
    // Other processes are still kept out by BEGIN IMMEDIATE and busy_timeout.
    std::lock_guard writer(sqlite_writer_);
    return run(work, "BEGIN IMMEDIATE");
  }

  core::Status refresh_statistics() override {
    std::unique_ptr<SessionContext> context;
    if (core::Status leased = pool_.lease(context); !leased.ok()) return leased;
    core::Status status = guarded("refreshing statistics", [&]() -> core::Status {
      context->session() << "ANALYZE";
      return {};
    });
    pool_.give_back(std::move(context));
    return status;
  }

  core::Status read(const std::function<core::Status(app::Repositories&)>& work) override {
    return run(work, target_.engine == Engine::kSqlite
                         ? "BEGIN"
                         : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }

 private:
  core::Status run(const std::function<core::Status(app::Repositories&)>& work, const char* begin) {
    std::unique_ptr<SessionContext> context;
    if (core::Status leased = pool_.lease(context); !leased.ok()) return leased;
    core::Status outcome;
    for (int attempt = 1;; ++attempt) {
      bool in_transaction = false;
      try {
        context->session() << begin;
        in_transaction = true;
        outcome = work(*context);
        context->session() << (outcome.ok() ? "COMMIT" : "ROLLBACK");
        break;
      } catch (const std::exception& e) {
        bool healthy = roll_back(*context, in_transaction);
        if (is_retryable(e) && healthy && attempt < kMaxAttempts) {
          std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt * attempt));
          continue;
        }
        outcome = translate_exception(e, "transaction");
        if (!healthy) context.reset();  // a broken connection is not returned to the pool
        break;
      }
    }
    pool_.give_back(std::move(context));
    return outcome;
  }

  // False when the connection is unusable.
  static bool roll_back(SessionContext& context, bool in_transaction) {
    if (!in_transaction) return context.session().is_connected();
    try {
      context.session() << "ROLLBACK";
      return true;
    } catch (const std::exception&) {
      return false;
    }
  }

  DatabaseTarget target_;
  SessionPool pool_;
  std::mutex sqlite_writer_;  // held for a whole SQLite write transaction (transact)
};

}  // namespace

core::Result<std::unique_ptr<app::Store>> open_store(const std::string& url, StoreOptions options) {
  core::Result<DatabaseTarget> target = parse_database_url(url);
  if (!target.ok()) return target.error();
  return guarded("opening " + url, [&]() -> core::Result<std::unique_ptr<app::Store>> {
    if (target->engine == Engine::kSqlite && target->sqlite_path == ":memory:") {
      return core::invalid_input("an in-memory SQLite database cannot be shared by a pool");
    }
    std::unique_ptr<soci::session> probe = connect(target.value());
    core::Result<std::int64_t> version = stored_schema_version(*probe, target.value());
    if (!version.ok()) return version.error();
    if (version.value() > schema_version()) {
      return core::Error{core::ErrorKind::kStorage,
                         "the database has schema version " + std::to_string(version.value()) +
                             ", newer than this motcua (" + std::to_string(schema_version()) +
                             "); use a newer motcua"};
    }
    if (version.value() != schema_version()) {
      return core::Error{core::ErrorKind::kStorage,
                         "the database has schema version " + std::to_string(version.value()) +
                             " but this motcua needs " + std::to_string(schema_version()) +
                             "; run `motcua migrate`"};
    }
    return std::unique_ptr<app::Store>(
        std::make_unique<SociStore>(target.value(), options.pool_size));
  });
}

}  // namespace motcua::adapters::storage
