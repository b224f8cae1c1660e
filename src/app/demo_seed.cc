#include "app/demo_seed.h"

#include "app/synthetic_seed.h"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "core/account.h"
#include "core/agency.h"
#include "core/case_code.h"
#include "core/case_record.h"
#include "core/civil_time.h"

namespace motcua::app {
namespace {

using namespace std::chrono;

// Demo passwords are public by design (README "Demo logins").
constexpr DemoLogin kLogins[] = {
    {"officer, Bộ phận TN&TKQ phường Trần Hưng Đạo (H34.22.6)", "demo", "motcua-demo"},
    {"officer, Sở Tư pháp (H34.4)", "sotuphap", "motcua-demo"},
    {"admin, Tỉnh Kon Tum (H34)", "admin", "motcua-admin"},
    {"citizen Võ Đặng Ngọc Giả (CCCD)", kDemoCitizenIdNumber, "motcua-congdan"},
};

struct DemoStaff {
  std::string_view username;
  std::string_view full_name;
  std::string_view agency;
  std::uint32_t roles;
};
// The guide shows the ward's officer as "Cán bộ: demo".
constexpr DemoStaff kStaff[] = {
    {"demo", "demo", "H34.22.6", core::kRoleOfficer | core::kRoleAgencyLookup},
    {"sotuphap", "Trần Văn Bình", "H34.4", core::kRoleOfficer | core::kRoleAgencyLookup},
    {"admin", "Quản trị hệ thống", "H34", core::kRoleAdmin | core::kRoleAgencyLookup},
};

constexpr std::string_view kCitizenName = "Võ Đặng Ngọc Giả";
// Invented contact details.
constexpr std::string_view kCitizenPhone = "0905123870";
constexpr std::string_view kCitizenEmail = "vodangngocgia@example.vn";
constexpr std::string_view kCitizenAddress =
    "Số 25, đường Trần Hưng Đạo, phường Trần Hưng Đạo, thành phố Kon Tum, tỉnh Kon Tum";

std::string_view password_of(std::string_view username) {
  for (const DemoLogin& login : kLogins) {
    if (login.username == username) return login.password;
  }
  return {};
}

std::vector<core::Agency> demo_agencies() {
  // The provinces (Kon Tum and its successor Quảng Ngãi) are the synthetic seed's; the units
  // below are the guide's. Tax codes (Kon Tum's MSTs begin with 61) and the State Treasury
  // collecting accounts at VietinBank (BIN 970415) are invented; the form symbol and series are
  // the guide's.
  std::vector<core::Agency> agencies = synthetic_parent_agencies();
  std::vector<core::Agency> units = {
      core::Agency{.code = "H34.22.6",
                   .name = "Bộ phận TN&TKQ phường Trần Hưng Đạo",
                   .valid_from = sys_days{2020y / January / 1},
                   .parent_code = "H34",
                   .tax_code = "6100228106",
                   .bank_bin = "970415",
                   .bank_account = "3711010228106",
                   .receipt_form_symbol = "01BLP0-001",
                   .receipt_series = "AA-24E"},
      core::Agency{.code = "H34.4",
                   .name = "Sở Tư pháp",
                   .valid_from = sys_days{2020y / January / 1},
                   .parent_code = "H34",
                   .tax_code = "6100102345",
                   .bank_bin = "970415",
                   .bank_account = "3711010123450",
                   .receipt_form_symbol = "01BLP0-001",
                   .receipt_series = "AB-24E"},
  };
  agencies.insert(agencies.end(), units.begin(), units.end());
  return agencies;
}

bool same_agency(const core::Agency& a, const core::Agency& b) {
  return a.code == b.code && a.name == b.name && a.valid_from == b.valid_from &&
         a.valid_until == b.valid_until && a.successor_code == b.successor_code &&
         a.parent_code == b.parent_code && a.tax_code == b.tax_code && a.bank_bin == b.bank_bin &&
         a.bank_account == b.bank_account && a.receipt_form_symbol == b.receipt_form_symbol &&
         a.receipt_series == b.receipt_series && a.case_code_pattern == b.case_code_pattern;
}

constexpr std::string_view kCopyFeeName = "Phí chứng thực bản sao từ bản chính";
constexpr std::string_view kCopyFeeFromPage3 =
    "Phí chứng thực bản sao từ bản chính từ trang thứ 3.";
constexpr std::string_view kCriminalRecordFee = "Phí cung cấp thông tin lý lịch tư pháp";

core::Procedure copy_certification() {
  return core::Procedure{
      .code = "2.000815.000.00.00.H34",
      .name =
          "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền "
          "của Việt Nam cấp hoặc chứng nhận",
      .field = "Chứng thực",
      .level = "Xã",
      .processing_days = 1,
      .fees = {core::ProcedureFee{
          .item =
              core::FeeItem{.name = std::string(kCopyFeeName),
                            .unit = "trang",
                            .tiers = {{1, core::Money::dong(2000), std::string(kCopyFeeName)},
                                      {3, core::Money::dong(1000), std::string(kCopyFeeFromPage3)}},
                            .cap_per_set = core::Money::dong(200000)},
          .valid_from = sys_days{2017y / January / 1},
          .legal_basis = "Thông tư 226/2016/TT-BTC, Điều 4"}},
      .legal_basis = "Nghị định 23/2015/NĐ-CP",
      .source = "seed/huong-dan-thanh-toan-qr.txt",
      .confirmed = true};
}

core::Procedure criminal_record() {
  // The national code is the catalogue's (3.000333) in the full form the province publishes.
  return core::Procedure{
      .code = "3.000333.000.00.00.H34",
      .name =
          "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại "
          "Việt Nam",
      .field = "Lý lịch tư pháp",
      .level = "Tỉnh",
      .processing_days = 10,
      .fees = {core::ProcedureFee{
          .item = core::FeeItem{.name = std::string(kCriminalRecordFee),
                                .unit = "lần",
                                .tiers = {{1, core::Money::dong(200000),
                                           std::string(kCriminalRecordFee)}}},
          .valid_from = sys_days{2017y / January / 1},
          .legal_basis = "Thông tư 244/2016/TT-BTC, Điều 4"}},
      .legal_basis = "Luật Lý lịch tư pháp 2009",
      .source = "seed/huong-dan-thanh-toan-qr.txt",
      .confirmed = true};
}

// The guide's full-code procedure with the public facts (agency, online, documents) the
// shipped catalogue gives its national code ("2.000815" for "2.000815.000.00.00.H34").
core::Procedure with_catalogue_terms(core::Procedure p,
                                     const std::vector<core::Procedure>& catalogue) {
  for (const core::Procedure& c : catalogue) {
    if (c.code.empty() || p.code.rfind(c.code + ".", 0) != 0) continue;
    p.implementing_agency = c.implementing_agency;
    p.online = c.online;
    p.fees_up_front = c.fees_up_front;
    p.documents = c.documents;
  }
  return p;
}

core::CasePerson citizen_person() {
  return core::CasePerson{.name = std::string(kCitizenName),
                          .id_number = std::string(kDemoCitizenIdNumber),
                          .address = std::string(kCitizenAddress),
                          .phone = std::string(kCitizenPhone),
                          .email = std::string(kCitizenEmail)};
}

core::FeeLine unpaid_line(std::string_view name, std::string_view description,
                          std::int64_t amount) {
  return core::FeeLine{.name = std::string(name),
                       .description = std::string(description),
                       .quantity = 1,
                       .unit_amount = core::Money::dong(amount),
                       .amount = core::Money::dong(amount)};
}

local_seconds local(std::string_view text) {
  return core::parse_local_date_time(text).value();  // constant text, checked by the tests
}

// Brings the scope's sequence up to `last` (never down): the next code is last + 1.
core::Result<std::int64_t> advance_sequence(SequenceRepository& sequences, const std::string& scope,
                                            std::int64_t last) {
  core::Result<std::int64_t> current = sequences.current(scope);
  if (!current.ok()) return current.error();
  std::int64_t steps = 0;
  for (std::int64_t value = *current; value < last; ++steps) {
    core::Result<std::int64_t> next = sequences.next(scope);
    if (!next.ok()) return next.error();
    value = *next;
  }
  return steps;
}

}  // namespace

std::span<const DemoLogin> demo_logins() { return kLogins; }

DemoSeed::DemoSeed(Store& store, PasswordHasher& hasher, const core::WorkingCalendar& calendar,
                   const Clock& clock)
    : store_(store), hasher_(hasher), calendar_(calendar), clock_(clock) {}

core::Result<DemoSeedReport> DemoSeed::run(const std::vector<core::Procedure>& catalogue) {
  // Hash only the passwords of accounts still missing, and outside the write transaction:
  // argon2id is slow on purpose, and a second run should cost nothing.
  std::map<std::string, std::string> hashes;  // username or id number -> hash
  core::Status looked = store_.read([&](Repositories& repos) -> core::Status {
    for (const DemoStaff& s : kStaff) {
      core::Result<std::optional<core::StaffMember>> found =
          repos.staff().find_by_username(s.username);
      if (!found.ok()) return found.error();
      if (!found->has_value()) hashes[std::string(s.username)];
    }
    core::Result<std::optional<core::CitizenAccount>> citizen =
        repos.citizens().find_by_id_number(kDemoCitizenIdNumber);
    if (!citizen.ok()) return citizen.error();
    if (!citizen->has_value()) hashes[std::string(kDemoCitizenIdNumber)];
    return {};
  });
  if (!looked.ok()) return looked.error();
  for (auto& [login, hash] : hashes) {
    core::Result<std::string> hashed = hasher_.hash(password_of(login));
    if (!hashed.ok()) return hashed.error();
    hash = std::move(hashed).value();
  }

  // Deadlines of the counter case, from the working calendar (the guide: +1 and +3 days).
  local_seconds received = local("2024-04-26 07:27:52");
  core::Result<core::Deadline> deadline = calendar_.add_working_days(received, 1);
  if (!deadline.ok()) return deadline.error();
  core::Result<core::Deadline> appointment = calendar_.add_working_days(received, 3);
  if (!appointment.ok()) return appointment.error();

  DemoSeedReport report;
  core::Status stored = store_.transact([&](Repositories& repos) -> core::Status {
    report = DemoSeedReport{};
    for (const core::Agency& agency : demo_agencies()) {
      core::Result<std::optional<core::Agency>> found = repos.agencies().find(agency.code);
      if (!found.ok()) return found.error();
      if (found->has_value() && same_agency(**found, agency)) continue;
      if (core::Status s = repos.agencies().save(agency); !s.ok()) return s;
      ++report.agencies;
    }

    std::map<std::string, std::int64_t> staff_ids;
    for (const DemoStaff& s : kStaff) {
      core::Result<std::optional<core::StaffMember>> found =
          repos.staff().find_by_username(s.username);
      if (!found.ok()) return found.error();
      if (found->has_value()) {
        staff_ids[std::string(s.username)] = (*found)->id;
        continue;
      }
      auto hash = hashes.find(std::string(s.username));
      if (hash == hashes.end()) {
        return core::Error{core::ErrorKind::kConflict,
                           "demo account " + std::string(s.username) + " vanished during seeding"};
      }
      core::Result<std::int64_t> id =
          repos.staff().create(core::StaffMember{.username = std::string(s.username),
                                                 .full_name = std::string(s.full_name),
                                                 .agency_code = std::string(s.agency),
                                                 .roles = s.roles,
                                                 .password_hash = hash->second});
      if (!id.ok()) return id.error();
      staff_ids[std::string(s.username)] = *id;
      ++report.staff;
    }

    core::Result<std::optional<core::CitizenAccount>> citizen =
        repos.citizens().find_by_id_number(kDemoCitizenIdNumber);
    if (!citizen.ok()) return citizen.error();
    std::int64_t citizen_id = 0;
    if (citizen->has_value()) {
      citizen_id = (*citizen)->id;
    } else {
      auto hash = hashes.find(std::string(kDemoCitizenIdNumber));
      if (hash == hashes.end()) {
        return core::Error{core::ErrorKind::kConflict,
                           "demo citizen account appeared during seeding; run the seed again"};
      }
      core::Result<std::int64_t> id = repos.citizens().create(
          core::CitizenAccount{.id_number = std::string(kDemoCitizenIdNumber),
                               .full_name = std::string(kCitizenName),
                               .phone = std::string(kCitizenPhone),
                               .email = std::string(kCitizenEmail),
                               .password_hash = hash->second});
      if (!id.ok()) return id.error();
      citizen_id = *id;
      ++report.citizens;
    }

    std::vector<core::Procedure> procedures = {
        with_catalogue_terms(copy_certification(), catalogue),
        with_catalogue_terms(criminal_record(), catalogue)};
    procedures.insert(procedures.end(), catalogue.begin(), catalogue.end());
    for (const core::Procedure& p : procedures) {
      core::Result<std::optional<core::Procedure>> found = repos.procedures().find(p.code);
      if (!found.ok()) return found.error();
      if (found->has_value()) continue;
      if (core::Status s = repos.procedures().save(p); !s.ok()) return s;
      ++report.procedures;
    }

    // Journey A: taken in at the ward's counter, both fee lines unpaid.
    core::CaseRecord counter{
        .code = std::string(kDemoCounterCaseCode),
        .procedure_code = copy_certification().code,
        .procedure_name = copy_certification().name,
        .receiving_agency_code = "H34.22.6",
        .processing_agency_code = "H34.22.6",
        .submitter = citizen_person(),
        .owner = citizen_person(),
        .channel = core::IntakeChannel::kCounter,
        .result_delivery = core::ResultDelivery::kAtCounter,
        .submitted_at = core::from_vietnam_local(received),
        .received_at = core::from_vietnam_local(received),
        .deadline_at = core::from_vietnam_local(deadline->at),
        .appointment_at = core::from_vietnam_local(appointment->at),
        .status = core::CaseStatus::kAccepted,
        .assigned_staff_id = staff_ids.at("demo"),
        .fee_lines = {unpaid_line(kCopyFeeName, kCopyFeeName, 2000),
                      unpaid_line(kCopyFeeFromPage3, kCopyFeeFromPage3, 1000)}};
    // Journey B: submitted online from home, waiting to be received.
    local_seconds submitted = local("2024-05-03 15:29:14");
    core::CaseRecord online{
        .code = std::string(kDemoOnlineCaseCode),
        .procedure_code = criminal_record().code,
        .procedure_name = criminal_record().name,
        .receiving_agency_code = "H34.4",
        .processing_agency_code = "H34.4",
        .submitter = citizen_person(),
        .owner = citizen_person(),
        .channel = core::IntakeChannel::kOnline,
        .result_delivery = core::ResultDelivery::kAtCounter,
        .submitted_at = core::from_vietnam_local(submitted),
        .status = core::CaseStatus::kNew,
        .citizen_account_id = citizen_id,
        .fee_lines = {unpaid_line(kCriminalRecordFee, kCriminalRecordFee, 200000)}};

    for (const core::CaseRecord* c : {&counter, &online}) {
      core::Result<std::optional<core::CaseRecord>> found = repos.cases().find_by_code(c->code);
      if (!found.ok()) return found.error();
      if (found->has_value()) {
        if ((*found)->submitter.id_number != c->submitter.id_number) {
          return core::Error{core::ErrorKind::kConflict,
                             "case code " + c->code +
                                 " is held by another case; seed the demo into a fresh database "
                                 "before synthetic data"};
        }
        continue;
      }
      core::Result<std::int64_t> id = repos.cases().insert(*c);
      if (!id.ok()) return id.error();
      ++report.cases;
    }

    // Leave the numbering where the guide's codes put it.
    core::Result<core::CaseCodePattern> pattern =
        core::CaseCodePattern::parse(core::CaseCodePattern::kDefault);
    if (!pattern.ok()) return pattern.error();
    const std::pair<std::string_view, std::string_view> codes[] = {
        {"H34.22.6", kDemoCounterCaseCode}, {"H34.4", kDemoOnlineCaseCode}};
    for (auto [agency, code] : codes) {
      core::Result<core::CaseCodeParts> parts = core::parse_case_code(code, *pattern);
      if (!parts.ok()) return parts.error();
      year_month_day date{year{parts->year} / month{static_cast<unsigned>(parts->month)} /
                          day{static_cast<unsigned>(parts->day)}};
      core::Result<std::int64_t> steps =
          advance_sequence(repos.sequences(), pattern->scope_key(agency, date), parts->sequence);
      if (!steps.ok()) return steps.error();
      report.sequence_steps += *steps;
    }

    if (report.changed()) {
      core::Status logged = repos.audit().append(
          AuditEntry{.at = clock_.now(),
                     .actor = "system",
                     .action = "seed.demo",
                     .entity_type = "database",
                     .entity_id = "demo",
                     .after = "{\"agencies\":" + std::to_string(report.agencies) +
                              ",\"staff\":" + std::to_string(report.staff) +
                              ",\"citizens\":" + std::to_string(report.citizens) +
                              ",\"procedures\":" + std::to_string(report.procedures) +
                              ",\"cases\":" + std::to_string(report.cases) + "}"});
      if (!logged.ok()) return logged;
    }
    return {};
  });
  if (!stored.ok()) return stored.error();
  return report;
}

}  // namespace motcua::app
