#include "adapters/storage/sql_audit_log.h"

#include <soci/soci.h>

#include "adapters/storage/sql_error.h"
#include "adapters/storage/sql_support.h"

namespace motcua::adapters::storage {

SqlAuditLog::SqlAuditLog(soci::session& session, Engine) : session_(session) {}

core::Status SqlAuditLog::append(const app::AuditEntry& e) {
  return guarded("appending to the audit log", [&]() -> core::Status {
    long long at = to_column(e.at);
    session_ << "INSERT INTO audit_log (at, actor, action, entity_type, entity_id,"
                " before_state, after_state) VALUES (:at, :actor, :action, :type, :id, :b, :a)",
        soci::use(at), soci::use(e.actor), soci::use(e.action), soci::use(e.entity_type),
        soci::use(e.entity_id), soci::use(e.before), soci::use(e.after);
    return {};
  });
}

core::Result<std::vector<app::AuditEntry>> SqlAuditLog::for_entity(std::string_view entity_type,
                                                                   std::string_view entity_id) {
  return guarded("reading the audit log", [&]() -> core::Result<std::vector<app::AuditEntry>> {
    std::string type(entity_type);
    std::string id(entity_id);
    app::AuditEntry e;
    long long row_id = 0, at = 0;
    soci::statement st =
        (session_.prepare << "SELECT id, at, actor, action, entity_type, entity_id,"
                             " before_state, after_state FROM audit_log"
                             " WHERE entity_type = :t AND entity_id = :i ORDER BY id",
         soci::use(type), soci::use(id), soci::into(row_id), soci::into(at), soci::into(e.actor),
         soci::into(e.action), soci::into(e.entity_type), soci::into(e.entity_id),
         soci::into(e.before), soci::into(e.after));
    st.execute();
    std::vector<app::AuditEntry> out;
    while (st.fetch()) {
      e.id = row_id;
      e.at = seconds_from_column(at);
      out.push_back(e);
    }
    return out;
  });
}

}  // namespace motcua::adapters::storage
