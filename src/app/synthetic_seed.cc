#include "app/synthetic_seed.h"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>

#include "core/civil_time.h"
#include "core/fee_schedule.h"
#include "core/vietnamese_text.h"

namespace motcua::app {

RandomSource::~RandomSource() = default;

std::uint64_t SplitMix64::next_u64() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

namespace {

using std::chrono::days;
using std::chrono::local_days;
using std::chrono::local_seconds;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;
using std::chrono::sys_seconds;

template <typename T>
struct Weighted {
  T value;
  std::uint32_t weight;
};

// Family names (họ) by their share of the population in per ten thousand, after the commonly
// cited survey figures (Nguyễn about 38%, Trần 11%, Lê 9.5%, Phạm 7%, ...); the rest share the
// remainder. Kon Tum's Xơ Đăng and Ba Na names ("A", "Y") are in the tail.
constexpr Weighted<std::string_view> kFamilyNames[] = {
    {"Nguyễn", 3840}, {"Trần", 1100}, {"Lê", 950},    {"Phạm", 700}, {"Hoàng", 310}, {"Huỳnh", 200},
    {"Phan", 450},    {"Vũ", 200},    {"Võ", 190},    {"Đặng", 210}, {"Bùi", 200},   {"Đỗ", 140},
    {"Hồ", 130},      {"Ngô", 130},   {"Dương", 100}, {"Lý", 50},    {"Trương", 90}, {"Đinh", 80},
    {"Lâm", 50},      {"Mai", 50},    {"Cao", 50},    {"Lương", 40}, {"Tạ", 30},     {"Hà", 50},
    {"Đoàn", 60},     {"Trịnh", 50},  {"Thái", 20},   {"Lưu", 30},   {"Châu", 20},   {"Vương", 20},
    {"Tô", 20},       {"Kiều", 10},   {"Quách", 10},  {"A", 80},     {"Y", 60},
};
constexpr std::string_view kMaleMiddle[] = {"Văn",   "Đức",   "Minh", "Quang", "Hữu",   "Công",
                                            "Thanh", "Ngọc",  "Xuân", "Đình",  "Trọng", "Bảo",
                                            "Anh",   "Hoàng", "Quốc", "Tuấn"};
constexpr std::string_view kFemaleMiddle[] = {"Thị",   "Ngọc",   "Thu",  "Thanh", "Kim",
                                              "Hồng",  "Phương", "Mỹ",   "Bảo",   "Thùy",
                                              "Khánh", "Diệu",   "Minh", "Hoài"};
constexpr std::string_view kMaleGiven[] = {
    "An",    "Anh",   "Bảo",   "Bình", "Cường", "Dũng",  "Duy",  "Đạt",   "Đức",  "Hải",
    "Hiếu",  "Hoàng", "Hùng",  "Huy",  "Khang", "Khoa",  "Kiên", "Long",  "Lâm",  "Lộc",
    "Minh",  "Nam",   "Nghĩa", "Nhân", "Phong", "Phúc",  "Quân", "Quang", "Sơn",  "Tài",
    "Thành", "Thắng", "Thịnh", "Tiến", "Toàn",  "Trung", "Tuấn", "Vinh",  "Việt", "Vũ"};
constexpr std::string_view kFemaleGiven[] = {
    "Anh",   "Chi",    "Dung",  "Giang", "Hà",   "Hạnh",  "Hằng",  "Hiền",  "Hoa",  "Hương",
    "Huyền", "Lan",    "Linh",  "Loan",  "Mai",  "My",    "Nga",   "Ngân",  "Ngọc", "Nhung",
    "Oanh",  "Phương", "Quyên", "Thảo",  "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân",
    "Yến",   "Giả",    "Diễm",  "Thư",   "Trâm", "Nhi",   "Vy",    "Hậu",   "Lý",   "Xuân"};

// Province codes of the CCCD (Circular 07/2016/TT-BCA, Annex): mostly Kon Tum (062), then its
// neighbours and the provinces people most often move from.
constexpr Weighted<std::string_view> kBirthProvinces[] = {
    {"062", 700}, {"064", 50}, {"051", 40}, {"049", 30}, {"052", 30}, {"066", 20}, {"040", 30},
    {"038", 20},  {"042", 20}, {"036", 10}, {"001", 20}, {"079", 15}, {"048", 15}};

constexpr std::string_view kStreets[] = {
    "Trần Hưng Đạo", "Lê Hồng Phong", "Phan Đình Phùng", "Bà Triệu",       "Nguyễn Huệ",
    "Lê Lợi",        "Trần Phú",      "Hùng Vương",      "Phan Chu Trinh", "Ngô Quyền",
    "Nguyễn Trãi",   "Bạch Đằng",     "Duy Tân",         "Trường Chinh",   "Lý Thái Tổ",
    "U Rê",          "Đào Duy Từ",    "Lạc Long Quân",   "Sư Vạn Hạnh",    "Trần Khánh Dư"};
constexpr std::string_view kWards[] = {
    "phường Trần Hưng Đạo", "phường Quyết Thắng",  "phường Quang Trung", "phường Thắng Lợi",
    "phường Thống Nhất",    "phường Duy Tân",      "phường Ngô Mây",     "phường Lê Lợi",
    "phường Nguyễn Trãi",   "phường Trường Chinh", "xã Đăk Cấm",         "xã Vinh Quang"};

// Mobile prefixes of Viettel, VinaPhone and MobiFone.
constexpr std::string_view kPhonePrefixes[] = {"086", "096", "097", "098", "032", "033", "034",
                                               "035", "036", "037", "038", "039", "088", "091",
                                               "094", "081", "082", "083", "084", "085", "089",
                                               "090", "093", "070", "076", "077", "078", "079"};

// How often each field's procedures are asked for at the counter, relative (copy
// certification dominates a ward's work).
std::uint32_t field_weight(const std::string& field) {
  if (field == "Chứng thực") return 450;
  if (field == "Hộ tịch") return 200;
  if (field.starts_with("Đăng ký, quản lý cư trú")) return 150;
  if (field == "Lý lịch tư pháp") return 80;
  return 30;
}

// Statuses by the case's age, per mille: young cases are in progress, old ones mostly done.
using StatusWeights = std::array<Weighted<core::CaseStatus>, 11>;
constexpr StatusWeights kYoungStatuses = {{{core::CaseStatus::kNew, 80},
                                           {core::CaseStatus::kAccepted, 300},
                                           {core::CaseStatus::kProcessing, 380},
                                           {core::CaseStatus::kSupplementRequested, 50},
                                           {core::CaseStatus::kFinancialObligation, 30},
                                           {core::CaseStatus::kProcessed, 80},
                                           {core::CaseStatus::kResultReturned, 50},
                                           {core::CaseStatus::kRejected, 20},
                                           {core::CaseStatus::kWithdrawalRequested, 0},
                                           {core::CaseStatus::kStopped, 0},
                                           {core::CaseStatus::kCancelled, 10}}};
constexpr StatusWeights kRecentStatuses = {{{core::CaseStatus::kNew, 5},
                                            {core::CaseStatus::kAccepted, 45},
                                            {core::CaseStatus::kProcessing, 250},
                                            {core::CaseStatus::kSupplementRequested, 60},
                                            {core::CaseStatus::kFinancialObligation, 30},
                                            {core::CaseStatus::kProcessed, 200},
                                            {core::CaseStatus::kResultReturned, 360},
                                            {core::CaseStatus::kRejected, 20},
                                            {core::CaseStatus::kWithdrawalRequested, 10},
                                            {core::CaseStatus::kStopped, 5},
                                            {core::CaseStatus::kCancelled, 15}}};
constexpr StatusWeights kOldStatuses = {{{core::CaseStatus::kNew, 0},
                                         {core::CaseStatus::kAccepted, 0},
                                         {core::CaseStatus::kProcessing, 10},
                                         {core::CaseStatus::kSupplementRequested, 10},
                                         {core::CaseStatus::kFinancialObligation, 0},
                                         {core::CaseStatus::kProcessed, 30},
                                         {core::CaseStatus::kResultReturned, 890},
                                         {core::CaseStatus::kRejected, 20},
                                         {core::CaseStatus::kWithdrawalRequested, 15},
                                         {core::CaseStatus::kStopped, 10},
                                         {core::CaseStatus::kCancelled, 15}}};

constexpr Weighted<core::PaymentMethod> kPaymentMethods[] = {
    {core::PaymentMethod::kPaymentPlatform, 450},
    {core::PaymentMethod::kCash, 350},
    {core::PaymentMethod::kPos, 100},
    {core::PaymentMethod::kBankTransfer, 70},
    {core::PaymentMethod::kVnpay, 30}};

constexpr std::int64_t kMaxProcedures = 100000;

bool is_done(core::CaseStatus status) {
  return status == core::CaseStatus::kProcessed || status == core::CaseStatus::kResultReturned;
}

core::Agency unit(std::string code, std::string name, std::string parent, std::string tax_code,
                  std::string account) {
  using namespace std::chrono;
  return core::Agency{.code = std::move(code),
                      .name = std::move(name),
                      .valid_from = sys_days{2020y / January / 1},
                      .parent_code = std::move(parent),
                      .tax_code = std::move(tax_code),
                      .bank_bin = "970415",  // VietinBank, where the State Treasury banks
                      .bank_account = std::move(account),
                      .receipt_form_symbol = "01BLP0-001",
                      .receipt_series = "AA-24E"};
}

}  // namespace

std::vector<core::Agency> synthetic_parent_agencies() {
  using namespace std::chrono;
  return {
      core::Agency{.code = "H34",
                   .name = "Tỉnh Kon Tum",
                   .valid_from = sys_days{1991y / August / 12},
                   .valid_until = sys_days{2025y / June / 30},
                   .successor_code = "H48"},
      // The merged province.
      core::Agency{
          .code = "H48", .name = "Tỉnh Quảng Ngãi", .valid_from = sys_days{2025y / July / 1}},
  };
}

std::vector<SyntheticUnit> synthetic_units() {
  // Wards of Kon Tum city before the 2025 reorganisation. Invented codes, tax codes and
  // account numbers, except H34.22.6 and H34.4 (the guide's); the demo seed sets those two's
  // real-looking details and, being saved first, keeps them.
  constexpr std::pair<std::string_view, std::string_view> kWardUnits[] = {
      {"H34.22.1", "phường Quyết Thắng"}, {"H34.22.2", "phường Quang Trung"},
      {"H34.22.3", "phường Thắng Lợi"},   {"H34.22.4", "phường Thống Nhất"},
      {"H34.22.5", "phường Duy Tân"},     {"H34.22.6", "phường Trần Hưng Đạo"},
      {"H34.22.7", "phường Ngô Mây"},     {"H34.22.8", "phường Lê Lợi"},
      {"H34.22.9", "phường Nguyễn Trãi"}, {"H34.22.10", "phường Trường Chinh"}};
  std::vector<SyntheticUnit> units;
  int n = 0;
  for (auto [code, ward] : kWardUnits) {
    ++n;
    std::string suffix = std::to_string(100 + n);
    units.push_back(
        SyntheticUnit{.agency = unit(std::string(code), "Bộ phận TN&TKQ " + std::string(ward),
                                     "H34", "6100228" + suffix, "37110100" + suffix + "0"),
                      .level = UnitLevel::kWard});
  }
  units.push_back(
      SyntheticUnit{.agency = unit("H34.4", "Sở Tư pháp", "H34", "6100102345", "3711010123450"),
                    .level = UnitLevel::kProvince,
                    .only_fields = {"Lý lịch tư pháp"}});
  units.push_back(
      SyntheticUnit{.agency = unit("H34.40", "Trung tâm Phục vụ hành chính công tỉnh Kon Tum",
                                   "H34", "6100109876", "3711010987650"),
                    .level = UnitLevel::kProvince});
  return units;
}

SyntheticCaseGenerator::SyntheticCaseGenerator(SyntheticWorld world,
                                               const core::WorkingCalendar& calendar,
                                               SyntheticOptions options, RandomSource& random)
    : world_(std::move(world)), calendar_(&calendar), options_(options), random_(&random) {}

core::Result<SyntheticCaseGenerator> SyntheticCaseGenerator::create(
    SyntheticWorld world, const core::WorkingCalendar& calendar, SyntheticOptions options,
    RandomSource& random) {
  if (world.units.empty()) return core::invalid_input("synthetic seed: no receiving units");
  if (world.procedures.empty()) return core::invalid_input("synthetic seed: no procedures");
  if (options.cases < 0) return core::invalid_input("synthetic seed: negative number of cases");
  if (options.days_back < 1) return core::invalid_input("synthetic seed: days_back < 1");
  SyntheticCaseGenerator g(std::move(world), calendar, options, random);

  for (const SyntheticUnit& u : g.world_.units) {
    core::Result<core::CaseCodePattern> pattern =
        core::CaseCodePattern::parse(u.agency.case_code_pattern);
    if (!pattern.ok()) {
      return core::invalid_input("agency " + u.agency.code + ": " + pattern.error().message);
    }
    g.patterns_.emplace(u.agency.code, std::move(pattern).value());
  }

  // Which units take each procedure: the level's units, except fields claimed by a unit.
  std::uint32_t total = 0;
  for (const core::Procedure& p : g.world_.procedures) {
    UnitLevel level = p.level.starts_with("Xã") ? UnitLevel::kWard : UnitLevel::kProvince;
    std::vector<std::size_t> specialists;
    std::vector<std::size_t> generalists;
    for (std::size_t i = 0; i < g.world_.units.size(); ++i) {
      const SyntheticUnit& u = g.world_.units[i];
      if (u.only_fields.empty()) {
        if (u.level == level) generalists.push_back(i);
      } else if (std::find(u.only_fields.begin(), u.only_fields.end(), p.field) !=
                 u.only_fields.end()) {
        specialists.push_back(i);
      }
    }
    std::vector<std::size_t>& takers = specialists.empty() ? generalists : specialists;
    if (takers.empty()) {
      return core::invalid_input("synthetic seed: no unit takes procedure " + p.code + " (" +
                                 p.level + ")");
    }
    g.units_by_procedure_[p.code] = std::move(takers);
    total += field_weight(p.field);
    g.procedure_weights_.push_back(total);
  }

  // The working days in range, each with its share of the cases (spread evenly, remainders
  // to later days, so the total is exact).
  sys_days today{std::chrono::floor<days>(core::to_vietnam_local(options.now).time_since_epoch())};
  std::vector<sys_days> working;
  for (sys_days d = today - days{options.days_back}; d < today; d += days{1}) {
    core::Result<bool> is_working = calendar.is_working_day(d);
    if (!is_working.ok()) return is_working.error();
    if (*is_working) working.push_back(d);
  }
  if (working.empty()) return core::invalid_input("synthetic seed: no working day in range");
  auto count = static_cast<std::int64_t>(working.size());
  for (std::int64_t i = 0; i < count; ++i) {
    std::int64_t cases = (i + 1) * options.cases / count - i * options.cases / count;
    if (cases > 0) g.days_.push_back(Day{working[static_cast<std::size_t>(i)], cases});
  }
  return g;
}

std::uint64_t SyntheticCaseGenerator::below(std::uint64_t bound) {
  // Modulo bias is below bound / 2^64: nothing for test data.
  return random_->next_u64() % bound;
}

bool SyntheticCaseGenerator::chance(std::uint32_t per_mille) { return below(1000) < per_mille; }

namespace {

template <typename T, std::size_t N>
const T& pick_weighted(const Weighted<T> (&table)[N], std::uint64_t roll_in_total) {
  for (const Weighted<T>& w : table) {
    if (roll_in_total < w.weight) return w.value;
    roll_in_total -= w.weight;
  }
  return table[N - 1].value;
}

template <typename T, std::size_t N>
constexpr std::uint64_t total_weight(const Weighted<T> (&table)[N]) {
  std::uint64_t total = 0;
  for (const Weighted<T>& w : table) total += w.weight;
  return total;
}

void append_digits(std::string& out, std::uint64_t value, int width) {
  std::string digits(static_cast<std::size_t>(width), '0');
  for (int i = width - 1; i >= 0; --i) {
    digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out += digits;
}

}  // namespace

core::CasePerson SyntheticCaseGenerator::person(sys_days today) {
  bool female = chance(510);
  std::string name(pick_weighted(kFamilyNames, below(total_weight(kFamilyNames))));
  // Three parts for most people, a double middle name now and then ("Võ Đặng Ngọc Giả" has a
  // second family name as a middle name).
  if (chance(60)) name += " " + std::string(pick_weighted(kFamilyNames, below(3000)));
  name += " ";
  name += female ? kFemaleMiddle[below(std::size(kFemaleMiddle))]
                 : kMaleMiddle[below(std::size(kMaleMiddle))];
  name += " ";
  name += female ? kFemaleGiven[below(std::size(kFemaleGiven))]
                 : kMaleGiven[below(std::size(kMaleGiven))];

  // CCCD: province (3), century and sex (0/1 born 1900s male/female, 2/3 born 2000s), the last
  // two digits of the birth year, then six random digits.
  int year = static_cast<int>(std::chrono::year_month_day{today}.year());
  int birth_year = year - 18 - static_cast<int>(below(60));
  std::string id(pick_weighted(kBirthProvinces, below(total_weight(kBirthProvinces))));
  int century_sex = (birth_year >= 2000 ? 2 : 0) + (female ? 1 : 0);
  id += static_cast<char>('0' + century_sex);
  append_digits(id, static_cast<std::uint64_t>(birth_year % 100), 2);
  append_digits(id, below(1000000), 6);

  std::string address = "Số " + std::to_string(1 + below(250)) + ", đường " +
                        std::string(kStreets[below(std::size(kStreets))]) + ", " +
                        std::string(kWards[below(std::size(kWards))]) +
                        ", thành phố Kon Tum, tỉnh Kon Tum";
  std::string phone(kPhonePrefixes[below(std::size(kPhonePrefixes))]);
  append_digits(phone, below(10000000), 7);

  std::string email;
  if (chance(200)) {
    core::Result<std::string> folded = core::search_key(name);
    if (folded.ok()) {
      for (char c : *folded) email += c == ' ' ? '.' : c;
      email += std::to_string(birth_year) + "@gmail.com";
    }
  }
  return core::CasePerson{.name = std::move(name),
                          .id_number = std::move(id),
                          .address = std::move(address),
                          .phone = std::move(phone),
                          .email = std::move(email)};
}

std::vector<local_seconds> SyntheticCaseGenerator::times_of_day(sys_days day, std::int64_t n) {
  // Office hours only: the seconds of the working windows laid end to end, sampled and sorted.
  const auto& windows = calendar_->hours().windows();
  auto total = static_cast<std::uint64_t>(seconds{calendar_->hours().per_day()}.count());
  std::vector<local_seconds> times;
  times.reserve(static_cast<std::size_t>(n));
  local_days local{day.time_since_epoch()};
  for (std::int64_t i = 0; i < n; ++i) {
    auto offset = static_cast<std::int64_t>(below(total));
    for (const core::WorkingWindow& w : windows) {
      std::int64_t length = seconds{w.end - w.begin}.count();
      if (offset < length) {
        times.push_back(local + w.begin + seconds{offset});
        break;
      }
      offset -= length;
    }
  }
  std::sort(times.begin(), times.end(), std::greater<>());  // next() pops from the back
  return times;
}

core::Result<SyntheticCase> SyntheticCaseGenerator::next() {
  while (pending_.empty()) {
    const Day& d = days_[day_index_++];
    pending_ = times_of_day(d.day, d.cases);
  }
  local_seconds at = pending_.back();
  pending_.pop_back();
  core::Result<SyntheticCase> made = make_case(at);
  if (made.ok()) ++produced_;
  return made;
}

const core::CaseCodePattern& SyntheticCaseGenerator::pattern_of(
    const std::string& agency_code) const {
  return patterns_.at(agency_code);
}

core::Result<SyntheticCase> SyntheticCaseGenerator::make_case(local_seconds at) {
  std::uint64_t roll = below(procedure_weights_.back());
  auto p_index = static_cast<std::size_t>(
      std::upper_bound(procedure_weights_.begin(), procedure_weights_.end(), roll) -
      procedure_weights_.begin());
  const core::Procedure& procedure = world_.procedures[p_index];
  const std::vector<std::size_t>& takers = units_by_procedure_.at(procedure.code);
  const core::Agency& agency = world_.units[takers[below(takers.size())]].agency;
  sys_days day{std::chrono::floor<days>(at.time_since_epoch())};

  core::CaseRecord r;
  r.procedure_code = procedure.code;
  r.procedure_name = procedure.name;
  r.receiving_agency_code = agency.code;
  r.processing_agency_code = agency.code;
  r.submitter = person(day);
  r.owner = chance(150) ? person(day) : r.submitter;
  std::uint64_t channel_roll = below(1000);
  r.channel = channel_roll < 700   ? core::IntakeChannel::kCounter
              : channel_roll < 970 ? core::IntakeChannel::kOnline
                                   : core::IntakeChannel::kPostal;
  std::uint64_t delivery_roll = below(1000);
  r.result_delivery = delivery_roll < 800   ? core::ResultDelivery::kAtCounter
                      : delivery_roll < 900 ? core::ResultDelivery::kPostal
                                            : core::ResultDelivery::kOnline;

  sys_seconds received = core::from_vietnam_local(at);
  auto age = std::chrono::floor<days>(options_.now - received).count();
  const StatusWeights& weights =
      age <= 3 ? kYoungStatuses : (age <= 14 ? kRecentStatuses : kOldStatuses);
  std::uint64_t status_roll = below(1000);
  r.status = core::CaseStatus::kResultReturned;
  for (const auto& w : weights) {
    if (status_roll < w.weight) {
      r.status = w.value;
      break;
    }
    status_roll -= w.weight;
  }
  // Only an online submission waits to be received ("Mới đăng ký").
  if (r.status == core::CaseStatus::kNew && r.channel != core::IntakeChannel::kOnline) {
    r.status = core::CaseStatus::kAccepted;
  }

  if (r.channel == core::IntakeChannel::kOnline) {
    r.submitted_at = received - seconds{60 * (5 + static_cast<std::int64_t>(below(55)))};
  } else {
    r.submitted_at = received;
  }
  if (r.status != core::CaseStatus::kNew) {
    r.received_at = received;
    core::Result<core::Deadline> deadline =
        calendar_->add_working_days(at, static_cast<long long>(procedure.processing_days));
    if (!deadline.ok()) return deadline.error();
    r.deadline_at = core::from_vietnam_local(deadline->at);
    r.appointment_at = r.deadline_at;
    auto officers = world_.officers.find(agency.code);
    if (officers != world_.officers.end() && !officers->second.empty()) {
      r.assigned_staff_id = officers->second[below(officers->second.size())];
    }
  }

  // Fees that apply on the day; per-page fees for a document of 1-8 pages, one copy.
  std::int64_t pages = 1 + static_cast<std::int64_t>(below(8));
  std::uint32_t paid_per_mille =
      is_done(r.status) ? 950
      : (r.status == core::CaseStatus::kNew || r.status == core::CaseStatus::kRejected ||
         r.status == core::CaseStatus::kCancelled)
          ? 50
          : 400;
  for (const core::ProcedureFee& fee : procedure.fees) {
    if (!fee.applies_on(day)) continue;
    std::int64_t units = fee.item.tiers.size() > 1 ? pages : 1;
    core::Result<std::vector<core::ComputedFeeLine>> lines =
        core::compute_fee(fee.item, core::FeeQuantity{units, 1});
    if (!lines.ok()) return lines.error();
    for (core::ComputedFeeLine& line : lines.value()) {
      core::FeeLine fl{.name = std::move(line.name),
                       .description = std::move(line.description),
                       .quantity = line.quantity,
                       .unit_amount = line.unit_amount,
                       .amount = line.amount};
      if (chance(paid_per_mille)) {
        fl.paid = true;
        fl.method = pick_weighted(kPaymentMethods, below(total_weight(kPaymentMethods)));
      }
      r.fee_lines.push_back(std::move(fl));
    }
  }

  // A code carries the day of reception, or of submission for a case not yet received.
  sys_seconds numbered_at = r.received_at.value_or(r.submitted_at);
  std::chrono::year_month_day code_date{
      std::chrono::floor<days>(core::to_vietnam_local(numbered_at))};
  return SyntheticCase{std::move(r), code_date};
}

SyntheticSeed::SyntheticSeed(Store& store, const core::WorkingCalendar& calendar)
    : store_(store), calendar_(calendar) {}

core::Result<SyntheticSeedReport> SyntheticSeed::run(std::vector<core::Procedure> procedures,
                                                     SyntheticOptions options, RandomSource& random,
                                                     const SeedProgress& progress,
                                                     std::int64_t batch_size) {
  if (batch_size < 1) return core::invalid_input("synthetic seed: batch size < 1");
  SyntheticWorld world{.units = synthetic_units()};

  // The world first, keeping whatever is stored already (the demo's agencies, edited fees).
  core::Status saved = store_.transact([&](Repositories& repos) -> core::Status {
    world.officers.clear();
    std::vector<core::Agency> agencies = synthetic_parent_agencies();
    for (const SyntheticUnit& u : world.units) agencies.push_back(u.agency);
    for (const core::Agency& a : agencies) {
      core::Result<std::optional<core::Agency>> found = repos.agencies().find(a.code);
      if (!found.ok()) return found.error();
      if (!found->has_value()) {
        if (core::Status s = repos.agencies().save(a); !s.ok()) return s;
      }
    }
    for (const core::Procedure& p : procedures) {
      core::Result<std::optional<core::Procedure>> found = repos.procedures().find(p.code);
      if (!found.ok()) return found.error();
      if (!found->has_value()) {
        if (core::Status s = repos.procedures().save(p); !s.ok()) return s;
      }
    }
    // Cases use every stored procedure: the catalogue's and any the demo or an admin added.
    core::Result<std::vector<core::Procedure>> stored =
        repos.procedures().search("", "", kMaxProcedures);
    if (!stored.ok()) return stored.error();
    world.procedures = std::move(stored).value();
    for (const SyntheticUnit& u : world.units) {
      core::Result<std::vector<core::StaffMember>> staff =
          repos.staff().list_by_agency(u.agency.code);
      if (!staff.ok()) return staff.error();
      for (const core::StaffMember& m : *staff) {
        if (m.active && (m.roles & core::kRoleOfficer) != 0) {
          world.officers[u.agency.code].push_back(m.id);
        }
      }
    }
    return {};
  });
  if (!saved.ok()) return saved.error();

  core::Result<SyntheticCaseGenerator> created =
      SyntheticCaseGenerator::create(std::move(world), calendar_, options, random);
  if (!created.ok()) return created.error();
  SyntheticCaseGenerator& generator = created.value();

  SyntheticSeedReport report;
  std::vector<SyntheticCase> batch;
  batch.reserve(static_cast<std::size_t>(std::min(batch_size, options.cases)));
  while (!generator.done()) {
    // Generate outside the transaction: a transaction that is retried must store the same
    // cases, and must not advance the generator.
    batch.clear();
    while (!generator.done() && static_cast<std::int64_t>(batch.size()) < batch_size) {
      core::Result<SyntheticCase> made = generator.next();
      if (!made.ok()) return made.error();
      batch.push_back(std::move(made).value());
    }
    core::Status stored = store_.transact([&](Repositories& repos) -> core::Status {
      for (SyntheticCase& c : batch) {
        const std::string& agency = c.record.receiving_agency_code;
        const core::CaseCodePattern& pattern = generator.pattern_of(agency);
        core::Result<std::int64_t> sequence =
            repos.sequences().next(pattern.scope_key(agency, c.code_date));
        if (!sequence.ok()) return sequence.error();
        core::Result<std::string> code = pattern.format(agency, c.code_date, *sequence);
        if (!code.ok()) return code.error();
        c.record.code = std::move(code).value();
        core::Result<std::int64_t> id = repos.cases().insert(c.record);
        if (!id.ok()) return id.error();
      }
      return {};
    });
    if (!stored.ok()) return stored.error();
    for (const SyntheticCase& c : batch) {
      report.fee_lines += static_cast<std::int64_t>(c.record.fee_lines.size());
    }
    report.cases += static_cast<std::int64_t>(batch.size());
    if (progress) progress(report.cases, options.cases);
  }
  // A bulk load leaves the planner's statistics stale; searches should not pay for that.
  if (core::Status analysed = store_.refresh_statistics(); !analysed.ok()) {
    return analysed.error();
  }
  return report;
}

}  // namespace motcua::app
