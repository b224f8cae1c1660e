#pragma once

#include "adapters/storage/database_url.h"
#include "app/repositories.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

// Append-only in SQL too: triggers refuse UPDATE and DELETE on audit_log (schema.cc).
class SqlAuditLog : public app::AuditLog {
 public:
  SqlAuditLog(soci::session& session, Engine engine);
  core::Status append(const app::AuditEntry& entry) override;
  core::Result<std::vector<app::AuditEntry>> for_entity(std::string_view entity_type,
                                                        std::string_view entity_id) override;

 private:
  soci::session& session_;
};

}  // namespace motcua::adapters::storage
