#pragma once

#include "adapters/storage/database_url.h"
#include "app/repositories.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

class SqlAgencyRepository : public app::AgencyRepository {
 public:
  SqlAgencyRepository(soci::session& session, Engine engine);
  core::Status save(const core::Agency& agency) override;
  core::Result<std::optional<core::Agency>> find(std::string_view code) override;
  core::Result<std::vector<core::Agency>> list() override;

 private:
  core::Result<std::vector<core::Agency>> select(const std::string& where, const std::string& key);
  soci::session& session_;
};

}  // namespace motcua::adapters::storage
