#include <gtest/gtest.h>

#include "console_fixture.h"
#include "core/civil_time.h"

namespace motcua::testing {
namespace {

using core::CaseScopeKind;
using core::ErrorKind;
using namespace std::chrono_literals;

class CaseLookup : public ConsoleTest {
 protected:
  void SetUp() override {
    ConsoleTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    justice_ = add_staff("tuphap", "H34.4", core::kRoleOfficer);
    ward_case_ = take_in(officer_);
    justice_case_ = take_in(justice_);
  }

  app::CaseLookup lookup() { return app::CaseLookup(store(), *clock_); }

  static std::vector<std::string> codes(const app::CaseListPage& page) {
    std::vector<std::string> out;
    for (const auto& item : page.items) out.push_back(item.record.code);
    return out;
  }

  core::StaffMember justice_;
  core::CaseRecord ward_case_;
  core::CaseRecord justice_case_;
};

TEST_P(CaseLookup, UnitScopeListsOnlyTheUnitsCases) {
  auto page = lookup().search(officer_, CaseScopeKind::kUnit, {});
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(codes(*page), std::vector<std::string>{"H34.22.6-240426-0001"});
  EXPECT_EQ(page->total, 1);
}

TEST_P(CaseLookup, UnitScopeIncludesUnitsBelowButNotLookalikeCodes) {
  core::StaffMember district = add_staff("huyen", "H34.22", core::kRoleOfficer);
  auto page = lookup().search(district, CaseScopeKind::kUnit, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(codes(*page), std::vector<std::string>{"H34.22.6-240426-0001"});
  core::StaffMember lookalike = add_staff("khac", "H34.2", core::kRoleOfficer);
  EXPECT_TRUE(lookup().search(lookalike, CaseScopeKind::kUnit, {})->items.empty());
}

TEST_P(CaseLookup, AgencyScopeNeedsTheLookupRoleAndSeesTheProvince) {
  EXPECT_EQ(lookup().search(officer_, CaseScopeKind::kAgency, {}).error().kind,
            ErrorKind::kForbidden);
  core::StaffMember wide = add_staff("toan", "H34.22.6", core::kRoleAgencyLookup);
  auto page = lookup().search(wide, CaseScopeKind::kAgency, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 2);
  for (const auto& item : page->items) {
    EXPECT_TRUE(item.rights.view);
    EXPECT_FALSE(item.rights.change);  // the lookup role alone changes nothing
  }
}

TEST_P(CaseLookup, OwnScopeListsTheCasesAssignedToTheReader) {
  core::StaffMember colleague = add_staff("dongnghiep", "H34.22.6", core::kRoleOfficer);
  take_in(colleague);
  auto own = lookup().search(officer_, CaseScopeKind::kOwn, {});
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(codes(*own), std::vector<std::string>{"H34.22.6-240426-0001"});
  EXPECT_EQ(lookup().search(officer_, CaseScopeKind::kUnit, {})->total, 2);
}

TEST_P(CaseLookup, ANarrowerFilterOutsideTheScopeFindsNothing) {
  app::CaseQuery q;
  q.agency_root = "H34.4";
  auto page = lookup().search(officer_, CaseScopeKind::kUnit, q);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->items.empty());
  EXPECT_EQ(page->total, 0);
}

TEST_P(CaseLookup, ItemsCarryTheGuidesColumns) {
  clock_->set(core::from_vietnam_local(core::parse_local_date_time("2024-05-01 15:10:14").value()));
  app::CaseQuery q;
  q.name = "vo dang ngoc gia";
  auto page = lookup().search(officer_, CaseScopeKind::kUnit, q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  const app::CaseListItem& item = page->items[0];
  EXPECT_EQ(item.status_label, "Được tiếp nhận");
  EXPECT_EQ(item.remaining_text, "Còn lại 0 ngày 16 giờ 16 phút 46 giây");
  EXPECT_EQ(item.payment.total, core::Money::dong(3000));
  EXPECT_EQ(item.payment_label, "Chưa thanh toán");
  EXPECT_EQ(item.record.fee_lines.size(), 2u);
}

TEST_P(CaseLookup, OpenCaseShowsFeesRemainderAndHistory) {
  ASSERT_TRUE(store()
                  .transact([&](app::Repositories& r) {
                    return r.cases().mark_fee_line_paid(ward_case_.fee_lines[0].id,
                                                        core::PaymentMethod::kPaymentPlatform);
                  })
                  .ok());
  clock_->set(core::from_vietnam_local(core::parse_local_date_time("2024-05-09 09:15:18").value()));
  auto detail = lookup().open_case(officer_, ward_case_.code);
  ASSERT_TRUE(detail.ok()) << detail.error().message;
  EXPECT_EQ(detail->outstanding_text, "(Còn lại 1.000 VND)");
  EXPECT_EQ(detail->summary.payment_label, "Thanh toán một phần");
  EXPECT_EQ(detail->summary.remaining_text, "Đã quá hạn 7 ngày 1 giờ 48 phút 18 giây");
  ASSERT_EQ(detail->history.size(), 1u);
  EXPECT_EQ(detail->history[0].action, "case.intake");
}

TEST_P(CaseLookup, ItemsNameTheAgencyAndTheOfficer) {
  auto page = lookup().search(officer_, CaseScopeKind::kUnit, {});
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].agency_name, "Bộ phận TN&TKQ phường Trần Hưng Đạo");
  EXPECT_EQ(page->items[0].officer_name, officer_.full_name);
  auto detail = lookup().open_case(officer_, ward_case_.code);
  ASSERT_TRUE(detail.ok()) << detail.error().message;
  EXPECT_EQ(detail->summary.agency_name, "Bộ phận TN&TKQ phường Trần Hưng Đạo");
  EXPECT_EQ(detail->actor_names.at("staff:" + std::to_string(officer_.id)), officer_.full_name);
}

TEST_P(CaseLookup, SearchesByTheProceduresField) {
  app::CaseQuery q;
  q.field = "Chứng thực";
  EXPECT_EQ(codes(lookup().search(officer_, CaseScopeKind::kUnit, q).value()),
            std::vector<std::string>{ward_case_.code});
  q.field = "Hộ tịch";
  EXPECT_EQ(lookup().search(officer_, CaseScopeKind::kUnit, q).value().total, 0);
}

TEST_P(CaseLookup, OpenCaseOfAnotherUnitIsForbiddenAndUnknownIsNotFound) {
  EXPECT_EQ(lookup().open_case(officer_, justice_case_.code).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(lookup().open_case(officer_, "H34.22.6-240426-9999").error().kind,
            ErrorKind::kNotFound);
  core::StaffMember wide =
      add_staff("toan", "H34.22.6", core::kRoleOfficer | core::kRoleAgencyLookup);
  EXPECT_TRUE(lookup().open_case(wide, justice_case_.code).ok());
}

TEST_P(CaseLookup, FinishedCaseShowsNoRemainingTime) {
  app::CaseWorkflow flow(store(), *clock_, *calendar_);
  ASSERT_TRUE(
      flow.change_status(officer_, ward_case_.code, 1, core::CaseStatus::kProcessed, "").ok());
  auto detail = lookup().open_case(officer_, ward_case_.code);
  ASSERT_TRUE(detail.ok());
  EXPECT_TRUE(detail->summary.remaining_text.empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseLookup, ::testing::Values("sqlite", "postgres"), engine_name);

}  // namespace
}  // namespace motcua::testing
