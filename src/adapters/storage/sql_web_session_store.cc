// WebSessionStore over the same pool as the Store: each call is one autocommit statement (or
// two in one transaction), so sessions and lockouts work across motcua processes.
#include <soci/soci.h>

#include "adapters/storage/connection.h"
#include "adapters/storage/migrator.h"
#include "adapters/storage/open_store.h"
#include "adapters/storage/session_pool.h"
#include "adapters/storage/sql_error.h"
#include "adapters/storage/sql_support.h"

namespace motcua::adapters::storage {
namespace {

class SqlWebSessionStore : public app::WebSessionStore {
 public:
  SqlWebSessionStore(DatabaseTarget target, std::size_t size) : pool_(std::move(target), size) {}

  core::Status create(const app::WebSession& s) override {
    return with_session("creating a session", [&](soci::session& sql) -> core::Status {
      long long created = to_column(s.created_at);
      long long expires = to_column(s.expires_at);
      sql << "INSERT INTO web_sessions (token_hash, principal, csrf_token, created_at,"
             " expires_at) VALUES (:t, :p, :c, :cr, :e)",
          soci::use(s.token_hash), soci::use(s.principal), soci::use(s.csrf_token),
          soci::use(created), soci::use(expires);
      return {};
    });
  }

  core::Result<std::optional<app::WebSession>> find(std::string_view token_hash,
                                                    std::chrono::sys_seconds now) override {
    std::optional<app::WebSession> found;
    core::Status status = with_session("reading a session", [&](soci::session& sql) {
      app::WebSession s;
      std::string key(token_hash);
      long long created = 0, expires = 0, at = to_column(now);
      sql << "SELECT token_hash, principal, csrf_token, created_at, expires_at FROM web_sessions"
             " WHERE token_hash = :t AND expires_at > :n",
          soci::use(key), soci::use(at), soci::into(s.token_hash), soci::into(s.principal),
          soci::into(s.csrf_token), soci::into(created), soci::into(expires);
      if (sql.got_data()) {
        s.created_at = seconds_from_column(created);
        s.expires_at = seconds_from_column(expires);
        found = std::move(s);
      }
      return core::Status{};
    });
    if (!status.ok()) return status.error();
    return found;
  }

  core::Status extend(std::string_view token_hash, std::chrono::sys_seconds expires_at) override {
    return with_session("extending a session", [&](soci::session& sql) -> core::Status {
      std::string key(token_hash);
      long long expires = to_column(expires_at);
      sql << "UPDATE web_sessions SET expires_at = :e WHERE token_hash = :t", soci::use(expires),
          soci::use(key);
      return {};
    });
  }

  core::Status remove(std::string_view token_hash) override {
    return with_session("ending a session", [&](soci::session& sql) -> core::Status {
      std::string key(token_hash);
      sql << "DELETE FROM web_sessions WHERE token_hash = :t", soci::use(key);
      return {};
    });
  }

  core::Result<app::LoginFailures> failures(std::string_view login) override {
    app::LoginFailures result;
    core::Status status = with_session("reading sign-in failures", [&](soci::session& sql) {
      std::string key(login);
      long long count = 0;
      NullableInt locked;
      sql << "SELECT failures, locked_until FROM login_failures WHERE login = :l", soci::use(key),
          soci::into(count), soci::into(locked.value, locked.indicator);
      if (sql.got_data()) {
        result.count = count;
        if (locked.get()) result.locked_until = seconds_from_column(locked.value);
      }
      return core::Status{};
    });
    if (!status.ok()) return status.error();
    return result;
  }

  core::Status record_failure(std::string_view login,
                              std::optional<std::chrono::sys_seconds> locked_until) override {
    return with_session("recording a sign-in failure", [&](soci::session& sql) -> core::Status {
      std::string key(login);
      NullableInt locked;
      if (locked_until) locked.set(to_column(*locked_until));
      sql << "INSERT INTO login_failures (login, failures, locked_until) VALUES (:l, 1, :u)"
             " ON CONFLICT (login) DO UPDATE SET failures = login_failures.failures + 1,"
             " locked_until = excluded.locked_until",
          soci::use(key), soci::use(locked.value, locked.indicator);
      return {};
    });
  }

  core::Status clear_failures(std::string_view login) override {
    return with_session("clearing sign-in failures", [&](soci::session& sql) -> core::Status {
      std::string key(login);
      sql << "DELETE FROM login_failures WHERE login = :l", soci::use(key);
      return {};
    });
  }

 private:
  template <typename F>
  core::Status with_session(std::string_view what, F&& work) {
    std::unique_ptr<SessionContext> context;
    if (core::Status leased = pool_.lease(context); !leased.ok()) return leased;
    core::Status status;
    bool healthy = true;
    try {
      status = work(context->session());
    } catch (const std::exception& e) {
      status = translate_exception(e, what);
      healthy = context->session().is_connected();
    }
    pool_.give_back(healthy ? std::move(context) : nullptr);
    return status;
  }

  SessionPool pool_;
};

}  // namespace

core::Result<std::unique_ptr<app::WebSessionStore>> open_web_session_store(const std::string& url,
                                                                           StoreOptions options) {
  core::Result<DatabaseTarget> target = parse_database_url(url);
  if (!target.ok()) return target.error();
  return guarded("opening " + url, [&]() -> core::Result<std::unique_ptr<app::WebSessionStore>> {
    std::unique_ptr<soci::session> probe = connect(target.value());
    core::Result<std::int64_t> version = stored_schema_version(*probe, target.value());
    if (!version.ok()) return version.error();
    if (version.value() != schema_version()) {
      return core::Error{core::ErrorKind::kStorage,
                         "the database schema is not this motcua's; run `motcua migrate`"};
    }
    return std::unique_ptr<app::WebSessionStore>(
        std::make_unique<SqlWebSessionStore>(target.value(), options.pool_size));
  });
}

}  // namespace motcua::adapters::storage
