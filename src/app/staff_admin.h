#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/password_hasher.h"
#include "app/store.h"
#include "core/account.h"
#include "core/result.h"

namespace motcua::app {

// What the admin types to create a staff account.
struct NewStaff {
  std::string username;   // 3-64 of a-z 0-9 . _ -
  std::string full_name;  // NFC, not empty
  std::string agency_code;
  std::uint32_t roles = 0;  // core::StaffRole bits, at least one
  std::string password;     // initial password, at least kMinPasswordLength bytes
};

inline constexpr std::size_t kMinPasswordLength = 8;

// Staff accounts (admin only: app/admin_access.h). Each change is one transaction with its audit
// entry (entity "staff", id the username); password hashes never reach the audit log.
class StaffAdmin {
 public:
  StaffAdmin(Store& store, PasswordHasher& hasher, const Clock& clock);

  core::Result<std::vector<core::StaffMember>> list(const core::StaffMember& actor,
                                                    std::string_view agency_code) const;

  // Creates an active account with the password hashed (argon2id); returns its id.
  // kInvalidInput for a bad field or an unknown agency; kConflict when the username is taken.
  core::Result<std::int64_t> create(const core::StaffMember& actor, const NewStaff& staff) const;

  // Deactivates (signing in and open sessions stop working) or reactivates an account.
  // kInvalidInput when an admin deactivates their own account (they would lock themselves out).
  core::Status set_active(const core::StaffMember& actor, std::int64_t staff_id, bool active) const;

  // Replaces the roles. kInvalidInput for no role or an unknown bit, and for an admin removing
  // their own admin role.
  core::Status set_roles(const core::StaffMember& actor, std::int64_t staff_id,
                         std::uint32_t roles) const;

 private:
  core::Status change(const core::StaffMember& actor, std::int64_t staff_id,
                      std::string_view action,
                      const std::function<core::Status(core::StaffMember&)>& edit) const;
  Store& store_;
  PasswordHasher& hasher_;
  const Clock& clock_;
};

// Every role bit, for validation and for the pages.
inline constexpr std::uint32_t kAllStaffRoles =
    core::kRoleOfficer | core::kRoleUnitLead | core::kRoleAgencyLookup | core::kRoleAdmin;

}  // namespace motcua::app
