#include "app/case_events.h"

namespace motcua::app {

CaseEventFeed::~CaseEventFeed() = default;

}  // namespace motcua::app
