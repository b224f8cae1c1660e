#pragma once

#include <string>

#include "adapters/config/app_config.h"
#include "app/store.h"
#include "core/result.h"
#include "core/working_calendar.h"

namespace motcua::adapters::cli {

// The configuration (motcua.toml in the working directory, MOTCUA_* variables), with a
// non-empty `database_option` (--database) overriding its database URL.
core::Result<config::AppConfig> runtime_settings(const std::string& database_option);

// The shipped year schedules over the configured office hours.
core::Result<core::WorkingCalendar> working_calendar(const config::AppConfig& config);

// The same, with the years the admin stored ("Lịch nghỉ lễ, làm bù" in the console) replacing
// the shipped ones (app::with_stored_years). Read once: edits apply from the next start.
core::Result<core::WorkingCalendar> working_calendar(const config::AppConfig& config,
                                                     app::Store& store);

}  // namespace motcua::adapters::cli
