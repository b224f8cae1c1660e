#pragma once

#include <memory>

#include "adapters/storage/database_url.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

// Opens a raw connection, nothing run on it yet. Throws soci::soci_error on failure.
std::unique_ptr<soci::session> connect(const DatabaseTarget& target);

// Session settings for normal work: on SQLite WAL, durable commits (synchronous=FULL: a
// confirmed payment must survive a power cut), foreign keys, and a busy timeout so that
// writers queue instead of failing. Throws on failure.
void configure_session(soci::session& session, Engine engine);

}  // namespace motcua::adapters::storage
