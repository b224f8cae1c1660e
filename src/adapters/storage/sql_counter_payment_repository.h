#pragma once

#include <string>
#include <vector>

#include "adapters/storage/database_url.h"
#include "app/counter_payment_repository.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

// Counter payments (counter_payments, counter_payment_lines). The fee lines they pay are
// settled through SqlPaymentRepository::settle_line (UPDATE … WHERE paid = 0), in the same
// transaction, so the database decides which of two payments of one line wins.
class SqlCounterPaymentRepository : public app::CounterPaymentRepository {
 public:
  SqlCounterPaymentRepository(soci::session& session, Engine engine);
  ~SqlCounterPaymentRepository() override;
  core::Result<std::int64_t> insert(const app::CounterPaymentRecord& payment) override;
  core::Status attach_receipt(std::int64_t payment_id, std::int64_t receipt_id) override;
  core::Result<std::vector<app::CounterPaymentRecord>> list_for_case(std::int64_t case_id) override;
  core::Result<app::CounterPaymentPage> search(const app::CounterPaymentQuery& query) override;

 private:
  void load_lines(app::CounterPaymentRecord& payment);
  soci::session& session_;
};

}  // namespace motcua::adapters::storage
