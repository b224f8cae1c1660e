#include "core/reconciliation_access.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

StaffMember staff(std::uint32_t roles, bool active = true) {
  return StaffMember{7, "canbo", "Cán bộ", "H34.22.6", roles, "", active};
}

TEST(ReconciliationAccess, AdminsSeeEveryUnitOrTheOneTheyChoose) {
  EXPECT_EQ(reconciliation_scope(staff(kRoleAdmin), "").value(), "");
  EXPECT_EQ(reconciliation_scope(staff(kRoleAdmin), "H34.4").value(), "H34.4");
}

TEST(ReconciliationAccess, OfficersAndLeadsSeeTheirUnitsTreeOnly) {
  EXPECT_EQ(reconciliation_scope(staff(kRoleOfficer), "").value(), "H34.22.6");
  EXPECT_EQ(reconciliation_scope(staff(kRoleUnitLead), "H34.22.6").value(), "H34.22.6");
  EXPECT_EQ(reconciliation_scope(staff(kRoleOfficer), "H34.4").error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(reconciliation_scope(staff(kRoleOfficer), "H34.22").error().kind,
            ErrorKind::kForbidden);
}

TEST(ReconciliationAccess, LookupOnlyAndInactiveAccountsAreRefused) {
  EXPECT_EQ(reconciliation_scope(staff(kRoleAgencyLookup), "").error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(reconciliation_scope(staff(kRoleAdmin, false), "").error().kind, ErrorKind::kForbidden);
}

}  // namespace
}  // namespace motcua::core
