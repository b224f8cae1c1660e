#include "app/synthetic_seed.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "calendar_fixtures.h"
#include "core/case_code.h"
#include "core/civil_time.h"
#include "core/personal_id.h"
#include "core/vietnamese_text.h"
#include "core/working_hours.h"

namespace motcua::app {
namespace {

using namespace std::chrono;

core::WorkingCalendar calendar() {
  return core::WorkingCalendar::create(core::fixtures::announced_years(),
                                       core::WorkingHours::standard())
      .value();
}

core::Procedure procedure(std::string code, std::string name, std::string field, std::string level,
                          std::int64_t days, std::vector<core::FeeTier> tiers) {
  core::Procedure p{.code = std::move(code),
                    .name = std::move(name),
                    .field = std::move(field),
                    .level = std::move(level),
                    .processing_days = days};
  if (!tiers.empty()) {
    p.fees.push_back(core::ProcedureFee{
        .item = core::FeeItem{.name = "Phí " + p.field, .unit = "trang", .tiers = tiers},
        .valid_from = sys_days{2016y / July / 1}});
  }
  return p;
}

std::vector<core::Procedure> procedures() {
  return {
      procedure(
          "2.000815.000.00.00.H34", "Chứng thực bản sao từ bản chính", "Chứng thực", "Xã", 1,
          {{1, core::Money::dong(2000), "Phí chứng thực bản sao từ bản chính"},
           {3, core::Money::dong(1000), "Phí chứng thực bản sao từ bản chính từ trang thứ 3."}}),
      procedure("1.004873", "Đăng ký khai sinh", "Hộ tịch", "Xã", 0, {}),
      procedure("2.001417", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "Lý lịch tư pháp",
                "Tỉnh (Công an tỉnh)", 10, {{1, core::Money::dong(200000), "Lệ phí"}}),
      procedure("1.001612", "Đăng ký thành lập hộ kinh doanh",
                "Thành lập và hoạt động của hộ kinh doanh", "Tỉnh", 3,
                {{1, core::Money::dong(100000), "Lệ phí"}}),
  };
}

const sys_seconds kNow =
    core::from_vietnam_local(core::parse_local_date_time("2026-06-15 10:00:00").value());

std::vector<SyntheticCase> generate(std::uint64_t seed, std::int64_t n) {
  static const core::WorkingCalendar kCalendar = calendar();
  SplitMix64 random(seed);
  SyntheticWorld world{
      .units = synthetic_units(), .procedures = procedures(), .officers = {{"H34.22.6", {7, 8}}}};
  SyntheticCaseGenerator g =
      SyntheticCaseGenerator::create(world, kCalendar, {.cases = n, .now = kNow}, random).value();
  std::vector<SyntheticCase> out;
  while (!g.done()) out.push_back(g.next().value());
  return out;
}

TEST(SyntheticSeed, SplitMix64MatchesTheReferenceSequence) {
  // First outputs for seed 1234567 from the reference implementation (Vigna's splitmix64.c).
  SplitMix64 r(1234567);
  EXPECT_EQ(r.next_u64(), 6457827717110365317ULL);
  EXPECT_EQ(r.next_u64(), 3203168211198807973ULL);
}

TEST(SyntheticSeed, SameSeedGivesTheSameCases) {
  std::vector<SyntheticCase> a = generate(42, 500);
  std::vector<SyntheticCase> b = generate(42, 500);
  ASSERT_EQ(a.size(), 500u);
  ASSERT_EQ(b.size(), 500u);
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].record.submitter.name, b[i].record.submitter.name);
    EXPECT_EQ(a[i].record.submitter.id_number, b[i].record.submitter.id_number);
    EXPECT_EQ(a[i].record.submitted_at, b[i].record.submitted_at);
    EXPECT_EQ(a[i].record.status, b[i].record.status);
    EXPECT_EQ(a[i].record.fee_lines.size(), b[i].record.fee_lines.size());
  }
}

TEST(SyntheticSeed, DifferentSeedsGiveDifferentCases) {
  std::vector<SyntheticCase> a = generate(1, 50);
  std::vector<SyntheticCase> b = generate(2, 50);
  int same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    same += a[i].record.submitter.id_number == b[i].record.submitter.id_number ? 1 : 0;
  }
  EXPECT_LT(same, 3);
}

