#include "app/dashboard.h"

#include <gtest/gtest.h>

#include "console_fixture.h"

namespace motcua::testing {
namespace {

using core::CaseScopeKind;
using core::CaseStatus;
using core::ErrorKind;

class Dashboard : public ConsoleTest {};

TEST_P(Dashboard, CountsByStatusInTheReadersScopeWithTheGuidesCounters) {
  core::StaffMember justice = add_staff("tuphap", "H34.4", core::kRoleOfficer);
  core::StaffMember admin = add_staff("admin", "H34", core::kRoleAdmin);
  app::CaseWorkflow flow(store(), *clock_, *calendar_);
  core::CaseRecord a = take_in(officer_);
  core::CaseRecord b = take_in(officer_);
  core::CaseRecord c = take_in(officer_);
  take_in(officer_);
  take_in(justice);
  ASSERT_TRUE(flow.soft_delete_case(admin, a.code, 1, "Nhập nhầm").ok());
  ASSERT_TRUE(flow.change_status(officer_, b.code, 1, CaseStatus::kProcessed, "").ok());
  ASSERT_TRUE(flow.change_status(officer_, b.code, 2, CaseStatus::kResultReturned, "").ok());
  ASSERT_TRUE(
      flow.change_status(officer_, c.code, 1, CaseStatus::kWithdrawalRequested, "Công dân rút")
          .ok());

  auto counters = app::dashboard_counters(store(), officer_, CaseScopeKind::kUnit);
  ASSERT_TRUE(counters.ok()) << counters.error().message;
  EXPECT_EQ(counters->by_status.at(CaseStatus::kAccepted), 1);
  EXPECT_EQ(counters->by_status.count(CaseStatus::kNew), 0u);
  EXPECT_EQ(counters->work_list, 1);
  EXPECT_EQ(counters->cancelled, 1);
  EXPECT_EQ(counters->result_returned, 1);
  EXPECT_EQ(counters->withdrawn, 1);

  auto everything = app::dashboard_counters(store(), admin, CaseScopeKind::kAll);
  ASSERT_TRUE(everything.ok());
  EXPECT_EQ(everything->by_status.at(CaseStatus::kAccepted), 2);
}

TEST_P(Dashboard, ScopeNotGrantedIsForbidden) {
  EXPECT_EQ(app::dashboard_counters(store(), officer_, CaseScopeKind::kAll).error().kind,
            ErrorKind::kForbidden);
}

TEST(DashboardRules, WorkListIsWhatWaitsForTheOffice) {
  EXPECT_TRUE(app::is_work_list_status(CaseStatus::kNew));
  EXPECT_TRUE(app::is_work_list_status(CaseStatus::kSupplementRequested));
  EXPECT_TRUE(app::is_work_list_status(CaseStatus::kProcessed));
  EXPECT_FALSE(app::is_work_list_status(CaseStatus::kResultReturned));
  EXPECT_FALSE(app::is_work_list_status(CaseStatus::kCancelled));
  EXPECT_FALSE(app::is_work_list_status(CaseStatus::kWithdrawalRequested));
}

INSTANTIATE_TEST_SUITE_P(Engines, Dashboard, ::testing::Values("sqlite", "postgres"), engine_name);

}  // namespace
}  // namespace motcua::testing
