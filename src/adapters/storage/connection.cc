#include "adapters/storage/connection.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace motcua::adapters::storage {

std::unique_ptr<soci::session> connect(const DatabaseTarget& target) {
  if (target.engine == Engine::kSqlite) {
    // timeout: seconds SQLite waits on a locked database before reporting busy.
    return std::make_unique<soci::session>(soci::sqlite3,
                                           "db=" + target.sqlite_path + " timeout=30");
  }
  return std::make_unique<soci::session>(soci::postgresql, target.postgres_conninfo);
}

void configure_session(soci::session& session, Engine engine) {
  if (engine == Engine::kSqlite) {
    std::string mode;
    session << "PRAGMA journal_mode=WAL", soci::into(mode);
    session << "PRAGMA synchronous=FULL";
    session << "PRAGMA foreign_keys=ON";
    session << "PRAGMA busy_timeout=30000";
    // Statement journals and sort spills stay in memory instead of temp files: large
    // transactions (seeding, imports) wrote ~30 temp-file pages per case without it.
    session << "PRAGMA temp_store=MEMORY";
    session << "PRAGMA cache_size=-65536";  // 64 MiB of page cache per connection
  } else {
    session << "SET client_encoding TO 'UTF8'";
    session << "SET TIME ZONE 'UTC'";
    session << "SET client_min_messages TO WARNING";  // no NOTICE chatter on stderr
  }
}

}  // namespace motcua::adapters::storage
