// The admin use cases (src/app/*_admin.h, numbering_config.h) against both engines: each checks
// the role, validates, writes in one transaction and leaves an audit entry.
#include <gtest/gtest.h>

#include "../unit/calendar_fixtures.h"
#include "adapters/security/argon2_password_hasher.h"
#include "app/agency_admin.h"
#include "app/calendar_admin.h"
#include "app/numbering_config.h"
#include "app/procedure_admin.h"
#include "app/staff_admin.h"
#include "console_fixture.h"
#include "core/case_code.h"
#include "core/civil_time.h"

namespace motcua::testing {
namespace {

using core::ErrorKind;
using namespace std::chrono_literals;

class AdminUseCases : public ConsoleTest {
 protected:
  void SetUp() override {
    ConsoleTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    admin_ = add_staff("quantri", "H34", core::kRoleAdmin);
    lead_ = add_staff("lanhdao", "H34.22.6", core::kRoleOfficer | core::kRoleUnitLead);
  }

  std::vector<app::AuditEntry> audit(const std::string& type, const std::string& id) {
    std::vector<app::AuditEntry> out;
    EXPECT_TRUE(store()
                    .read([&](app::Repositories& r) -> core::Status {
                      auto h = r.audit().for_entity(type, id);
                      if (!h.ok()) return h.error();
                      out = *h;
                      return {};
                    })
                    .ok());
    return out;
  }

  core::Agency agency(const std::string& code) {
    core::Agency out;
    EXPECT_TRUE(store()
                    .read([&](app::Repositories& r) -> core::Status {
                      out = r.agencies().find(code).value().value();
                      return {};
                    })
                    .ok());
    return out;
  }

  core::StaffMember admin_;
  core::StaffMember lead_;
  adapters::security::Argon2PasswordHasher hasher_{adapters::security::Argon2Cost::fast()};
};

TEST_P(AdminUseCases, NumberingPreviewShowsTheNextCodeWithoutConsumingANumber) {
  take_in(officer_);  // H34.22.6-240426-0001
  app::NumberingConfig config(store(), *clock_);
  auto preview = config.preview(officer_, "H34.22.6", "{agency}/{yyyy}/{seq:6}");
  ASSERT_TRUE(preview.ok()) << preview.error().message;
  EXPECT_EQ(preview->next_code, "H34.22.6/2024/000001");
  auto same_scope = config.preview(officer_, "H34.22.6", "{agency}-{yy}{MM}{dd}-{seq:4}");
  ASSERT_TRUE(same_scope.ok());
  EXPECT_EQ(same_scope->next_code, "H34.22.6-240426-0002");
  EXPECT_EQ(same_scope->last_sequence, 1);
  // Previewing twice consumed nothing: the next case still gets 0002.
  EXPECT_EQ(config.preview(officer_, "H34.22.6", "{agency}-{yy}{MM}{dd}-{seq:4}")->next_code,
            "H34.22.6-240426-0002");
  EXPECT_EQ(take_in(officer_).code, "H34.22.6-240426-0002");
}

TEST_P(AdminUseCases, NumberingIsChangedByAdminsAndTheUnitLeadOnly) {
  app::NumberingConfig config(store(), *clock_);
  EXPECT_EQ(config.save(officer_, "H34.22.6", "{agency}-{yyyy}-{seq:5}").error().kind,
            ErrorKind::kForbidden);
  EXPECT_EQ(config.save(lead_, "H34.4", "{agency}-{yyyy}-{seq:5}").error().kind,
            ErrorKind::kForbidden);
  EXPECT_EQ(config.preview(officer_, "H34.4", "{agency}-{yyyy}-{seq:5}").error().kind,
            ErrorKind::kForbidden);
  ASSERT_TRUE(config.save(lead_, "H34.22.6", "{agency}-{yyyy}-{seq:5}").ok());
  EXPECT_EQ(agency("H34.22.6").case_code_pattern, "{agency}-{yyyy}-{seq:5}");
  ASSERT_TRUE(config.save(admin_, "H34.4", "{agency}-{yy}{MM}-{seq:5}").ok());
  auto entries = audit("agency", "H34.22.6");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "agency.case_code_pattern");
  EXPECT_NE(entries[0].before.find("{seq:4}"), std::string::npos);
  EXPECT_NE(entries[0].after.find("{seq:5}"), std::string::npos);
  EXPECT_EQ(take_in(officer_).code, "H34.22.6-2024-00001");
}

TEST_P(AdminUseCases, InvalidPatternChangesNothing) {
  app::NumberingConfig config(store(), *clock_);
  EXPECT_EQ(config.save(admin_, "H34.22.6", "{agency}-{seq:4}").error().kind,
            ErrorKind::kInvalidInput);
  EXPECT_EQ(config.save(admin_, "H34.22.6", "{agency}-{yyyy}-{bogus}").error().kind,
            ErrorKind::kInvalidInput);
  EXPECT_EQ(agency("H34.22.6").case_code_pattern, core::CaseCodePattern::kDefault);
  EXPECT_TRUE(audit("agency", "H34.22.6").empty());
}

TEST_P(AdminUseCases, AgenciesAreCreatedAndEditedByAdminsWithAudit) {
  app::AgencyAdmin admin(store(), *clock_);
  core::Agency ward;
  ward.code = "H34.22.7";
  ward.name = "  Bộ phận TN&TKQ phường Quyết Thắng ";
  ward.parent_code = "H34.22";
  ward.tax_code = "6100123456";
  EXPECT_EQ(admin.save(officer_, ward, true).error().kind, ErrorKind::kForbidden);
  ASSERT_TRUE(admin.save(admin_, ward, true).ok());
  EXPECT_EQ(agency("H34.22.7").name, "Bộ phận TN&TKQ phường Quyết Thắng");
  EXPECT_EQ(admin.save(admin_, ward, true).error().kind, ErrorKind::kConflict);
  core::Agency bad = ward;
  bad.tax_code = "12345";
  EXPECT_EQ(admin.save(admin_, bad, false).error().kind, ErrorKind::kInvalidInput);
  bad = ward;
  bad.successor_code = "H99";
  EXPECT_EQ(admin.save(admin_, bad, false).error().kind, ErrorKind::kInvalidInput);
  bad = ward;
  bad.code = "H34-22";
  EXPECT_EQ(admin.save(admin_, bad, true).error().kind, ErrorKind::kInvalidInput);
  ward.successor_code = "H34.4";
  ward.receipt_series = "AA-24E";
  ASSERT_TRUE(admin.save(admin_, ward, false).ok());
  EXPECT_EQ(agency("H34.22.7").successor_code, "H34.4");
  auto entries = audit("agency", "H34.22.7");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "agency.create");
  EXPECT_EQ(entries[1].action, "agency.update");
  EXPECT_NE(entries[1].after.find("AA-24E"), std::string::npos);
}