TEST(SyntheticSeed, IdNumbersAreCccdOfTheRealShape) {
  for (const SyntheticCase& c : generate(7, 2000)) {
    const std::string& id = c.record.submitter.id_number;
    ASSERT_EQ(id.size(), 12u) << id;
    core::Result<core::PersonalId> parsed = core::parse_personal_id(id);
    ASSERT_TRUE(parsed.ok()) << id;
    EXPECT_EQ(parsed->kind, core::PersonalIdKind::kCitizenId);
    EXPECT_EQ(id[0], '0') << id;  // province codes are 001-096
    // Century/sex digit and birth year: an adult when the case was submitted.
    int century = id[3] - '0';
    ASSERT_LE(century, 3) << id;
    int birth_year = (century >= 2 ? 2000 : 1900) + std::stoi(id.substr(4, 2));
    int year = static_cast<int>(year_month_day{floor<days>(c.record.submitted_at)}.year());
    EXPECT_GE(year - birth_year, 18) << id;
    EXPECT_LE(year - birth_year, 78) << id;
  }
}

TEST(SyntheticSeed, NamesAreNfcVietnameseWithNguyenMostCommon) {
  std::vector<SyntheticCase> cases = generate(11, 5000);
  std::map<std::string, int> family;
  for (const SyntheticCase& c : cases) {
    const std::string& name = c.record.submitter.name;
    EXPECT_EQ(core::to_nfc(name).value(), name);
    EXPECT_GE(std::count(name.begin(), name.end(), ' '), 2) << name;
    ++family[name.substr(0, name.find(' '))];
    EXPECT_EQ(c.record.submitter.phone.size(), 10u);
    EXPECT_EQ(c.record.submitter.phone[0], '0');
    EXPECT_NE(c.record.submitter.address.find("tỉnh Kon Tum"), std::string::npos);
  }
  double nguyen = family["Nguyễn"] / 5000.0;
  EXPECT_GT(nguyen, 0.33);
  EXPECT_LT(nguyen, 0.43);
  EXPECT_GT(family["Trần"], family["Bùi"]);
  EXPECT_GT(family.size(), 20u);
}

TEST(SyntheticSeed, CasesAreReceivedInOfficeHoursOnWorkingDaysBeforeNow) {
  core::WorkingCalendar c = calendar();
  sys_seconds previous{};
  for (const SyntheticCase& s : generate(5, 3000)) {
    sys_seconds at = s.record.received_at.value_or(s.record.submitted_at);
    EXPECT_LT(at, kNow);
    EXPECT_GT(at, kNow - days{1000});
    local_seconds local =
        core::to_vietnam_local(s.record.received_at.value_or(s.record.submitted_at + minutes{60}));
    sys_days day{floor<days>(local.time_since_epoch())};
    EXPECT_TRUE(c.is_working_day(day).value());
    auto time = local - floor<days>(local);
    EXPECT_TRUE((time >= hours{7} && time < hours{11}) || (time >= hours{13} && time < hours{17}))
        << core::format_display_date_time(local);
    if (s.record.received_at) {
      EXPECT_GE(*s.record.received_at, previous);  // in order of reception
      previous = *s.record.received_at;
    }
  }
}

TEST(SyntheticSeed, StatusesHavePlausibleProportions) {
  std::map<core::CaseStatus, int> count;
  std::vector<SyntheticCase> cases = generate(3, 20000);
  for (const SyntheticCase& c : cases) {
    ++count[c.record.status];
    if (c.record.status == core::CaseStatus::kNew) {
      EXPECT_EQ(c.record.channel, core::IntakeChannel::kOnline);
      EXPECT_FALSE(c.record.received_at.has_value());
      EXPECT_FALSE(c.record.deadline_at.has_value());
    } else {
      ASSERT_TRUE(c.record.deadline_at.has_value());
      EXPECT_GE(*c.record.deadline_at + minutes{1}, *c.record.received_at);
    }
  }
  // Over two and a half years most cases are done; some are still open.
  EXPECT_GT(count[core::CaseStatus::kResultReturned], 16000);
  EXPECT_GT(count[core::CaseStatus::kProcessing], 0);
  EXPECT_GT(count[core::CaseStatus::kNew], 0);
  EXPECT_GT(count[core::CaseStatus::kCancelled], 0);
  EXPECT_GE(count.size(), 8u);
}

