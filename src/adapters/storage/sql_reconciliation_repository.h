#pragma once

#include "adapters/storage/database_url.h"
#include "app/reconciliation_repository.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

// Reconciliation runs and items (migration 7). Runs are written twice (created, finished);
// items only appended.
class SqlReconciliationRepository : public app::ReconciliationRepository {
 public:
  SqlReconciliationRepository(soci::session& session, Engine engine);
  ~SqlReconciliationRepository() override;
  core::Result<std::int64_t> create_run(const app::ReconciliationRunRecord& run) override;
  core::Status finish_run(const app::ReconciliationRunRecord& run) override;
  core::Result<std::int64_t> add_item(const app::ReconciliationItemRecord& item) override;
  core::Result<std::optional<app::ReconciliationRunRecord>> find_run(std::int64_t id) override;
  core::Result<std::vector<app::ReconciliationRunRecord>> runs_for_date(
      std::chrono::sys_days business_date) override;
  core::Result<std::vector<app::ReconciliationItemRecord>> items_of_run(
      std::int64_t run_id) override;

 private:
  std::vector<app::ReconciliationRunRecord> select_runs(const std::string& where, long long key);

  soci::session& session_;
};

}  // namespace motcua::adapters::storage
