#pragma once

#include <cstdint>

#include "adapters/storage/database_url.h"
#include "core/result.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

// The schema version recorded in the database (0 for an empty one). kStorage when the
// database is not motcua's (a foreign SQLite file, a PostgreSQL schema with other tables).
core::Result<std::int64_t> stored_schema_version(soci::session& session,
                                                 const DatabaseTarget& target);

}  // namespace motcua::adapters::storage
