#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/account.h"
#include "core/result.h"

namespace motcua::core {

// Who may see and change which cases. Agencies form a tree written into their codes: a unit's
// code extends its parent's with a dot ("H34.22.6" is below "H34.22", which is below "H34").
// A code is within a root when it equals the root or starts with root + "." ("H34.22.6" is
// within "H34.22" and "H34", but "H34.226" is not within "H34.22").
bool is_agency_within(std::string_view code, std::string_view root);

// The top-level agency (province) of a code: its first dot-separated segment ("H34.22.6" ->
// "H34"). Codes in the other national form ("000.00.01.H48") do not follow this shape; such
// agencies need the parent chain, which this rule does not read.
std::string top_level_agency(std::string_view code);

// The lookup scopes of the console's menus.
enum class CaseScopeKind {
  kOwn,     // Tra cứu hồ sơ cá nhân: cases assigned to the staff member
  kUnit,    // Tra cứu hồ sơ theo đơn vị: the staff member's unit and the units below it
  kAgency,  // Tra cứu hồ sơ toàn cơ quan: the whole tree of the top-level agency
  kAll,     // everything (admins)
};
std::string_view label_vi(CaseScopeKind kind);

// A granted scope: which kind, with its root agency (kUnit, kAgency) or staff id (kOwn).
struct CaseScope {
  CaseScopeKind kind = CaseScopeKind::kOwn;
  std::string agency_root;  // empty for kOwn and kAll
  std::int64_t staff_id = 0;
};

// The scope `staff` gets when asking for `kind`. Every active staff member may ask for kOwn;
// kUnit needs the officer or unit-lead role; kAgency needs agency-wide lookup; kAll needs admin.
// An admin may ask for every kind (kUnit and kAgency then use the admin's own agency).
// kForbidden for an inactive account or a kind the roles do not give.
Result<CaseScope> grant_scope(const StaffMember& staff, CaseScopeKind kind);

// The widest scope `staff` holds: kAll for admins, then kAgency, then kUnit, else kOwn.
// kForbidden for an inactive account.
Result<CaseScope> widest_scope(const StaffMember& staff);

// What the access rules need of a case.
struct CaseAccessTarget {
  std::string receiving_agency_code;
  std::string processing_agency_code;
  std::optional<std::int64_t> assigned_staff_id;
};

// Whether a case is in a scope: its receiving or processing agency is within the scope's root
// (kUnit, kAgency), it is assigned to the scope's staff member (kOwn), or always (kAll).
bool in_scope(const CaseScope& scope, const CaseAccessTarget& target);

struct CaseRights {
  bool view = false;
  bool change = false;  // change status, take in, edit
};

// The rights of `staff` on a case:
//   - an inactive account has none;
//   - an admin may view and change every case;
//   - a case assigned to the staff member may be viewed and changed;
//   - an officer or unit lead may view and change the cases of the unit's tree;
//   - agency-wide lookup lets one view (not change) the cases of the top-level agency's tree.
CaseRights case_rights(const StaffMember& staff, const CaseAccessTarget& target);

// The filter a scope puts on every search, so that a list never shows a case its reader may not
// see: `agency_root` (receiving or processing agency within it) and/or `assigned_staff_id`.
// Both empty for kAll.
struct CaseScopeFilter {
  std::string agency_root;
  std::optional<std::int64_t> assigned_staff_id;
};
CaseScopeFilter scope_filter(const CaseScope& scope);

}  // namespace motcua::core
