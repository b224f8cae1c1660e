#include "app/admin_access.h"

namespace motcua::app {
namespace {

bool is_admin(const core::StaffMember& actor) {
  return actor.active && (actor.roles & core::kRoleAdmin) != 0;
}

}  // namespace

core::Status require_admin(const core::StaffMember& actor) {
  if (is_admin(actor)) return {};
  return core::Error{core::ErrorKind::kForbidden, actor.username + " is not an admin"};
}

bool may_view_numbering(const core::StaffMember& actor, std::string_view agency_code) {
  return is_admin(actor) || (actor.active && actor.agency_code == agency_code);
}

bool may_configure_numbering(const core::StaffMember& actor, std::string_view agency_code) {
  return is_admin(actor) || (actor.active && (actor.roles & core::kRoleUnitLead) != 0 &&
                             actor.agency_code == agency_code);
}

std::string audit_actor(const core::StaffMember& actor) {
  return "staff:" + std::to_string(actor.id);
}

}  // namespace motcua::app
