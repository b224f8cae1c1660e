#include "adapters/storage/sql_error.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <string>

namespace motcua::adapters::storage {

core::Error translate_exception(const std::exception& e, std::string_view context) {
  std::string message = std::string(context) + ": " + e.what();
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    std::string state = pg->sqlstate();
    if (state == "23505") return {core::ErrorKind::kConflict, message};
    if (state.rfind("23", 0) == 0) return core::invalid_input(message);
  }
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    if ((lite->result() & 0xff) == SQLITE_CONSTRAINT) {
      bool unique = message.find("UNIQUE") != std::string::npos ||
                    message.find("PRIMARY KEY") != std::string::npos;
      return unique ? core::Error{core::ErrorKind::kConflict, message}
                    : core::invalid_input(message);
    }
  }
  return {core::ErrorKind::kStorage, message};
}

bool is_retryable(const std::exception& e) {
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    std::string state = pg->sqlstate();
    return state == "40001" || state == "40P01";
  }
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    int code = lite->result() & 0xff;
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
  }
  return false;
}

}  // namespace motcua::adapters::storage
