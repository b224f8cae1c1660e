#pragma once

#include "adapters/storage/database_url.h"
#include "app/case_files.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

// The case_files rows of migration 12 over SOCI; both engines.
class SqlCaseFileRepository : public app::CaseFileRepository {
 public:
  SqlCaseFileRepository(soci::session& session, Engine engine);
  core::Result<std::int64_t> insert(const app::CaseFile& file) override;
  core::Result<std::vector<app::CaseFile>> list_for_case(std::int64_t case_id) override;
  core::Result<std::optional<app::CaseFile>> find(std::int64_t case_id,
                                                  std::int64_t file_id) override;

 private:
  core::Result<std::vector<app::CaseFile>> select(std::int64_t case_id,
                                                  std::optional<std::int64_t> file_id);
  soci::session& session_;
};

}  // namespace motcua::adapters::storage
