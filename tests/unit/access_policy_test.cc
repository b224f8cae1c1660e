#include "core/access_policy.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

StaffMember staff(std::uint32_t roles, std::string agency = "H34.22.6", std::int64_t id = 7) {
  StaffMember s;
  s.id = id;
  s.username = "demo";
  s.agency_code = std::move(agency);
  s.roles = roles;
  return s;
}

CaseAccessTarget at(std::string agency, std::optional<std::int64_t> assigned = std::nullopt) {
  return {agency, agency, assigned};
}

TEST(AccessPolicy, AgencyWithinIsTheCodeOrBelowItAtADot) {
  EXPECT_TRUE(is_agency_within("H34.22.6", "H34.22.6"));
  EXPECT_TRUE(is_agency_within("H34.22.6", "H34.22"));
  EXPECT_TRUE(is_agency_within("H34.22.6.1", "H34.22.6"));
  EXPECT_TRUE(is_agency_within("H34.4", "H34"));
  EXPECT_FALSE(is_agency_within("H34.226", "H34.22"));
  EXPECT_FALSE(is_agency_within("H34.22", "H34.22.6"));
  EXPECT_FALSE(is_agency_within("H340", "H34"));
  EXPECT_FALSE(is_agency_within("H34.22.6", ""));
}

TEST(AccessPolicy, TopLevelAgencyIsTheFirstSegment) {
  EXPECT_EQ(top_level_agency("H34.22.6"), "H34");
  EXPECT_EQ(top_level_agency("H34"), "H34");
  EXPECT_EQ(top_level_agency(""), "");
}

TEST(AccessPolicy, OfficerSeesAndChangesTheUnitAndUnitsBelow) {
  StaffMember officer = staff(kRoleOfficer);
  EXPECT_TRUE(case_rights(officer, at("H34.22.6")).change);
  EXPECT_TRUE(case_rights(officer, at("H34.22.6.2")).view);
  CaseRights other = case_rights(officer, at("H34.4"));
  EXPECT_FALSE(other.view);
  EXPECT_FALSE(other.change);
}

TEST(AccessPolicy, EitherReceivingOrProcessingAgencyPutsACaseInTheUnit) {
  StaffMember officer = staff(kRoleOfficer);
  EXPECT_TRUE(case_rights(officer, {"H34.22.6", "H34.4", std::nullopt}).change);
  EXPECT_TRUE(case_rights(officer, {"H34.4", "H34.22.6", std::nullopt}).change);
}

TEST(AccessPolicy, UnitLeadHasTheUnitScope) {
  EXPECT_TRUE(case_rights(staff(kRoleUnitLead), at("H34.22.6")).change);
  EXPECT_FALSE(case_rights(staff(kRoleUnitLead), at("H34.4")).view);
}

TEST(AccessPolicy, AgencyLookupViewsTheWholeProvinceButChangesOnlyItsUnit) {
  StaffMember lookup = staff(kRoleOfficer | kRoleAgencyLookup);
  CaseRights far = case_rights(lookup, at("H34.4"));
  EXPECT_TRUE(far.view);
  EXPECT_FALSE(far.change);
  EXPECT_TRUE(case_rights(lookup, at("H34.22.6")).change);
  EXPECT_FALSE(case_rights(lookup, at("H48.1")).view);
}

TEST(AccessPolicy, AssignedCasesAreTheStaffMembersOwnEverywhere) {
  StaffMember nobody = staff(0);
  EXPECT_TRUE(case_rights(nobody, at("H34.4", 7)).change);
  EXPECT_FALSE(case_rights(nobody, at("H34.4", 8)).view);
  EXPECT_FALSE(case_rights(nobody, at("H34.22.6")).view);
}

TEST(AccessPolicy, AdminSeesAndChangesEverything) {
  CaseRights r = case_rights(staff(kRoleAdmin, "H34"), at("H48.1"));
  EXPECT_TRUE(r.view);
  EXPECT_TRUE(r.change);
}

TEST(AccessPolicy, DisabledAccountHasNoRights) {
  StaffMember admin = staff(kRoleAdmin | kRoleOfficer);
  admin.active = false;
  EXPECT_FALSE(case_rights(admin, at("H34.22.6", 7)).view);
  EXPECT_EQ(widest_scope(admin).error().kind, ErrorKind::kForbidden);
}

TEST(AccessPolicy, ScopesAreGrantedByRole) {
  StaffMember officer = staff(kRoleOfficer);
  EXPECT_TRUE(grant_scope(officer, CaseScopeKind::kOwn).ok());
  EXPECT_EQ(grant_scope(officer, CaseScopeKind::kUnit)->agency_root, "H34.22.6");
  EXPECT_EQ(grant_scope(officer, CaseScopeKind::kAgency).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(grant_scope(officer, CaseScopeKind::kAll).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(grant_scope(staff(kRoleAgencyLookup), CaseScopeKind::kAgency)->agency_root, "H34");
  EXPECT_EQ(grant_scope(staff(0), CaseScopeKind::kUnit).error().kind, ErrorKind::kForbidden);
  EXPECT_TRUE(grant_scope(staff(kRoleAdmin), CaseScopeKind::kAgency).ok());
}

TEST(AccessPolicy, WidestScopeFollowsTheStrongestRole) {
  EXPECT_EQ(widest_scope(staff(kRoleAdmin))->kind, CaseScopeKind::kAll);
  EXPECT_EQ(widest_scope(staff(kRoleOfficer | kRoleAgencyLookup))->kind, CaseScopeKind::kAgency);
  EXPECT_EQ(widest_scope(staff(kRoleOfficer))->kind, CaseScopeKind::kUnit);
  EXPECT_EQ(widest_scope(staff(0))->kind, CaseScopeKind::kOwn);
}

TEST(AccessPolicy, ScopeFilterMatchesInScope) {
  CaseScope unit = grant_scope(staff(kRoleOfficer), CaseScopeKind::kUnit).value();
  EXPECT_EQ(scope_filter(unit).agency_root, "H34.22.6");
  EXPECT_FALSE(scope_filter(unit).assigned_staff_id);
  CaseScope own = grant_scope(staff(kRoleOfficer), CaseScopeKind::kOwn).value();
  EXPECT_EQ(scope_filter(own).assigned_staff_id, 7);
  EXPECT_TRUE(scope_filter(own).agency_root.empty());
  CaseScope all = grant_scope(staff(kRoleAdmin), CaseScopeKind::kAll).value();
  EXPECT_TRUE(scope_filter(all).agency_root.empty());
  EXPECT_FALSE(scope_filter(all).assigned_staff_id);
  EXPECT_TRUE(in_scope(own, at("H48", 7)));
  EXPECT_FALSE(in_scope(unit, at("H34.4")));
}

TEST(AccessPolicy, LabelsAreTheGuideMenus) {
  EXPECT_EQ(label_vi(CaseScopeKind::kAgency), "Tra cứu hồ sơ toàn cơ quan");
  EXPECT_EQ(label_vi(CaseScopeKind::kUnit), "Tra cứu hồ sơ theo đơn vị");
  EXPECT_EQ(label_vi(CaseScopeKind::kOwn), "Tra cứu hồ sơ cá nhân");
}

}  // namespace
}  // namespace motcua::core
