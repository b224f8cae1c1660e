#pragma once

#include <functional>

#include "app/case_files.h"
#include "app/counter_payment_repository.h"
#include "app/reconciliation_repository.h"
#include "app/repositories.h"
#include "core/result.h"

namespace motcua::app {

// All repositories, bound to one open transaction.
class Repositories {
 public:
  virtual ~Repositories();
  virtual AgencyRepository& agencies() = 0;
  virtual StaffRepository& staff() = 0;
  virtual CitizenRepository& citizens() = 0;
  virtual ProcedureRepository& procedures() = 0;
  virtual CaseRepository& cases() = 0;
  virtual SequenceRepository& sequences() = 0;
  virtual AuditLog& audit() = 0;
  virtual CalendarRepository& calendar() = 0;
  virtual SettingsRepository& settings() = 0;
  virtual PaymentRepository& payments() = 0;
  virtual ReceiptRepository& receipts() = 0;
  virtual ReconciliationRepository& reconciliations() = 0;
  virtual CounterScreenRepository& counter_screens() = 0;
  virtual CounterPaymentRepository& counter_payments() = 0;
  virtual CaseFileRepository& case_files() = 0;
};

// Port: transactional access to persistent state. Implementations are safe to share between
// threads; each transaction uses its own connection.
class Store {
 public:
  virtual ~Store();
  // Runs `work` in one write transaction: commits when it returns ok, rolls back when it
  // returns an error (which is returned). A transaction that loses a lock race with another
  // writer is retried a few times, so `work` must not have effects outside the store.
  virtual core::Status transact(const std::function<core::Status(Repositories&)>& work) = 0;
  // Runs `work` in a read-only transaction (a consistent snapshot).
  virtual core::Status read(const std::function<core::Status(Repositories&)>& work) = 0;
  // Refreshes the query planner's statistics (ANALYZE) after a bulk load, so that searches
  // pick their indexes well. Outside any transaction; may take seconds on a large database.
  virtual core::Status refresh_statistics() = 0;
};

}  // namespace motcua::app
