#pragma once

#include <string>

#include "adapters/config/app_config.h"
#include "core/result.h"
#include "core/working_calendar.h"

namespace motcua::adapters::cli {

// The configuration (motcua.toml in the working directory, MOTCUA_* variables), with a
// non-empty `database_option` (--database) overriding its database URL.
core::Result<config::AppConfig> runtime_settings(const std::string& database_option);

// The shipped year schedules over the configured office hours.
core::Result<core::WorkingCalendar> working_calendar(const config::AppConfig& config);

}  // namespace motcua::adapters::cli
