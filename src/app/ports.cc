// Out-of-line virtual destructors anchor each port's vtable in one translation unit.
#include "app/counter_payment_repository.h"
#include "app/event_log.h"
#include "app/outbox.h"
#include "app/payment_callbacks.h"
#include "app/payment_gateway.h"
#include "app/payment_links.h"
#include "app/qr_code_renderer.h"
#include "app/repositories.h"
#include "app/store.h"
#include "app/store_metrics.h"
#include "app/token_service.h"
#include "app/web_sessions.h"

namespace motcua::app {

AgencyRepository::~AgencyRepository() = default;
StaffRepository::~StaffRepository() = default;
CitizenRepository::~CitizenRepository() = default;
ProcedureRepository::~ProcedureRepository() = default;
CaseRepository::~CaseRepository() = default;
SequenceRepository::~SequenceRepository() = default;
AuditLog::~AuditLog() = default;
CalendarRepository::~CalendarRepository() = default;
SettingsRepository::~SettingsRepository() = default;
PaymentRepository::~PaymentRepository() = default;
ReceiptRepository::~ReceiptRepository() = default;
CounterScreenRepository::~CounterScreenRepository() = default;
CounterPaymentRepository::~CounterPaymentRepository() = default;
Repositories::~Repositories() = default;
Store::~Store() = default;
WebSessionStore::~WebSessionStore() = default;
TokenService::~TokenService() = default;
EventLog::~EventLog() = default;
StoreMetrics::~StoreMetrics() = default;
PaymentGateway::~PaymentGateway() = default;
PaymentCallbackReader::~PaymentCallbackReader() = default;
PaymentLinks::~PaymentLinks() = default;
QrCodeRenderer::~QrCodeRenderer() = default;
Outbox::~Outbox() = default;

}  // namespace motcua::app
