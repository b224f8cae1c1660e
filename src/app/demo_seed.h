#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/password_hasher.h"
#include "app/store.h"
#include "core/procedure.h"
#include "core/result.h"
#include "core/working_calendar.h"

// `motcua seed demo`: the world of the guide (seed/huong-dan-thanh-toan-qr.txt), so that both of
// its journeys can be followed on a fresh install.
namespace motcua::app {

// A demo account and its password. Printed by `make run` and listed in the README: these are
// public, for demonstrations only, and must never be loaded into a production database.
struct DemoLogin {
  std::string_view role;      // English, for the listing
  std::string_view username;  // staff username, or the citizen's CCCD
  std::string_view password;
};
std::span<const DemoLogin> demo_logins();

// The guide's codes and people, for tests and pages that point at them.
inline constexpr std::string_view kDemoCounterCaseCode = "H34.22.6-240426-0002";
inline constexpr std::string_view kDemoOnlineCaseCode = "H34.4-240503-0012";
inline constexpr std::string_view kDemoCitizenIdNumber = "062190018870";  // ends in 8870

// What a run added; all zero when the demo was already there.
struct DemoSeedReport {
  std::int64_t agencies = 0;
  std::int64_t staff = 0;
  std::int64_t citizens = 0;
  std::int64_t procedures = 0;
  std::int64_t cases = 0;
  std::int64_t sequence_steps = 0;
  bool changed() const {
    return agencies + staff + citizens + procedures + cases + sequence_steps > 0;
  }
};

// Loads, idempotently (a second run changes nothing and is not an error):
//   - agencies H34 "Tỉnh Kon Tum" (until 2025-06-30, then succeeded by H48 "Tỉnh Quảng Ngãi"),
//     H34.22.6 "Bộ phận TN&TKQ phường Trần Hưng Đạo" and H34.4 "Sở Tư pháp";
//   - an officer for each unit and an admin (demo_logins());
//   - procedure 2.000815.000.00.00.H34 (copy certification) at the ward, Cấp Phiếu lý lịch tư
//     pháp at H34.4, and every procedure of `catalogue` not stored yet;
//   - the citizen Võ Đặng Ngọc Giả and her two cases, H34.22.6-240426-0002 (received at the
//     counter, both fee lines unpaid) and H34.4-240503-0012 (submitted online, Mới đăng ký);
//   - the numbering sequences, so that the next codes are H34.22.6-240426-0003 and
//     H34.4-240503-0013.
// Existing rows are kept as they are, except the three agencies, which are rewritten to the
// demo's values. kConflict when one of the guide's case codes is held by another case (seed the
// demo before synthetic data into a fresh database).
class DemoSeed {
 public:
  DemoSeed(Store& store, PasswordHasher& hasher, const core::WorkingCalendar& calendar,
           const Clock& clock);

  core::Result<DemoSeedReport> run(const std::vector<core::Procedure>& catalogue);

 private:
  Store& store_;
  PasswordHasher& hasher_;
  const core::WorkingCalendar& calendar_;
  const Clock& clock_;
};

}  // namespace motcua::app
