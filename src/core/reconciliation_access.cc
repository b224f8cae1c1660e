#include "core/reconciliation_access.h"

#include "core/access_policy.h"

namespace motcua::core {

Result<std::string> reconciliation_scope(const StaffMember& staff, std::string_view asked_unit) {
  Error refused{ErrorKind::kForbidden, "the reconciliation is for admins, officers and unit leads"};
  if (!staff.active) return refused;
  if ((staff.roles & kRoleAdmin) != 0) return std::string(asked_unit);
  if ((staff.roles & (kRoleOfficer | kRoleUnitLead)) == 0) return refused;
  if (asked_unit.empty()) return staff.agency_code;
  if (!is_agency_within(asked_unit, staff.agency_code)) {
    return Error{ErrorKind::kForbidden,
                 "unit " + std::string(asked_unit) + " is outside " + staff.agency_code};
  }
  return std::string(asked_unit);
}

}  // namespace motcua::core