TEST_P(AdminUseCases, StaffCreatedByAnAdminCanSignInAndIsDeactivated) {
  app::StaffAdmin staff(store(), hasher_, *clock_);
  app::NewStaff fresh{"canbo.moi", "Nguyễn Văn Mới", "H34.4", core::kRoleOfficer, "mat-khau-1"};
  EXPECT_EQ(staff.create(officer_, fresh).error().kind, ErrorKind::kForbidden);
  auto id = staff.create(admin_, fresh);
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(staff.create(admin_, fresh).error().kind, ErrorKind::kConflict);
  app::NewStaff short_password = fresh;
  short_password.username = "khac";
  short_password.password = "123";
  EXPECT_EQ(staff.create(admin_, short_password).error().kind, ErrorKind::kInvalidInput);
  app::NewStaff bad_agency = fresh;
  bad_agency.username = "khac";
  bad_agency.agency_code = "H99";
  EXPECT_EQ(staff.create(admin_, bad_agency).error().kind, ErrorKind::kInvalidInput);

  core::StaffMember stored;
  ASSERT_TRUE(store()
                  .read([&](app::Repositories& r) -> core::Status {
                    stored = r.staff().find_by_id(*id).value().value();
                    return {};
                  })
                  .ok());
  EXPECT_TRUE(hasher_.verify(stored.password_hash, "mat-khau-1"));
  EXPECT_EQ(stored.password_hash.rfind("$argon2id$", 0), 0u);

  ASSERT_TRUE(staff.set_roles(admin_, *id, core::kRoleOfficer | core::kRoleAgencyLookup).ok());
  EXPECT_EQ(staff.set_roles(admin_, *id, 0).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(staff.set_roles(admin_, admin_.id, core::kRoleOfficer).error().kind,
            ErrorKind::kInvalidInput);
  EXPECT_EQ(staff.set_active(admin_, admin_.id, false).error().kind, ErrorKind::kInvalidInput);
  ASSERT_TRUE(staff.set_active(admin_, *id, false).ok());
  auto listed = staff.list(admin_, "H34.4");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_FALSE(listed->front().active);
  EXPECT_EQ(listed->front().roles, core::kRoleOfficer | core::kRoleAgencyLookup);
  EXPECT_TRUE(listed->front().password_hash.empty());
  auto entries = audit("staff", "canbo.moi");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].action, "staff.create");
  EXPECT_EQ(entries[1].action, "staff.roles");
  EXPECT_EQ(entries[2].action, "staff.deactivate");
  EXPECT_EQ(entries[0].after.find("argon2"), std::string::npos);
}

