#include <gtest/gtest.h>

#include "console_fixture.h"
#include "core/civil_time.h"

namespace motcua::testing {
namespace {

using core::CaseStatus;
using core::ErrorKind;
using namespace std::chrono_literals;

class CaseWorkflow : public ConsoleTest {
 protected:
  app::CaseWorkflow workflow() { return app::CaseWorkflow(store(), *clock_, *calendar_); }

  std::vector<app::AuditEntry> history(const std::string& code) {
    std::vector<app::AuditEntry> out;
    EXPECT_TRUE(store()
                    .read([&](app::Repositories& r) -> core::Status {
                      auto h = r.audit().for_entity("case", code);
                      if (!h.ok()) return h.error();
                      out = *h;
                      return {};
                    })
                    .ok());
    return out;
  }
};

TEST_P(CaseWorkflow, StatusChangeIsStoredWithItsAuditEntry) {
  core::CaseRecord c = take_in(officer_);
  auto moved = workflow().change_status(officer_, c.code, c.version, CaseStatus::kProcessing, "");
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(moved->status, CaseStatus::kProcessing);
  EXPECT_EQ(moved->version, 2);
  auto h = history(c.code);
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[1].action, "case.status");
  EXPECT_NE(h[1].before.find("Được tiếp nhận"), std::string::npos);
  EXPECT_NE(h[1].after.find("Đang xử lý"), std::string::npos);
  EXPECT_NE(h[1].after.find("\"actor\":\"demo\""), std::string::npos);
}

TEST_P(CaseWorkflow, StaleVersionIsAConflictAndChangesNothing) {
  core::CaseRecord c = take_in(officer_);
  ASSERT_TRUE(workflow().change_status(officer_, c.code, 1, CaseStatus::kProcessing, "").ok());
  auto stale = workflow().change_status(officer_, c.code, 1, CaseStatus::kProcessed, "");
  EXPECT_EQ(stale.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(history(c.code).size(), 2u);
}

TEST_P(CaseWorkflow, IllegalTransitionIsRefused) {
  core::CaseRecord c = take_in(officer_);
  auto r = workflow().change_status(officer_, c.code, 1, CaseStatus::kResultReturned, "");
  EXPECT_EQ(r.error().kind, ErrorKind::kIllegalTransition);
}

TEST_P(CaseWorkflow, RefusingNeedsAReason) {
  app::IntakeRequest online = guide_request();
  online.channel = core::IntakeChannel::kOnline;
  core::CaseRecord c = take_in(officer_, online);
  EXPECT_EQ(workflow().change_status(officer_, c.code, 1, CaseStatus::kRejected, "  ").error().kind,
            ErrorKind::kInvalidInput);
  auto refused =
      workflow().change_status(officer_, c.code, 1, CaseStatus::kRejected, "Thiếu bản chính");
  ASSERT_TRUE(refused.ok());
  EXPECT_NE(history(c.code).back().after.find("Thiếu bản chính"), std::string::npos);
}

TEST_P(CaseWorkflow, AcceptingAnOnlineCaseReceivesItNow) {
  app::IntakeRequest online = guide_request();
  online.channel = core::IntakeChannel::kOnline;
  clock_->set(core::from_vietnam_local(core::parse_local_date_time("2024-04-25 20:00:00").value()));
  core::CaseRecord c = take_in(officer_, online);
  clock_->set(core::from_vietnam_local(core::parse_local_date_time("2024-04-26 07:27:52").value()));
  auto accepted = workflow().change_status(officer_, c.code, 1, CaseStatus::kAccepted, "");
  ASSERT_TRUE(accepted.ok()) << accepted.error().message;
  EXPECT_EQ(accepted->received_at, clock_->now());
  EXPECT_EQ(accepted->deadline_at,
            core::from_vietnam_local(core::parse_local_date_time("2024-05-02 07:27:00").value()));
  EXPECT_EQ(accepted->appointment_at,
            core::from_vietnam_local(core::parse_local_date_time("2024-05-04 07:27:00").value()));
  EXPECT_EQ(accepted->assigned_staff_id, officer_.id);
}

TEST_P(CaseWorkflow, OfficerOfAnotherUnitCannotChangeTheCase) {
  core::CaseRecord c = take_in(officer_);
  core::StaffMember justice = add_staff("tuphap", "H34.4", core::kRoleOfficer);
  EXPECT_EQ(workflow().change_status(justice, c.code, 1, CaseStatus::kProcessing, "").error().kind,
            ErrorKind::kForbidden);
  core::StaffMember lookup =
      add_staff("tracuu", "H34.4", core::kRoleOfficer | core::kRoleAgencyLookup);
  EXPECT_EQ(workflow().change_status(lookup, c.code, 1, CaseStatus::kProcessing, "").error().kind,
            ErrorKind::kForbidden);
}

TEST_P(CaseWorkflow, UnknownCaseIsNotFound) {
  EXPECT_EQ(workflow()
                .change_status(officer_, "H34.22.6-240426-9999", 1, CaseStatus::kProcessing, "")
                .error()
                .kind,
            ErrorKind::kNotFound);
}

TEST_P(CaseWorkflow, OnlyAdminsDelete) {
  core::CaseRecord c = take_in(officer_);
  EXPECT_EQ(workflow().soft_delete_case(officer_, c.code, 1, "Nhập nhầm").error().kind,
            ErrorKind::kForbidden);
}

TEST_P(CaseWorkflow, SoftDeleteCancelsAndKeepsTheReasonInTheAuditLog) {
  core::CaseRecord c = take_in(officer_);
  core::StaffMember admin = add_staff("admin", "H34", core::kRoleAdmin);
  EXPECT_EQ(workflow().soft_delete_case(admin, c.code, 1, " ").error().kind,
            ErrorKind::kInvalidInput);
  auto deleted = workflow().soft_delete_case(admin, c.code, 1, "Nhập nhầm hồ sơ");
  ASSERT_TRUE(deleted.ok()) << deleted.error().message;
  EXPECT_EQ(deleted->status, CaseStatus::kCancelled);
  auto h = history(c.code);
  EXPECT_EQ(h.back().action, "case.deleted");
  EXPECT_NE(h.back().after.find("Nhập nhầm hồ sơ"), std::string::npos);
}

TEST_P(CaseWorkflow, CaseWithAPaidFeeLineCannotBeDeletedOrCancelled) {
  core::CaseRecord c = take_in(officer_);
  ASSERT_TRUE(store()
                  .transact([&](app::Repositories& r) {
                    return r.cases().mark_fee_line_paid(c.fee_lines[0].id,
                                                        core::PaymentMethod::kPaymentPlatform);
                  })
                  .ok());
  core::StaffMember admin = add_staff("admin", "H34", core::kRoleAdmin);
  EXPECT_EQ(workflow().soft_delete_case(admin, c.code, 1, "Nhập nhầm").error().kind,
            ErrorKind::kConflict);
  EXPECT_EQ(workflow()
                .change_status(officer_, c.code, 1, CaseStatus::kCancelled, "Nhập nhầm")
                .error()
                .kind,
            ErrorKind::kConflict);
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseWorkflow, ::testing::Values("sqlite", "postgres"),
                         engine_name);

}  // namespace
}  // namespace motcua::testing
