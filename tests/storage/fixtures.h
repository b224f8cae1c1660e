#pragma once

#include <chrono>
#include <string>

#include "core/agency.h"
#include "core/case_record.h"

namespace motcua::testing {

// The guide's ward unit, with its collecting and numbering settings.
core::Agency ward_agency();
// The guide's case H34.22.6-240426-0002 with its two unpaid fee lines.
core::CaseRecord guide_case();
// 2024-04-26 07:27:52 Vietnam time, as an instant.
std::chrono::sys_seconds guide_reception();

}  // namespace motcua::testing
