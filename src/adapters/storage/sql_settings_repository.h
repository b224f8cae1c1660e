#pragma once

#include "adapters/storage/database_url.h"
#include "app/repositories.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

class SqlSettingsRepository : public app::SettingsRepository {
 public:
  SqlSettingsRepository(soci::session& session, Engine engine);
  core::Result<std::optional<std::string>> get(std::string_view key) override;
  core::Status set(std::string_view key, std::string_view value) override;

 private:
  soci::session& session_;
};

}  // namespace motcua::adapters::storage
