#pragma once

#include <memory>

#include "adapters/storage/database_url.h"
#include "app/store.h"

namespace soci {
class session;
}

namespace motcua::adapters::storage {

class SqlAgencyRepository;
class SqlStaffRepository;
class SqlCitizenRepository;
class SqlProcedureRepository;
class SqlCaseRepository;
class SqlSequenceRepository;
class SqlAuditLog;
class SqlCalendarRepository;
class SqlSettingsRepository;
class SqlPaymentRepository;
class SqlReceiptRepository;
class SqlReconciliationRepository;
class SqlCounterScreenRepository;
class SqlCounterPaymentRepository;
class SqlCaseFileRepository;

// One pooled connection and the repositories bound to it. Repositories are created on first
// use and live as long as the connection, so their prepared statements are prepared once
// per connection, not once per transaction.
class SessionContext : public app::Repositories {
 public:
  SessionContext(std::unique_ptr<soci::session> session, Engine engine);
  ~SessionContext() override;

  soci::session& session() { return *session_; }
  Engine engine() const { return engine_; }

  app::AgencyRepository& agencies() override;
  app::StaffRepository& staff() override;
  app::CitizenRepository& citizens() override;
  app::ProcedureRepository& procedures() override;
  app::CaseRepository& cases() override;
  app::SequenceRepository& sequences() override;
  app::AuditLog& audit() override;
  app::CalendarRepository& calendar() override;
  app::SettingsRepository& settings() override;
  app::PaymentRepository& payments() override;
  app::ReceiptRepository& receipts() override;
  app::ReconciliationRepository& reconciliations() override;
  app::CounterScreenRepository& counter_screens() override;
  app::CounterPaymentRepository& counter_payments() override;
  app::CaseFileRepository& case_files() override;

 private:
  std::unique_ptr<soci::session> session_;
  Engine engine_;
  std::unique_ptr<SqlAgencyRepository> agencies_;
  std::unique_ptr<SqlStaffRepository> staff_;
  std::unique_ptr<SqlCitizenRepository> citizens_;
  std::unique_ptr<SqlProcedureRepository> procedures_;
  std::unique_ptr<SqlCaseRepository> cases_;
  std::unique_ptr<SqlSequenceRepository> sequences_;
  std::unique_ptr<SqlAuditLog> audit_;
  std::unique_ptr<SqlCalendarRepository> calendar_;
  std::unique_ptr<SqlSettingsRepository> settings_;
  std::unique_ptr<SqlPaymentRepository> payments_;
  std::unique_ptr<SqlReceiptRepository> receipts_;
  std::unique_ptr<SqlReconciliationRepository> reconciliations_;
  std::unique_ptr<SqlCounterScreenRepository> counter_screens_;
  std::unique_ptr<SqlCounterPaymentRepository> counter_payments_;
  std::unique_ptr<SqlCaseFileRepository> case_files_;
};

}  // namespace motcua::adapters::storage
