#include "app/staff_admin.h"

#include <functional>

#include "app/admin_access.h"
#include "app/admin_text.h"
#include "app/json_object.h"

namespace motcua::app {
namespace {

bool valid_username(std::string_view username) {
  if (username.size() < 3 || username.size() > 64) return false;
  for (char c : username) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

core::Status check_roles(std::uint32_t roles) {
  if (roles == 0) return core::invalid_input("a staff member needs at least one role");
  if ((roles & ~kAllStaffRoles) != 0) return core::invalid_input("unknown role");
  return {};
}

std::string snapshot(const core::StaffMember& s) {
  return JsonObject()
      .add("username", s.username)
      .add("full_name", s.full_name)
      .add("agency_code", s.agency_code)
      .add("roles", std::int64_t{s.roles})
      .add("active", s.active)
      .str();
}

}  // namespace

StaffAdmin::StaffAdmin(Store& store, PasswordHasher& hasher, const Clock& clock)
    : store_(store), hasher_(hasher), clock_(clock) {}

core::Result<std::vector<core::StaffMember>> StaffAdmin::list(const core::StaffMember& actor,
                                                              std::string_view agency_code) const {
  if (core::Status allowed = require_admin(actor); !allowed.ok()) return allowed.error();
  std::vector<core::StaffMember> out;
  core::Status read = store_.read([&](Repositories& repos) -> core::Status {
    auto found = repos.staff().list_by_agency(agency_code);
    if (!found.ok()) return found.error();
    out = std::move(found).value();
    return {};
  });
  if (!read.ok()) return read.error();
  for (core::StaffMember& s : out) s.password_hash.clear();
  return out;
}

core::Result<std::int64_t> StaffAdmin::create(const core::StaffMember& actor,
                                              const NewStaff& staff) const {
  if (core::Status allowed = require_admin(actor); !allowed.ok()) return allowed.error();
  if (!valid_username(staff.username)) {
    return core::invalid_input("a username is 3-64 of a-z, 0-9, '.', '_', '-'");
  }
  core::Result<std::string> full_name = tidy_text(staff.full_name);
  if (!full_name.ok()) return full_name.error();
  core::StaffMember member;
  member.username = staff.username;
  member.full_name = std::move(full_name).value();
  member.agency_code = staff.agency_code;
  member.roles = staff.roles;
  member.active = true;
  if (member.full_name.empty()) return core::invalid_input("a staff member needs a full name");
  if (core::Status roles = check_roles(staff.roles); !roles.ok()) return roles.error();
  if (staff.password.size() < kMinPasswordLength) {
    return core::invalid_input("the initial password needs at least 8 characters");
  }
  core::Result<std::string> hash = hasher_.hash(staff.password);
  if (!hash.ok()) return hash.error();
  member.password_hash = std::move(hash).value();
  const std::chrono::sys_seconds now = clock_.now();
  std::int64_t id = 0;
  core::Status done = store_.transact([&](Repositories& repos) -> core::Status {
    auto agency = repos.agencies().find(member.agency_code);
    if (!agency.ok()) return agency.error();
    if (!agency->has_value()) return core::invalid_input("unknown agency " + member.agency_code);
    core::Result<std::int64_t> created = repos.staff().create(member);
    if (!created.ok()) return created.error();
    id = *created;
    return repos.audit().append(AuditEntry{.at = now,
                                           .actor = audit_actor(actor),
                                           .action = "staff.create",
                                           .entity_type = "staff",
                                           .entity_id = member.username,
                                           .before = "",
                                           .after = snapshot(member)});
  });
  if (!done.ok()) return done.error();
  return id;
}

core::Status StaffAdmin::change(const core::StaffMember& actor, std::int64_t staff_id,
                                std::string_view action,
                                const std::function<core::Status(core::StaffMember&)>& edit) const {
  if (core::Status allowed = require_admin(actor); !allowed.ok()) return allowed;
  const std::chrono::sys_seconds now = clock_.now();
  return store_.transact([&](Repositories& repos) -> core::Status {
    auto found = repos.staff().find_by_id(staff_id);
    if (!found.ok()) return found.error();
    if (!found->has_value()) {
      return core::Error{core::ErrorKind::kNotFound,
                         "there is no staff member " + std::to_string(staff_id)};
    }
    core::StaffMember member = std::move(**found);
    std::string before = snapshot(member);
    if (core::Status edited = edit(member); !edited.ok()) return edited;
    if (core::Status updated = repos.staff().update(member); !updated.ok()) return updated;
    return repos.audit().append(AuditEntry{.at = now,
                                           .actor = audit_actor(actor),
                                           .action = std::string(action),
                                           .entity_type = "staff",
                                           .entity_id = member.username,
                                           .before = before,
                                           .after = snapshot(member)});
  });
}

core::Status StaffAdmin::set_active(const core::StaffMember& actor, std::int64_t staff_id,
                                    bool active) const {
  if (!active && staff_id == actor.id) {
    return core::invalid_input("an admin cannot deactivate their own account");
  }
  return change(actor, staff_id, active ? "staff.reactivate" : "staff.deactivate",
                [&](core::StaffMember& m) -> core::Status {
                  m.active = active;
                  return {};
                });
}

core::Status StaffAdmin::set_roles(const core::StaffMember& actor, std::int64_t staff_id,
                                   std::uint32_t roles) const {
  if (core::Status valid = check_roles(roles); !valid.ok()) return valid;
  if (staff_id == actor.id && (roles & core::kRoleAdmin) == 0) {
    return core::invalid_input("an admin cannot remove their own admin role");
  }
  return change(actor, staff_id, "staff.roles", [&](core::StaffMember& m) -> core::Status {
    m.roles = roles;
    return {};
  });
}

}  // namespace motcua::app
