#include "console_fixture.h"

#include "../unit/calendar_fixtures.h"
#include "fixtures.h"

namespace motcua::testing {

using namespace std::chrono_literals;

void ConsoleTest::SetUp() {
  StorageTest::SetUp();
  if (IsSkipped() || HasFatalFailure()) return;
  calendar_ = std::make_unique<core::WorkingCalendar>(
      core::WorkingCalendar::create(core::fixtures::announced_years(),
                                    core::WorkingHours::standard())
          .value());
  clock_ = std::make_unique<FakeClock>(guide_reception());
  core::Status s = store().transact([&](app::Repositories& r) -> core::Status {
    core::Agency ward = ward_agency();
    if (core::Status saved = r.agencies().save(ward); !saved.ok()) return saved;
    core::Agency justice = ward_agency();
    justice.code = "H34.4";
    justice.name = "Sở Tư pháp";
    if (core::Status saved = r.agencies().save(justice); !saved.ok()) return saved;
    // The province, a district above the ward, and a unit whose code only looks related.
    for (const char* code : {"H34", "H34.22", "H34.2"}) {
      core::Agency other = ward_agency();
      other.code = code;
      other.name = code;
      if (core::Status saved = r.agencies().save(other); !saved.ok()) return saved;
    }
    return r.procedures().save(copy_certification());
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  officer_ = add_staff("demo", "H34.22.6", core::kRoleOfficer);
}

core::Procedure ConsoleTest::copy_certification() {
  core::Procedure p;
  p.code = "2.000815.000.00.00.H34";
  p.name =
      "Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền "
      "của Việt Nam cấp hoặc chứng nhận";
  p.field = "Chứng thực";
  p.level = "Xã";
  p.processing_days = 1;
  core::ProcedureFee fee;
  fee.item.name = "Phí chứng thực bản sao từ bản chính";
  fee.item.unit = "trang";
  fee.item.tiers = {
      {1, core::Money::dong(2000), "Phí chứng thực bản sao từ bản chính"},
      {3, core::Money::dong(1000), "Phí chứng thực bản sao từ bản chính từ trang thứ 3."}};
  fee.item.cap_per_set = core::Money::dong(200000);
  fee.valid_from = std::chrono::sys_days{2017y / 1 / 1};
  fee.legal_basis = "TT 226/2016/TT-BTC";
  p.fees = {fee};
  p.confirmed = true;
  return p;
}

core::StaffMember ConsoleTest::add_staff(const std::string& username, const std::string& agency,
                                         std::uint32_t roles) {
  core::StaffMember m;
  m.username = username;
  m.full_name = username;
  m.agency_code = agency;
  m.roles = roles;
  m.password_hash = "x";
  core::Status s = store().transact([&](app::Repositories& r) -> core::Status {
    core::Result<std::int64_t> id = r.staff().create(m);
    if (!id.ok()) return id.error();
    m.id = *id;
    return {};
  });
  EXPECT_TRUE(s.ok()) << s.error().message;
  return m;
}

app::IntakeRequest ConsoleTest::guide_request() {
  app::IntakeRequest r;
  r.procedure_code = "2.000815.000.00.00.H34";
  r.submitter = {"Võ Đặng Ngọc Giả", "062190008870", "Phường Trần Hưng Đạo, Kon Tum", "0886650748",
                 "gia@example.vn"};
  r.fees = {{"Phí chứng thực bản sao từ bản chính", {}, {1, 1}}};
  return r;
}

core::CaseRecord ConsoleTest::take_in(const core::StaffMember& officer,
                                      app::IntakeRequest request) {
  app::CaseIntake intake(store(), *clock_, *calendar_);
  app::IntakeResult result = intake.take_in(officer, request);
  EXPECT_TRUE(result.ok()) << result.error.message;
  return result.record.value_or(core::CaseRecord{});
}

}  // namespace motcua::testing
