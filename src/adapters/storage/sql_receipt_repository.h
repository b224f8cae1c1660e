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
  core::Result<std::vector<app::ReceiptLineRecord>> lines(std::int64_t receipt_id) override;
  core::Result<std::optional<app::ReceiptRecord>> find_replacement(
      std::int64_t receipt_id) override;
  core::Status cancel(std::int64_t receipt_id, std::chrono::sys_seconds at, std::string_view reason,
                      std::string_view cancelled_by) override;
  core::Status mark_replaced(std::int64_t receipt_id) override;

 private:
  std::vector<app::ReceiptRecord> select(const std::string& where, long long key);
  // After an UPDATE ... WHERE state = issued: ok when it changed the row, else kNotFound or
  // kConflict (the receipt had left the issued state, e.g. another officer was first).
  core::Status leave_issued(std::int64_t receipt_id, long long affected);
  soci::session& session_;
};

}  // namespace motcua::adapters::storage
