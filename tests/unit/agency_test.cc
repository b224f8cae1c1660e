#include "core/agency.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_days;

// Kon Tum (H34) merged into Quảng Ngãi (H48) on 1 July 2025; the ward's unit went with it.
std::vector<Agency> merged_agencies() {
  return {
      {"H34.22.6", "Bộ phận TN&TKQ phường Trần Hưng Đạo", sys_days{2015y / 1 / 1},
       sys_days{2025y / 6 / 30}, "H48.1.2"},
      {"H48.1.2", "Bộ phận một cửa phường Kon Tum", sys_days{2025y / 7 / 1}, std::nullopt,
       std::nullopt},
      {"H34.4", "Sở Tư pháp tỉnh Kon Tum", sys_days{2008y / 1 / 1}, sys_days{2025y / 6 / 30},
       std::nullopt},
  };
}

TEST(Agency, ActiveWithinItsValidityInclusive) {
  Agency a = merged_agencies()[0];
  EXPECT_TRUE(a.is_active_on(sys_days{2024y / 4 / 26}));
  EXPECT_TRUE(a.is_active_on(sys_days{2025y / 6 / 30}));
  EXPECT_FALSE(a.is_active_on(sys_days{2025y / 7 / 1}));
  EXPECT_FALSE(a.is_active_on(sys_days{2014y / 12 / 31}));
}

TEST(Agency, ResolvesToTheSuccessorAfterAMerger) {
  auto agencies = merged_agencies();
  EXPECT_EQ(resolve_agency(agencies, "H34.22.6", sys_days{2024y / 4 / 26}).value()->code,
            "H34.22.6");
  EXPECT_EQ(resolve_agency(agencies, "H34.22.6", sys_days{2025y / 7 / 1}).value()->code, "H48.1.2");
}

TEST(Agency, UnknownOrOrphanedIsNotFound) {
  auto agencies = merged_agencies();
  EXPECT_EQ(resolve_agency(agencies, "H99", sys_days{2024y / 1 / 1}).error().kind,
            ErrorKind::kNotFound);
  EXPECT_EQ(resolve_agency(agencies, "H34.4", sys_days{2026y / 1 / 1}).error().kind,
            ErrorKind::kNotFound);
}

TEST(Agency, SuccessorCycleIsAnError) {
  std::vector<Agency> agencies = {
      {"A1", "a", sys_days{2000y / 1 / 1}, sys_days{2001y / 1 / 1}, "A2"},
      {"A2", "b", sys_days{2000y / 1 / 1}, sys_days{2001y / 1 / 1}, "A1"},
  };
  EXPECT_EQ(resolve_agency(agencies, "A1", sys_days{2020y / 1 / 1}).error().kind,
            ErrorKind::kInvalidInput);
}

TEST(Agency, ValidatesCodes) {
  EXPECT_TRUE(validate_agency_code("H34.22.6").ok());
  EXPECT_TRUE(validate_agency_code("000.00.01.H48").ok());
  for (const char* bad : {"", "H34-22", "H34..2", ".H34", "H34.", "H34 22", "Hà34",
                          "H34567890123456789012345678901234"}) {
    EXPECT_FALSE(validate_agency_code(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace motcua::core
