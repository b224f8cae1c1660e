#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace motcua::adapters::storage {

enum class Engine { kSqlite, kPostgres };

// Where the database is, read from database.url (see open_store.h for the forms).
struct DatabaseTarget {
  Engine engine = Engine::kSqlite;
  std::string sqlite_path;        // for kSqlite: a file path or ":memory:"
  std::string postgres_conninfo;  // for kPostgres: the libpq URI as given
};

core::Result<DatabaseTarget> parse_database_url(std::string_view url);

}  // namespace motcua::adapters::storage
