#include "adapters/storage/database_url.h"

namespace motcua::adapters::storage {

core::Result<DatabaseTarget> parse_database_url(std::string_view url) {
  constexpr std::string_view kSqlite = "sqlite://";
  if (url.substr(0, kSqlite.size()) == kSqlite) {
    std::string_view path = url.substr(kSqlite.size());
    if (path.empty()) return core::invalid_input("database url 'sqlite://' names no file");
    return DatabaseTarget{Engine::kSqlite, std::string(path), ""};
  }
  if (url.substr(0, 13) == "postgresql://" || url.substr(0, 11) == "postgres://") {
    return DatabaseTarget{Engine::kPostgres, "", std::string(url)};
  }
  return core::invalid_input("database url '" + std::string(url) +
                             "' must start with sqlite:// or postgresql://");
}

}  // namespace motcua::adapters::storage
