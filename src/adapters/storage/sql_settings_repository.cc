#include "adapters/storage/sql_settings_repository.h"

#include <soci/soci.h>

#include "adapters/storage/sql_error.h"

namespace motcua::adapters::storage {

SqlSettingsRepository::SqlSettingsRepository(soci::session& session, Engine) : session_(session) {}

core::Result<std::optional<std::string>> SqlSettingsRepository::get(std::string_view key) {
  return guarded("reading a setting", [&]() -> core::Result<std::optional<std::string>> {
    std::string k(key);
    std::string value;
    soci::indicator ind = soci::i_null;
    session_ << "SELECT value FROM settings WHERE key = :k", soci::use(k), soci::into(value, ind);
    if (!session_.got_data() || ind != soci::i_ok) return std::optional<std::string>();
    return std::optional<std::string>(value);
  });
}

core::Status SqlSettingsRepository::set(std::string_view key, std::string_view value) {
  return guarded("writing a setting", [&]() -> core::Status {
    std::string k(key);
    std::string v(value);
    session_ << "INSERT INTO settings (key, value) VALUES (:k, :v)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        soci::use(k), soci::use(v);
    return {};
  });
}

}  // namespace motcua::adapters::storage
