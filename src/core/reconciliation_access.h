#pragma once

#include <string>
#include <string_view>

#include "core/account.h"
#include "core/result.h"

namespace motcua::core {

// Who may see and run the daily reconciliation ("Đối soát thanh toán"): an active admin, for
// every unit; an active officer or unit lead (the roles that take fees in), for their unit's
// tree. The agency root the reader may see for `asked_unit` (empty: everything they may see):
// "" means every unit (admins only). kForbidden for anyone else, or a unit outside the tree.
Result<std::string> reconciliation_scope(const StaffMember& staff, std::string_view asked_unit);

}  // namespace motcua::core