TEST_P(AdminUseCases, ProcedureDetailsAndDatedFeeItemsAreEdited) {
  app::ProcedureAdmin procedures(store(), *clock_);
  const std::string code = "2.000815.000.00.00.H34";
  auto found = procedures.search(admin_, "chung thuc ban sao", 10);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(procedures.search(officer_, "", 10).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(procedures.update_details(admin_, code, {"Chứng thực", "Chứng thực", -1}).error().kind,
            ErrorKind::kInvalidInput);
  ASSERT_TRUE(
      procedures.update_details(admin_, code, {"Chứng thực bản sao", "Chứng thực", 2}).ok());

  core::ProcedureFee fee;
  fee.item.name = "Phí chứng thực chữ ký";
  fee.item.unit = "lần";
  fee.item.tiers = {{1, core::Money::dong(10000), ""}};
  fee.valid_from = std::chrono::sys_days{2025y / 7 / 1};
  core::ProcedureFee bad = fee;
  bad.item.tiers = {{2, core::Money::dong(10000), ""}};
  EXPECT_EQ(procedures.add_fee(admin_, code, bad).error().kind, ErrorKind::kInvalidInput);
  ASSERT_TRUE(procedures.add_fee(admin_, code, fee).ok());
  auto edited = procedures.find(admin_, code).value().value();
  EXPECT_EQ(edited.name, "Chứng thực bản sao");
  EXPECT_EQ(edited.processing_days, 2);
  ASSERT_EQ(edited.fees.size(), 2u);
  EXPECT_EQ(edited.fees[1].item.tiers[0].unit_amount, core::Money::dong(10000));
  EXPECT_EQ(edited.fees[1].valid_from, fee.valid_from);
  EXPECT_EQ(edited.fees[1].item.tiers[0].description, "Phí chứng thực chữ ký");
  EXPECT_EQ(procedures.remove_fee(admin_, code, 5).error().kind, ErrorKind::kNotFound);
  ASSERT_TRUE(procedures.remove_fee(admin_, code, 0).ok());
  EXPECT_EQ(procedures.find(admin_, code).value()->fees.size(), 1u);
  auto entries = audit("procedure", code);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[1].action, "procedure.fee_add");
  EXPECT_NE(entries[1].after.find("10000"), std::string::npos);
  EXPECT_EQ(entries[2].action, "procedure.fee_remove");
}

TEST_P(AdminUseCases, ProcedurePublicTermsAreReplacedAndAudited) {
  app::ProcedureAdmin procedures(store(), *clock_);
  const std::string code = "2.000815.000.00.00.H34";
  app::ProcedurePublicTerms terms{.implementing_agency = "  UBND phường Trần Hưng Đạo ",
                                  .online = false,
                                  .fees_up_front = false,
                                  .documents = {{"Tờ khai", 1, 0, true}, {"Bản sao", 0, 2, false}}};
  EXPECT_EQ(procedures.update_public_terms(officer_, code, terms).error().kind,
            ErrorKind::kForbidden);
  EXPECT_EQ(procedures.update_public_terms(admin_, "9.9", terms).error().kind,
            ErrorKind::kNotFound);
  app::ProcedurePublicTerms bad = terms;
  bad.documents.push_back({" ", 1, 0, true});
  EXPECT_EQ(procedures.update_public_terms(admin_, code, bad).error().kind,
            ErrorKind::kInvalidInput);
  bad = terms;
  bad.implementing_agency = std::string(app::kMaxAgencyText + 1, 'x');
  EXPECT_EQ(procedures.update_public_terms(admin_, code, bad).error().kind,
            ErrorKind::kInvalidInput);
  ASSERT_TRUE(procedures.update_public_terms(admin_, code, terms).ok());
  auto edited = procedures.find(admin_, code).value().value();
  EXPECT_EQ(edited.implementing_agency, "UBND phường Trần Hưng Đạo");
  EXPECT_FALSE(edited.online);
  EXPECT_FALSE(edited.fees_up_front);
  ASSERT_EQ(edited.documents.size(), 2u);
  EXPECT_EQ(edited.documents[1].copies, 2);
  auto entries = audit("procedure", code);
  ASSERT_EQ(entries.size(), 1u) << "refusals write nothing";
  EXPECT_EQ(entries[0].action, "procedure.terms");
  EXPECT_NE(entries[0].after.find("\"documents\":2"), std::string::npos) << entries[0].after;
}

