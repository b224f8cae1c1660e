#include <gtest/gtest.h>

#include "console_fixture.h"
#include "core/civil_time.h"

namespace motcua::testing {
namespace {

using core::ErrorKind;

std::chrono::sys_seconds vn(const char* text) {
  return core::from_vietnam_local(core::parse_local_date_time(text).value());
}

class CaseIntake : public ConsoleTest {
 protected:
  app::IntakeResult run(const core::StaffMember& actor, const app::IntakeRequest& request) {
    app::CaseIntake intake(store(), *clock_, *calendar_);
    return intake.take_in(actor, request);
  }

  static bool has_field(const app::IntakeResult& r, const std::string& field) {
    for (const auto& e : r.field_errors) {
      if (e.field == field) return true;
    }
    return false;
  }
};

TEST_P(CaseIntake, GuideCaseGetsTheGuideCodeDeadlineAppointmentAndFees) {
  core::CaseRecord first = take_in(officer_);
  EXPECT_EQ(first.code, "H34.22.6-240426-0001");
  core::CaseRecord c = take_in(officer_);
  EXPECT_EQ(c.code, "H34.22.6-240426-0002");
  EXPECT_EQ(c.status, core::CaseStatus::kAccepted);
  EXPECT_EQ(c.submitted_at, vn("2024-04-26 07:27:52"));
  EXPECT_EQ(c.received_at, vn("2024-04-26 07:27:52"));
  EXPECT_EQ(c.deadline_at, vn("2024-05-02 07:27:00"));
  EXPECT_EQ(c.appointment_at, vn("2024-05-04 07:27:00"));
  EXPECT_EQ(c.assigned_staff_id, officer_.id);
  EXPECT_EQ(c.receiving_agency_code, "H34.22.6");
  EXPECT_EQ(c.processing_agency_code, "H34.22.6");
  EXPECT_EQ(c.owner.name, "Võ Đặng Ngọc Giả");
  EXPECT_EQ(c.version, 1);
  ASSERT_EQ(c.fee_lines.size(), 2u);
  EXPECT_EQ(c.fee_lines[0].amount, core::Money::dong(2000));
  EXPECT_EQ(c.fee_lines[0].quantity, 1);
  EXPECT_EQ(c.fee_lines[1].amount, core::Money::dong(1000));
  EXPECT_EQ(c.fee_lines[1].description, "Phí chứng thực bản sao từ bản chính từ trang thứ 3.");

  core::Status s = store().read([&](app::Repositories& r) -> core::Status {
    auto stored = r.cases().find_by_code("H34.22.6-240426-0002");
    EXPECT_TRUE(stored.ok() && stored->has_value());
    if (stored.ok() && stored->has_value()) {
      EXPECT_EQ((*stored)->deadline_at, c.deadline_at);
      EXPECT_EQ((*stored)->fee_lines.size(), 2u);
    }
    auto audit = r.audit().for_entity("case", c.code);
    EXPECT_TRUE(audit.ok());
    if (audit.ok()) {
      EXPECT_EQ(audit->size(), 1u);
      EXPECT_EQ(audit->front().action, "case.intake");
      EXPECT_EQ(audit->front().actor, "staff:" + std::to_string(officer_.id));
      EXPECT_NE(audit->front().after.find("\"total\":3000"), std::string::npos);
    }
    return {};
  });
  EXPECT_TRUE(s.ok());
}

TEST_P(CaseIntake, PagesAndCopiesArePricedByTheTiers) {
  app::IntakeRequest r = guide_request();
  r.fees = {{"Phí chứng thực bản sao từ bản chính", {3, 2}, {}}};
  core::CaseRecord c = take_in(officer_, r);
  ASSERT_EQ(c.fee_lines.size(), 2u);
  EXPECT_EQ(c.fee_lines[0].amount, core::Money::dong(8000));  // 2 pages x 2 copies x 2.000
  EXPECT_EQ(c.fee_lines[1].amount, core::Money::dong(2000));  // 1 page x 2 copies x 1.000
}

TEST_P(CaseIntake, UnlistedFeeItemIsOneUnitOneSet) {
  app::IntakeRequest r = guide_request();
  r.fees.clear();
  core::CaseRecord c = take_in(officer_, r);
  ASSERT_EQ(c.fee_lines.size(), 1u);
  EXPECT_EQ(c.fee_lines[0].amount, core::Money::dong(2000));
}

TEST_P(CaseIntake, ZeroCountsLeaveTheLineOut) {
  app::IntakeRequest r = guide_request();
  r.fees = {{"Phí chứng thực bản sao từ bản chính", {}, {1, 0}}};
  EXPECT_EQ(take_in(officer_, r).fee_lines.size(), 1u);
}

TEST_P(CaseIntake, OnlineSubmissionIsNewWithoutReceptionOrDates) {
  app::IntakeRequest r = guide_request();
  r.channel = core::IntakeChannel::kOnline;
  core::CaseRecord c = take_in(officer_, r);
  EXPECT_EQ(c.status, core::CaseStatus::kNew);
  EXPECT_FALSE(c.received_at);
  EXPECT_FALSE(c.deadline_at);
  EXPECT_FALSE(c.assigned_staff_id);
}

TEST_P(CaseIntake, OwnerDefaultsToSubmitterAndCanDiffer) {
  app::IntakeRequest r = guide_request();
  r.owner = core::CasePerson{"Nguyễn Văn An", "", "", "", ""};
  core::CaseRecord c = take_in(officer_, r);
  EXPECT_EQ(c.owner.name, "Nguyễn Văn An");
  EXPECT_EQ(c.submitter.name, "Võ Đặng Ngọc Giả");
}

TEST_P(CaseIntake, NamesAreStoredNfcAndTrimmed) {
  app::IntakeRequest r = guide_request();
  r.submitter.name =
      "  Vo\xCC\x83 \xC4\x90"
      "a\xCC\xA3\xCC\x86"
      "ng ";  // decomposed "Võ Đặng"
  core::CaseRecord c = take_in(officer_, r);
  EXPECT_EQ(c.submitter.name, "Võ Đặng");
}

TEST_P(CaseIntake, BadFieldsAreNamed) {
  app::IntakeRequest r = guide_request();
  r.submitter.name = "   ";
  r.submitter.id_number = "12345";
  r.submitter.phone = "abc";
  r.submitter.email = "gia@";
  r.fees = {{"Phí chứng thực bản sao từ bản chính", {-1, 1}, {}}};
  app::IntakeResult result = run(officer_, r);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error.kind, ErrorKind::kInvalidInput);
  EXPECT_TRUE(has_field(result, "submitter.name"));
  EXPECT_TRUE(has_field(result, "submitter.id_number"));
  EXPECT_TRUE(has_field(result, "submitter.phone"));
  EXPECT_TRUE(has_field(result, "submitter.email"));
  EXPECT_TRUE(has_field(result, "fees[0].quantity"));
}

TEST_P(CaseIntake, UnknownProcedureAndFeeItemAreFieldErrors) {
  app::IntakeRequest r = guide_request();
  r.procedure_code = "9.999999";
  EXPECT_TRUE(has_field(run(officer_, r), "procedure_code"));
  r = guide_request();
  r.fees = {{"Lệ phí không có", {}, {}}};
  EXPECT_TRUE(has_field(run(officer_, r), "fees[0].item"));
  r = guide_request();
  r.fees = {{"Phí chứng thực bản sao từ bản chính", {}, {1}}};
  EXPECT_TRUE(has_field(run(officer_, r), "fees[0].tier_counts"));
}

TEST_P(CaseIntake, FeeNotYetValidOnTheReceptionDayIsNotCharged) {
  core::Procedure p = copy_certification();
  p.fees[0].valid_from = std::chrono::sys_days{std::chrono::year{2025} / 1 / 1};
  ASSERT_TRUE(store().transact([&](app::Repositories& r) { return r.procedures().save(p); }).ok());
  app::IntakeRequest r = guide_request();
  r.fees.clear();
  EXPECT_TRUE(take_in(officer_, r).fee_lines.empty());
  r = guide_request();
  EXPECT_TRUE(has_field(run(officer_, r), "fees[0].item"));
}

TEST_P(CaseIntake, RefusedIntakeUsesNoNumber) {
  app::IntakeRequest bad = guide_request();
  bad.procedure_code = "9.999999";
  EXPECT_FALSE(run(officer_, bad).ok());
  EXPECT_EQ(take_in(officer_).code, "H34.22.6-240426-0001");
}

TEST_P(CaseIntake, OnlyActiveOfficersTakeIn) {
  core::StaffMember lookup = add_staff("lookup", "H34.22.6", core::kRoleAgencyLookup);
  EXPECT_EQ(run(lookup, guide_request()).error.kind, ErrorKind::kForbidden);
  core::StaffMember disabled = officer_;
  disabled.active = false;
  EXPECT_EQ(run(disabled, guide_request()).error.kind, ErrorKind::kForbidden);
}

TEST_P(CaseIntake, UnitThatNoLongerExistsOnTheDayRefuses) {
  clock_->set(vn("2025-07-02 08:00:00"));  // H34.22.6 ended on 30/06/2025
  EXPECT_EQ(run(officer_, guide_request()).error.kind, ErrorKind::kInvalidInput);
}

TEST_P(CaseIntake, CodeDateIsTheVietnamDay) {
  clock_->set(vn("2024-04-29 06:30:00"));  // 28/04 23:30 UTC
  EXPECT_EQ(take_in(officer_).code, "H34.22.6-240429-0001");
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseIntake, ::testing::Values("sqlite", "postgres"), engine_name);

}  // namespace
}  // namespace motcua::testing
