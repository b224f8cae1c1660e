#include "adapters/storage/case_event_rows.h"

#include <soci/soci.h>

#include <string>

namespace motcua::adapters::storage {
namespace {

void notify(soci::session& session, Engine engine) {
  if (engine == Engine::kPostgres) session << std::string("NOTIFY ") + kCaseEventChannel;
}

}  // namespace

void insert_case_event(soci::session& session, Engine engine, std::int64_t case_id,
                       std::string_view case_code, std::string_view kind,
                       std::chrono::sys_seconds at) {
  long long id = case_id, when = at.time_since_epoch().count();
  std::string code(case_code), what(kind);
  session << "INSERT INTO case_events (case_id, case_code, kind, at) VALUES (:c, :code, :k, :at)",
      soci::use(id), soci::use(code), soci::use(what), soci::use(when);
  notify(session, engine);
}

void insert_case_event_for_line(soci::session& session, Engine engine, std::int64_t fee_line_id,
                                std::string_view kind, std::chrono::sys_seconds at) {
  long long line = fee_line_id, when = at.time_since_epoch().count();
  std::string what(kind);
  session << "INSERT INTO case_events (case_id, case_code, kind, at)"
             " SELECT c.id, c.code, :k, :at FROM fee_lines f JOIN cases c ON c.id = f.case_id"
             " WHERE f.id = :line",
      soci::use(what), soci::use(when), soci::use(line);
  notify(session, engine);
}

}  // namespace motcua::adapters::storage
