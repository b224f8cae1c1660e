#pragma once

#include <string>
#include <string_view>

#include "core/account.h"
#include "core/result.h"

namespace motcua::app {

// Who may administer what:
//   - the admin pages (agencies, staff, procedures and fee items, the calendar, "Xóa hồ sơ")
//     are for active admins (quản trị) only;
//   - "Cấu hình số hồ sơ" may be read by an officer for their own unit and by an admin for any
//     agency; it may be changed by an admin for any agency and by a unit lead (lãnh đạo đơn
//     vị) for their own unit only, because the pattern is the unit's own choice.

// kForbidden unless `actor` is an active admin.
core::Status require_admin(const core::StaffMember& actor);

bool may_view_numbering(const core::StaffMember& actor, std::string_view agency_code);
bool may_configure_numbering(const core::StaffMember& actor, std::string_view agency_code);

// The audit log's actor field: "staff:12".
std::string audit_actor(const core::StaffMember& actor);

}  // namespace motcua::app