TEST(SyntheticSeed, FeeLinesFollowTheProcedureAndSomeArePaid) {
  int paid = 0;
  int unpaid = 0;
  for (const SyntheticCase& c : generate(9, 3000)) {
    if (c.record.procedure_code == "1.004873") {
      EXPECT_TRUE(c.record.fee_lines.empty());
    }
    if (c.record.procedure_code == "2.000815.000.00.00.H34") {
      ASSERT_FALSE(c.record.fee_lines.empty());
      EXPECT_EQ(c.record.fee_lines[0].unit_amount, core::Money::dong(2000));
    }
    for (const core::FeeLine& line : c.record.fee_lines) {
      EXPECT_EQ(line.amount.in_dong(), line.unit_amount.in_dong() * line.quantity);
      EXPECT_EQ(line.paid, line.method.has_value());
      (line.paid ? paid : unpaid)++;
    }
  }
  EXPECT_GT(paid, unpaid);
  EXPECT_GT(unpaid, 0);
}

TEST(SyntheticSeed, ProceduresGoToUnitsOfTheirLevel) {
  for (const SyntheticCase& c : generate(13, 3000)) {
    const std::string& agency = c.record.receiving_agency_code;
    if (c.record.procedure_code == "2.001417") {
      EXPECT_EQ(agency, "H34.4");
    } else if (c.record.procedure_code == "1.001612") {
      EXPECT_EQ(agency, "H34.40");
    } else {
      EXPECT_TRUE(agency.starts_with("H34.22.")) << agency;
    }
    if (agency == "H34.22.6" && c.record.received_at) {
      ASSERT_TRUE(c.record.assigned_staff_id.has_value());
      EXPECT_TRUE(*c.record.assigned_staff_id == 7 || *c.record.assigned_staff_id == 8);
    }
  }
}

TEST(SyntheticSeed, NumberedBySequenceTheCodesAreValidAndUnique) {
  std::vector<SyntheticCase> cases = generate(17, 5000);
  SplitMix64 unused(0);
  SyntheticCaseGenerator g =
      SyntheticCaseGenerator::create({.units = synthetic_units(), .procedures = procedures()},
                                     calendar(), {.cases = 1, .now = kNow}, unused)
          .value();
  std::map<std::string, std::int64_t> sequences;
  std::set<std::string> codes;
  for (const SyntheticCase& c : cases) {
    const std::string& agency = c.record.receiving_agency_code;
    const core::CaseCodePattern& pattern = g.pattern_of(agency);
    std::int64_t seq = ++sequences[pattern.scope_key(agency, c.code_date)];
    std::string code = pattern.format(agency, c.code_date, seq).value();
    EXPECT_TRUE(codes.insert(code).second) << code;
    core::CaseCodeParts parts = core::parse_case_code(code, pattern).value();
    EXPECT_EQ(parts.agency_code, agency);
    EXPECT_EQ(parts.sequence, seq);
    // The code's date is the day of reception in Vietnam.
    sys_seconds at = c.record.received_at.value_or(c.record.submitted_at);
    year_month_day local{floor<days>(core::to_vietnam_local(at))};
    EXPECT_EQ(c.code_date, local);
  }
}

TEST(SyntheticSeed, RefusesAnEmptyWorld) {
  SplitMix64 random(1);
  EXPECT_FALSE(SyntheticCaseGenerator::create({.units = synthetic_units()}, calendar(),
                                              {.cases = 1, .now = kNow}, random)
                   .ok());
  EXPECT_FALSE(SyntheticCaseGenerator::create({.procedures = procedures()}, calendar(),
                                              {.cases = 1, .now = kNow}, random)
                   .ok());
}

}  // namespace
}  // namespace motcua::app
