#pragma once

#include "adapters/storage/database_url.h"
#include "app/repositories.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

// The counter screens of migration 9 over SOCI, one statement per call; both engines.
class SqlCounterScreenRepository : public app::CounterScreenRepository {
 public:
  SqlCounterScreenRepository(soci::session& session, Engine engine);
  core::Result<std::int64_t> create(const app::CounterScreenRecord& screen) override;
  core::Result<std::optional<app::CounterScreenRecord>> find_by_secret(
      std::string_view secret_hash) override;
  core::Result<std::optional<app::CounterScreenRecord>> find_by_pairing_code(
      std::string_view code) override;
  core::Result<std::optional<app::CounterScreenRecord>> find_by_staff(
      std::string_view staff_login) override;
  core::Status update(const app::CounterScreenRecord& screen) override;
  core::Status touch(std::int64_t id, std::chrono::sys_seconds last_seen) override;
  core::Result<std::int64_t> remove_unbound_unseen(std::chrono::sys_seconds before) override;
  core::Result<std::optional<app::FeeProgress>> fee_progress(std::string_view case_code) override;

 private:
  // The one screen whose `column` equals `value` (a unique column), if any.
  std::optional<app::CounterScreenRecord> find_where(const char* column, std::string_view value);

  soci::session& session_;
};

}  // namespace motcua::adapters::storage
