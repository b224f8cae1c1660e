#pragma once

#include <optional>
#include <vector>

#include "app/platform_reports.h"

namespace motcua::testing {

// The platform's daily file as a test writes it, or a failure to fetch or verify it.
class FakePlatformReports : public app::PlatformReports {
 public:
  core::Result<app::PlatformDayReport> daily_report(std::chrono::year_month_day day) override {
    asked.push_back(day);
    if (failure) return *failure;
    return report;
  }
  app::PlatformDayReport report;
  std::optional<core::Error> failure;
  std::vector<std::chrono::year_month_day> asked;
};

}  // namespace motcua::testing
