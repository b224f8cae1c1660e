#pragma once

#include "adapters/storage/database_url.h"
#include "app/repositories.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

class SqlProcedureRepository : public app::ProcedureRepository {
 public:
  SqlProcedureRepository(soci::session& session, Engine engine);
  core::Status save(const core::Procedure& procedure) override;
  core::Result<std::optional<core::Procedure>> find(std::string_view code) override;
  core::Result<std::vector<core::Procedure>> search(std::string_view text, std::string_view field,
                                                    std::int64_t limit) override;
  core::Result<std::vector<std::string>> list_fields() override;
  core::Result<std::vector<app::ProcedureName>> list_names(std::int64_t limit) override;

 private:
  core::Status load_fees(core::Procedure& procedure);
  core::Status load_documents(core::Procedure& procedure);
  soci::session& session_;
};

}  // namespace motcua::adapters::storage