TEST_P(AdminUseCases, CalendarDaysAreAddedRemovedAndTheYearConfirmed) {
  app::CalendarAdmin calendar(store(), *clock_, *calendar_);
  auto proposed = calendar.year(admin_, 2030);
  ASSERT_TRUE(proposed.ok()) << proposed.error().message;
  EXPECT_FALSE(proposed->stored);
  EXPECT_FALSE(proposed->year.confirmed());
  EXPECT_EQ(calendar.year(officer_, 2030).error().kind, ErrorKind::kForbidden);

  const auto day = std::chrono::sys_days{2030y / 6 / 12};  // a Wednesday
  EXPECT_EQ(calendar.add_day(admin_, 2030, day, core::CalendarEntryKind::kDayOff, " ").error().kind,
            ErrorKind::kInvalidInput);
  EXPECT_EQ(calendar.add_day(admin_, 2030, day, core::CalendarEntryKind::kMakeUpWorkingDay, "Bù")
                .error()
                .kind,
            ErrorKind::kInvalidInput);  // a Wednesday already works
  ASSERT_TRUE(
      calendar.add_day(admin_, 2030, day, core::CalendarEntryKind::kDayOff, "Nghỉ đặc biệt").ok());
  auto stored = calendar.year(admin_, 2030);
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE(stored->stored);
  EXPECT_FALSE(stored->year.confirmed());
  EXPECT_FALSE(stored->year.is_working_day(day));
  ASSERT_TRUE(calendar.confirm(admin_, 2030).ok());
  EXPECT_TRUE(calendar.year(admin_, 2030)->year.confirmed());
  ASSERT_TRUE(calendar.remove_day(admin_, 2030, day).ok());
  EXPECT_TRUE(calendar.year(admin_, 2030)->year.is_working_day(day));
  EXPECT_EQ(calendar.remove_day(admin_, 2030, day).error().kind, ErrorKind::kNotFound);
  auto entries = audit("calendar", "2030");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].action, "calendar.day_off_add");
  EXPECT_EQ(entries[1].action, "calendar.confirm");
  EXPECT_EQ(entries[2].action, "calendar.day_remove");
}

TEST_P(AdminUseCases, AStoredDayOffMovesADeadlineComputedAfterwards) {
  const auto received = core::parse_local_date_time("2024-04-26 07:27:52").value();
  ASSERT_EQ(calendar_->add_working_days(received, 1)->at,
            core::parse_local_date_time("2024-05-02 07:27:00").value());
  app::CalendarAdmin calendar(store(), *clock_, *calendar_);
  ASSERT_TRUE(calendar
                  .add_day(admin_, 2024, std::chrono::sys_days{2024y / 5 / 2},
                           core::CalendarEntryKind::kDayOff, "Nghỉ đột xuất")
                  .ok());
  auto years = app::with_stored_years(store(), core::fixtures::announced_years());
  ASSERT_TRUE(years.ok()) << years.error().message;
  auto rebuilt = core::WorkingCalendar::create(*years, core::WorkingHours::standard());
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.error().message;
  EXPECT_EQ(rebuilt->add_working_days(received, 1)->at,
            core::parse_local_date_time("2024-05-03 07:27:00").value());
}

INSTANTIATE_TEST_SUITE_P(Engines, AdminUseCases, ::testing::Values("sqlite", "postgres"),
                         engine_name);

}  // namespace
}  // namespace motcua::testing
