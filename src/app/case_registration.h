#pragma once

#include <chrono>
#include <string_view>

#include "app/store.h"
#include "core/agency.h"
#include "core/case_record.h"
#include "core/result.h"

namespace motcua::app {

// The Vietnam-local calendar day of an instant (the day a case is received or submitted on).
std::chrono::sys_days vietnam_day(std::chrono::sys_seconds instant);

// The end of taking a case in, shared by the counter (CaseIntake) and the portal
// (OnlineSubmission): allocates the code from `agency`'s pattern for `day`, inserts `record`,
// reads it back into `record` (id, fee line ids, version 1), and appends the audit entry
// `action` by `actor` at record.submitted_at (status, procedure, channel, assigned officer and
// total). REQUIRES: called inside a Store transaction; `record` complete but for its code.
core::Status register_case(Repositories& repos, const core::Agency& agency,
                           std::chrono::sys_days day, std::string_view actor,
                           std::string_view action, core::CaseRecord& record);

}  // namespace motcua::app
