// Out-of-line virtual destructors anchor each port's vtable in one translation unit.
#include "app/repositories.h"
#include "app/store.h"
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
Repositories::~Repositories() = default;
Store::~Store() = default;
WebSessionStore::~WebSessionStore() = default;
TokenService::~TokenService() = default;

}  // namespace motcua::app
