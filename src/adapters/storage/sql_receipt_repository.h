#pragma once

#include "adapters/storage/database_url.h"
#include "app/repositories.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

// Receipts (biên lai). Uniqueness of (series, number) and of the request is the database's:
// a second receipt for either is kConflict.
class SqlReceiptRepository : public app::ReceiptRepository {
 public:
  SqlReceiptRepository(soci::session& session, Engine engine);
  ~SqlReceiptRepository() override;
  core::Result<std::int64_t> insert(const app::ReceiptRecord& receipt) override;
  core::Result<std::optional<app::ReceiptRecord>> find(std::int64_t id) override;
  core::Result<std::vector<app::ReceiptRecord>> list_for_case(std::int64_t case_id) override;

 private:
  std::vector<app::ReceiptRecord> select(const std::string& where, long long key);
  soci::session& session_;
};

}  // namespace motcua::adapters::storage
