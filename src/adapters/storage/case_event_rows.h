#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>

#include "adapters/storage/database_url.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

// The channel PostgreSQL notifies (at commit) when a transaction wrote case events.
inline constexpr const char* kCaseEventChannel = "motcua_case_events";

// Writes one row of the change feed (table case_events) in the session's open transaction and,
// on PostgreSQL, queues NOTIFY motcua_case_events (delivered when the transaction commits,
// once per transaction however many events it wrote). Throws soci errors.
void insert_case_event(soci::session& session, Engine engine, std::int64_t case_id,
                       std::string_view case_code, std::string_view kind,
                       std::chrono::sys_seconds at);

// The same for the case of fee line `fee_line_id` (nothing when there is no such line).
void insert_case_event_for_line(soci::session& session, Engine engine, std::int64_t fee_line_id,
                                std::string_view kind, std::chrono::sys_seconds at);

}  // namespace motcua::adapters::storage
