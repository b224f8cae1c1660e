// migrate(), schema_version() and the identity checks that keep motcua away from databases
// that are not its own.
#include <soci/soci.h>

#include <chrono>
#include <filesystem>

#include "adapters/storage/connection.h"
#include "adapters/storage/migrator.h"
#include "adapters/storage/open_store.h"
#include "adapters/storage/schema.h"
#include "adapters/storage/sql_error.h"

namespace motcua::adapters::storage {
namespace {

long long now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

core::Error not_motcua(const std::string& what) {
  return {core::ErrorKind::kStorage, what + " is not a motcua database; refusing to touch it"};
}

// kStorage when the database belongs to someone else. An empty database is motcua's to take.
core::Status check_identity(soci::session& session, const DatabaseTarget& target) {
  if (target.engine == Engine::kSqlite) {
    long long application_id = 0;
    try {
      session << "PRAGMA application_id", soci::into(application_id);
    } catch (const std::exception& e) {
      return not_motcua("'" + target.sqlite_path + "' (" + e.what() + ")");
    }
    if (application_id == kSqliteApplicationId) return {};
    long long objects = 0;
    session << "SELECT COUNT(*) FROM sqlite_master", soci::into(objects);
    if (application_id != 0 || objects > 0) return not_motcua("'" + target.sqlite_path + "'");
    return {};
  }
  long long tables = 0;
  long long ours = 0;
  session << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
             "current_schema()",
      soci::into(tables);
  session << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
             "current_schema() AND table_name = 'motcua_schema'",
      soci::into(ours);
  if (tables > 0 && ours == 0) return not_motcua("the PostgreSQL database");
  return {};
}

void begin_write(soci::session& session, Engine engine) {
  session << (engine == Engine::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

}  // namespace

std::int64_t schema_version() { return migrations().back().version; }

core::Result<std::int64_t> stored_schema_version(soci::session& session,
                                                 const DatabaseTarget& target) {
  if (core::Status identity = check_identity(session, target); !identity.ok()) {
    return identity.error();
  }
  return guarded("reading the schema version", [&]() -> core::Result<std::int64_t> {
    long long present = 0;
    if (target.engine == Engine::kSqlite) {
      session << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
                 "'motcua_schema'",
          soci::into(present);
    } else {
      session << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                 "current_schema() AND table_name = 'motcua_schema'",
          soci::into(present);
    }
    if (present == 0) return std::int64_t{0};
    long long version = 0;
    soci::indicator null_version = soci::i_ok;
    session << "SELECT MAX(version) FROM motcua_schema", soci::into(version, null_version);
    return null_version == soci::i_null ? std::int64_t{0} : std::int64_t{version};
  });
}

core::Result<MigrationReport> migrate(const std::string& url) {
  return migrate(url, schema_version());
}

core::Result<MigrationReport> migrate(const std::string& url, std::int64_t up_to) {
  core::Result<DatabaseTarget> target = parse_database_url(url);
  if (!target.ok()) return target.error();
  const DatabaseTarget& db = target.value();
  return guarded("migrating " + url, [&]() -> core::Result<MigrationReport> {
    if (db.engine == Engine::kSqlite && db.sqlite_path != ":memory:") {
      std::filesystem::path parent = std::filesystem::path(db.sqlite_path).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent);
    }
    std::unique_ptr<soci::session> session = connect(db);
    core::Result<std::int64_t> before = stored_schema_version(*session, db);
    if (!before.ok()) return before.error();
    if (before.value() > schema_version()) {
      return core::Error{core::ErrorKind::kStorage,
                         "the database has schema version " + std::to_string(before.value()) +
                             ", newer than this motcua (" + std::to_string(schema_version()) +
                             "); refusing to touch it"};
    }
    configure_session(*session, db.engine);

    MigrationReport report{before.value(), before.value()};
    for (const Migration& migration : migrations()) {
      if (migration.version <= report.to_version || migration.version > up_to) continue;
      begin_write(*session, db.engine);
      try {
        // Another process may have migrated while we waited for the write lock.
        *session << "CREATE TABLE IF NOT EXISTS motcua_schema (version BIGINT PRIMARY KEY,"
                    " description TEXT NOT NULL, applied_at BIGINT NOT NULL)";
        if (db.engine == Engine::kPostgres) {
          *session << "LOCK TABLE motcua_schema IN EXCLUSIVE MODE";
        }
        long long applied = 0;
        *session << "SELECT COUNT(*) FROM motcua_schema WHERE version = :v",
            soci::use(static_cast<long long>(migration.version)), soci::into(applied);
        if (applied == 0) {
          if (db.engine == Engine::kSqlite) {
            *session << "PRAGMA application_id = " + std::to_string(kSqliteApplicationId);
          }
          for (const std::string& sql : statements_for(migration, db.engine)) *session << sql;
          long long version = migration.version;
          long long at = now_seconds();
          *session << "INSERT INTO motcua_schema (version, description, applied_at)"
                      " VALUES (:v, :d, :a)",
              soci::use(version), soci::use(migration.description), soci::use(at);
        }
        *session << "COMMIT";
      } catch (...) {
        *session << "ROLLBACK";
        throw;
      }
      report.to_version = migration.version;
    }
    return report;
  });
}

}  // namespace motcua::adapters::storage
