#include "adapters/storage/session_context.h"

#include <soci/soci.h>

#include "adapters/storage/sql_account_repositories.h"
#include "adapters/storage/sql_agency_repository.h"
#include "adapters/storage/sql_audit_log.h"
#include "adapters/storage/sql_calendar_repository.h"
#include "adapters/storage/sql_case_file_repository.h"
#include "adapters/storage/sql_case_repository.h"
#include "adapters/storage/sql_counter_payment_repository.h"
#include "adapters/storage/sql_counter_screen_repository.h"
#include "adapters/storage/sql_payment_repository.h"
#include "adapters/storage/sql_procedure_repository.h"
#include "adapters/storage/sql_receipt_repository.h"
#include "adapters/storage/sql_reconciliation_repository.h"
#include "adapters/storage/sql_sequence_repository.h"
#include "adapters/storage/sql_settings_repository.h"

namespace motcua::adapters::storage {
namespace {

template <typename T>
T& lazily(std::unique_ptr<T>& slot, soci::session& session, Engine engine) {
  if (!slot) slot = std::make_unique<T>(session, engine);
  return *slot;
}

}  // namespace

SessionContext::SessionContext(std::unique_ptr<soci::session> session, Engine engine)
    : session_(std::move(session)), engine_(engine) {}

// Repositories hold statements on the session, so they go before it.
SessionContext::~SessionContext() {
  agencies_.reset();
  staff_.reset();
  citizens_.reset();
  procedures_.reset();
  cases_.reset();
  sequences_.reset();
  audit_.reset();
  calendar_.reset();
  settings_.reset();
  payments_.reset();
  receipts_.reset();
  reconciliations_.reset();
  counter_screens_.reset();
  counter_payments_.reset();
  case_files_.reset();
}

app::AgencyRepository& SessionContext::agencies() { return lazily(agencies_, *session_, engine_); }
app::StaffRepository& SessionContext::staff() { return lazily(staff_, *session_, engine_); }
app::CitizenRepository& SessionContext::citizens() { return lazily(citizens_, *session_, engine_); }
app::ProcedureRepository& SessionContext::procedures() {
  return lazily(procedures_, *session_, engine_);
}
app::CaseRepository& SessionContext::cases() { return lazily(cases_, *session_, engine_); }
app::SequenceRepository& SessionContext::sequences() {
  return lazily(sequences_, *session_, engine_);
}
app::AuditLog& SessionContext::audit() { return lazily(audit_, *session_, engine_); }
app::CalendarRepository& SessionContext::calendar() {
  return lazily(calendar_, *session_, engine_);
}
app::SettingsRepository& SessionContext::settings() {
  return lazily(settings_, *session_, engine_);
}

app::PaymentRepository& SessionContext::payments() { return lazily(payments_, *session_, engine_); }
app::ReceiptRepository& SessionContext::receipts() { return lazily(receipts_, *session_, engine_); }
app::ReconciliationRepository& SessionContext::reconciliations() {
  return lazily(reconciliations_, *session_, engine_);
}

app::CounterScreenRepository& SessionContext::counter_screens() {
  return lazily(counter_screens_, *session_, engine_);
}

app::CounterPaymentRepository& SessionContext::counter_payments() {
  return lazily(counter_payments_, *session_, engine_);
}

app::CaseFileRepository& SessionContext::case_files() {
  return lazily(case_files_, *session_, engine_);
}

}  // namespace motcua::adapters::storage
