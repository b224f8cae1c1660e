#pragma once

#include "adapters/storage/database_url.h"
#include "app/repositories.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

// Payment requests and their lines, the applied-events guard, callbacks and overpayments.
// Concurrency: every write is a conditional statement (state = :from, paid = 0) or an
// INSERT ... ON CONFLICT DO NOTHING, so the database decides races; lock() and lock_case()
// take row locks on PostgreSQL (SELECT ... FOR NO KEY UPDATE, which foreign-key checks of other
// writers do not wait for) and rely on SQLite's one writer (BEGIN IMMEDIATE).
class SqlPaymentRepository : public app::PaymentRepository {
 public:
  SqlPaymentRepository(soci::session& session, Engine engine);
  ~SqlPaymentRepository() override;
  core::Result<std::int64_t> create(const app::PaymentRequestRecord& request) override;
  core::Result<std::optional<app::PaymentRequestRecord>> find_by_reference(
      std::string_view reference) override;
  core::Result<std::optional<app::PaymentRequestRecord>> find_by_transaction(
      std::string_view gateway, std::string_view transaction_id) override;
  core::Result<std::optional<app::PaymentRequestRecord>> lock(std::int64_t request_id) override;
  core::Status lock_case(std::int64_t case_id) override;
  core::Result<std::vector<app::PaymentRequestRecord>> list_for_case(std::int64_t case_id) override;
  core::Result<std::vector<app::PaymentRequestRecord>> due_for_recovery(
      std::chrono::sys_seconds expired_by, std::int64_t limit) override;
  core::Result<std::vector<app::PaymentRequestRecord>> changed_between(
      std::chrono::sys_seconds from, std::chrono::sys_seconds until) override;
  core::Status record_gateway_answer(std::int64_t request_id, std::string_view transaction_id,
                                     std::string_view payment_url,
                                     std::chrono::sys_seconds at) override;
  core::Result<bool> move(const app::PaymentRequestRecord& request,
                          core::PaymentState from) override;
  core::Result<bool> claim_event(std::string_view gateway, std::string_view event_id,
                                 std::int64_t request_id, std::chrono::sys_seconds at) override;
  core::Status record_callback(const app::PaymentCallbackRecord& callback) override;
  core::Result<std::vector<app::PaymentCallbackRecord>> callbacks_for_request(
      std::int64_t request_id) override;
  core::Result<std::vector<app::AppliedEventRecord>> applied_events_for_request(
      std::int64_t request_id) override;
  core::Result<bool> settle_line(std::int64_t fee_line_id,
                                 const app::LineSettlement& settlement) override;
  core::Status attach_receipt(std::int64_t fee_line_id, std::int64_t receipt_id) override;
  core::Result<std::int64_t> record_overpayment(const app::OverpaymentRecord& overpayment) override;
  core::Result<std::vector<app::OverpaymentRecord>> overpayments_for_case(
      std::int64_t case_id) override;

 private:
  // Requests matching `where` (binding `key`), in `order`, with their lines.
  std::vector<app::PaymentRequestRecord> select(const std::string& where, long long key,
                                                const std::string& tail);
  std::vector<app::PaymentRequestRecord> select_text(const std::string& where,
                                                     const std::string& first,
                                                     const std::string& second);
  void load_lines(app::PaymentRequestRecord& request);

  soci::session& session_;
  Engine engine_;
};

}  // namespace motcua::adapters::storage
