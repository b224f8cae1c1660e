#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "app/store.h"
#include "app/web_sessions.h"
#include "core/result.h"

namespace motcua::adapters::storage {

// database.url forms: "sqlite:///absolute/path.db", "sqlite://relative/path.db" (relative to
// the working directory), "sqlite://:memory:" (tests), or a libpq URI "postgresql://...".

struct MigrationReport {
  std::int64_t from_version = 0;
  std::int64_t to_version = 0;
};

// Brings the database to this binary's schema version, each migration in its own transaction.
// Creates the SQLite file (and its directory) when absent. Refuses, touching nothing, a
// database newer than the binary and a file or database that is not motcua's.
core::Result<MigrationReport> migrate(const std::string& url);
// The same, stopping at `up_to` (tests use it to start from each earlier version).
core::Result<MigrationReport> migrate(const std::string& url, std::int64_t up_to);

struct StoreOptions {
  std::size_t pool_size = 4;  // connections; one per concurrent transaction
};

// Opens the store. Refuses a database whose schema version is not this binary's (it says to
// run `motcua migrate`) and a database that is not motcua's.
core::Result<std::unique_ptr<app::Store>> open_store(const std::string& url,
                                                     StoreOptions options = {});

// Opens browser sessions and sign-in throttling on the same database (same checks as
// open_store).
core::Result<std::unique_ptr<app::WebSessionStore>> open_web_session_store(
    const std::string& url, StoreOptions options = {});

// The schema version this binary writes.
std::int64_t schema_version();

}  // namespace motcua::adapters::storage
