#include "adapters/cli/runtime_settings.h"

#include "adapters/config/shipped_calendars.h"
#include "app/calendar_admin.h"
#include "core/working_hours.h"

namespace motcua::adapters::cli {

core::Result<config::AppConfig> runtime_settings(const std::string& database_option) {
  core::Result<config::AppConfig> loaded =
      config::load_app_config("motcua.toml", config::process_environment());
  if (!loaded.ok()) return loaded.error();
  if (!database_option.empty()) loaded.value().database_url = database_option;
  return loaded;
}

core::Result<core::WorkingCalendar> working_calendar(const config::AppConfig& config) {
  core::Result<core::WorkingHours> hours = core::WorkingHours::parse(config.working_hours);
  if (!hours.ok()) return hours.error();
  return config::load_working_calendar({}, std::move(hours).value());
}

core::Result<core::WorkingCalendar> working_calendar(const config::AppConfig& config,
                                                     app::Store& store) {
  core::Result<core::WorkingHours> hours = core::WorkingHours::parse(config.working_hours);
  if (!hours.ok()) return hours.error();
  core::Result<std::vector<core::YearCalendar>> shipped = config::shipped_calendars();
  if (!shipped.ok()) return shipped.error();
  core::Result<std::vector<core::YearCalendar>> years =
      app::with_stored_years(store, std::move(shipped).value());
  if (!years.ok()) return years.error();
  return core::WorkingCalendar::create(std::move(years).value(), std::move(hours).value());
}

}  // namespace motcua::adapters::cli
