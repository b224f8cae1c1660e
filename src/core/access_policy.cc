#include "core/access_policy.h"

namespace motcua::core {
namespace {

bool has_role(const StaffMember& staff, StaffRole role) { return (staff.roles & role) != 0; }

Error forbidden(std::string message) { return {ErrorKind::kForbidden, std::move(message)}; }

}  // namespace

bool is_agency_within(std::string_view code, std::string_view root) {
  if (root.empty() || code.size() < root.size()) return false;
  if (code.substr(0, root.size()) != root) return false;
  return code.size() == root.size() || code[root.size()] == '.';
}

std::string top_level_agency(std::string_view code) {
  return std::string(code.substr(0, code.find('.')));
}

std::string_view label_vi(CaseScopeKind kind) {
  switch (kind) {
    case CaseScopeKind::kOwn:
      return "Tra cứu hồ sơ cá nhân";
    case CaseScopeKind::kUnit:
      return "Tra cứu hồ sơ theo đơn vị";
    case CaseScopeKind::kAgency:
      return "Tra cứu hồ sơ toàn cơ quan";
    case CaseScopeKind::kAll:
      return "Toàn hệ thống";
  }
  return "";
}

Result<CaseScope> grant_scope(const StaffMember& staff, CaseScopeKind kind) {
  if (!staff.active) return forbidden("the account " + staff.username + " is disabled");
  const bool admin = has_role(staff, kRoleAdmin);
  switch (kind) {
    case CaseScopeKind::kOwn:
      return CaseScope{kind, "", staff.id};
    case CaseScopeKind::kUnit:
      if (admin || has_role(staff, kRoleOfficer) || has_role(staff, kRoleUnitLead)) {
        if (staff.agency_code.empty()) return forbidden(staff.username + " belongs to no unit");
        return CaseScope{kind, staff.agency_code, staff.id};
      }
      return forbidden(staff.username + " is neither an officer nor a lead of a unit");
    case CaseScopeKind::kAgency:
      if (admin || has_role(staff, kRoleAgencyLookup)) {
        std::string root = top_level_agency(staff.agency_code);
        if (root.empty()) return forbidden(staff.username + " belongs to no agency");
        return CaseScope{kind, root, staff.id};
      }
      return forbidden(staff.username + " may not look up the whole agency");
    case CaseScopeKind::kAll:
      if (admin) return CaseScope{kind, "", staff.id};
      return forbidden(staff.username + " is not an admin");
  }
  return forbidden("unknown scope");
}

Result<CaseScope> widest_scope(const StaffMember& staff) {
  for (CaseScopeKind kind : {CaseScopeKind::kAll, CaseScopeKind::kAgency, CaseScopeKind::kUnit}) {
    if (Result<CaseScope> scope = grant_scope(staff, kind); scope.ok()) return scope;
  }
  return grant_scope(staff, CaseScopeKind::kOwn);
}

bool in_scope(const CaseScope& scope, const CaseAccessTarget& target) {
  switch (scope.kind) {
    case CaseScopeKind::kAll:
      return true;
    case CaseScopeKind::kOwn:
      return target.assigned_staff_id && *target.assigned_staff_id == scope.staff_id;
    case CaseScopeKind::kUnit:
    case CaseScopeKind::kAgency:
      return is_agency_within(target.receiving_agency_code, scope.agency_root) ||
             is_agency_within(target.processing_agency_code, scope.agency_root);
  }
  return false;
}

CaseRights case_rights(const StaffMember& staff, const CaseAccessTarget& target) {
  if (!staff.active) return {};
  auto granted_and_in = [&](CaseScopeKind kind) {
    Result<CaseScope> scope = grant_scope(staff, kind);
    return scope.ok() && in_scope(*scope, target);
  };
  if (granted_and_in(CaseScopeKind::kAll) || granted_and_in(CaseScopeKind::kOwn) ||
      granted_and_in(CaseScopeKind::kUnit)) {
    return {true, true};
  }
  if (granted_and_in(CaseScopeKind::kAgency)) return {true, false};
  return {};
}

CaseScopeFilter scope_filter(const CaseScope& scope) {
  switch (scope.kind) {
    case CaseScopeKind::kAll:
      return {};
    case CaseScopeKind::kOwn:
      return {"", scope.staff_id};
    case CaseScopeKind::kUnit:
    case CaseScopeKind::kAgency:
      return {scope.agency_root, std::nullopt};
  }
  return {"", scope.staff_id};  // unreachable; the narrowest filter if it ever were
}

}  // namespace motcua::core
