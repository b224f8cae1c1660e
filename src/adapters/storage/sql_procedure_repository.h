#pragma once

#include "adapters/storage/database_url.h"
#include "app/repositories.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

class SqlFilter;

class SqlProcedureRepository : public app::ProcedureRepository {
 public:
  SqlProcedureRepository(soci::session& session, Engine engine);
  core::Status save(const core::Procedure& procedure) override;
  core::Result<std::optional<core::Procedure>> find(std::string_view code) override;
  core::Result<std::vector<core::Procedure>> search(std::string_view text, std::string_view field,
                                                    std::int64_t limit) override;
  core::Result<std::vector<std::string>> list_fields() override;
  core::Result<std::vector<app::ProcedureName>> list_names(std::int64_t limit) override;
  core::Result<app::ProcedurePage> page(const app::ProcedureQuery& query) override;
  core::Result<std::vector<std::string>> list_levels() override;

 private:
  // The procedures' own columns (no fees, no documents) of the rows `filter` matches, with
  // `tail` (ORDER BY, LIMIT) appended and its placeholders bound to `tail_values`.
  core::Result<std::vector<core::Procedure>> read_rows(SqlFilter& filter, const std::string& tail,
                                                       std::vector<long long> tail_values);
  core::Status load_fees(core::Procedure& procedure);
  core::Status load_documents(core::Procedure& procedure);
  soci::session& session_;
};

}  // namespace motcua::adapters::storage
