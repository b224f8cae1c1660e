#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "adapters/storage/database_url.h"

namespace motcua::adapters::storage {

// One forward-only step of the schema. Statements are written once for both engines with
// two placeholders: {id} (an int64 primary key the database assigns) and {key} (text that is
// compared byte by byte, so prefix ranges and uniqueness do not depend on a locale).
struct Migration {
  std::int64_t version;
  std::string description;
  std::vector<std::string> statements;           // both engines
  std::vector<std::string> sqlite_statements;    // then these, on SQLite only
  std::vector<std::string> postgres_statements;  // or these, on PostgreSQL only
};

const std::vector<Migration>& migrations();

// The statements of `migration` for `engine`, placeholders replaced.
std::vector<std::string> statements_for(const Migration& migration, Engine engine);

// Marks a SQLite file as motcua's (PRAGMA application_id): "MCUA".
inline constexpr std::int64_t kSqliteApplicationId = 0x4D435541;

}  // namespace motcua::adapters::storage
