#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace motcua::core {

// What a staff member may do and see (scopes: own unit, whole agency, own cases).
enum StaffRole : std::uint32_t {
  kRoleOfficer = 1u << 0,       // cán bộ một cửa of a unit
  kRoleUnitLead = 1u << 1,      // lãnh đạo đơn vị
  kRoleAgencyLookup = 1u << 2,  // Tra cứu hồ sơ toàn cơ quan
  kRoleAdmin = 1u << 3,         // quản trị
};

struct StaffMember {
  std::int64_t id = 0;
  std::string username;
  std::string full_name;  // NFC
  std::string agency_code;
  std::uint32_t roles = 0;    // StaffRole bits
  std::string password_hash;  // argon2id, libsodium's encoded string
  bool active = true;
};

// Who holds a portal account: a person (keyed by CCCD) or a business (keyed by MST).
enum class AccountKind { kCitizen, kBusiness };

// A citizen's or business's portal account, keyed by CCCD or MST (core/account_rules.h gives
// the canonical spelling the key is stored in).
struct CitizenAccount {
  std::int64_t id = 0;
  std::string id_number;
  std::string full_name;  // NFC
  std::string phone;
  std::string email;
  std::string password_hash;
  AccountKind kind = AccountKind::kCitizen;
  std::chrono::sys_seconds created_at{};
};

}  // namespace motcua::core
