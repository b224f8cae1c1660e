// `motcua calendar ...`: deadlines in working days over the shipped (or given) schedules.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <memory>
#include <string>
#include <vector>

#include "adapters/cli/command_context.h"
#include "adapters/config/shipped_calendars.h"
#include "core/civil_time.h"
#include "core/working_calendar.h"

namespace motcua::adapters::cli {
namespace {

struct CalendarOptions {
  std::vector<std::string> calendar_files;
  std::string hours;
};

void add_calendar_options(CLI::App* command, CalendarOptions& options) {
  command->add_option("--calendar", options.calendar_files,
                      "A year's schedule (TOML) replacing the shipped one; repeatable");
  command->add_option("--hours", options.hours,
                      "Office hours, e.g. \"07:00-11:00,13:00-17:00\" (the default)");
}

core::Result<core::WorkingCalendar> load(const CalendarOptions& options) {
  core::WorkingHours hours = core::WorkingHours::standard();
  if (!options.hours.empty()) {
    core::Result<core::WorkingHours> parsed = core::WorkingHours::parse(options.hours);
    if (!parsed.ok()) return parsed.error();
    hours = std::move(parsed).value();
  }
  return config::load_working_calendar(options.calendar_files, std::move(hours));
}

// A non-negative decimal count, strictly (no sign, no spaces, no fraction).
bool parse_count(const std::string& text, long long* value) {
  if (text.empty() || text.front() < '0' || text.front() > '9') return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc{} && end == text.data() + text.size();
}

// One line naming what the deadline rests on that nobody has confirmed, or "" if nothing.
std::string unconfirmed_warning(const core::Deadline& deadline) {
  std::vector<std::string> parts;
  for (int year : deadline.proposed_years) {
    parts.push_back("no schedule entered for " + std::to_string(year) +
                    ": used the proposed legal holidays (unconfirmed); enter the announced "
                    "schedule with --calendar");
  }
  for (int year : deadline.unconfirmed_years) {
    parts.push_back("the schedule for " + std::to_string(year) + " is not confirmed");
  }
  for (const core::CalendarEntry& e : deadline.unconfirmed_entries) {
    parts.push_back("applied the unconfirmed day off " +
                    core::format_iso_date(std::chrono::year_month_day{e.from}) + " (" + e.name +
                    ")");
  }
  std::string line;
  for (const std::string& part : parts) line += (line.empty() ? "" : "; ") + part;
  return line;
}

void add_deadline_command(CLI::App* calendar, CommandContext& context) {
  CLI::App* add = calendar->add_subcommand(
      "add", "Print the deadline: a local time plus working days (or hours), as YYYY-MM-DD HH:MM");
  auto options = std::make_shared<CalendarOptions>();
  auto from = std::make_shared<std::string>();
  auto days = std::make_shared<std::string>();
  auto hours = std::make_shared<std::string>();
  add->add_option("--from", *from, "Received at, Vietnam time: \"YYYY-MM-DD HH:MM:SS\"")
      ->required();
  CLI::Option* days_option =
      add->add_option("--working-days", *days, "Processing time in working days");
  CLI::Option* hours_option =
      add->add_option("--working-hours", *hours, "Processing time in working hours");
  days_option->excludes(hours_option);
  add_calendar_options(add, *options);
  add->callback([&context, options, from, days, hours, days_option, hours_option] {
    if (days_option->count() == 0 && hours_option->count() == 0) {
      return context.fail("give --working-days N or --working-hours N");
    }
    core::Result<std::chrono::local_seconds> start = core::parse_local_date_time(*from);
    if (!start.ok()) return context.fail("--from: " + start.error().message);
    bool in_days = days_option->count() > 0;
    const std::string& count_text = in_days ? *days : *hours;
    long long count = 0;
    if (!parse_count(count_text, &count)) {
      return context.fail(std::string(in_days ? "--working-days" : "--working-hours") + ": '" +
                          count_text + "' is not a whole number of 0 or more");
    }
    core::Result<core::WorkingCalendar> calendar = load(*options);
    if (!calendar.ok()) return context.fail(calendar.error().message);
    core::Result<core::Deadline> deadline = in_days ? calendar->add_working_days(*start, count)
                                                    : calendar->add_working_hours(*start, count);
    if (!deadline.ok()) return context.fail(deadline.error().message);
    context.out << core::format_cli_date_time(deadline->at) << "\n";
    std::string warning = unconfirmed_warning(*deadline);
    if (!warning.empty()) context.err << "warning: " << warning << "\n";
  });
}

void add_show_command(CLI::App* calendar, CommandContext& context) {
  CLI::App* show =
      calendar->add_subcommand("show", "List a year's days off and make-up working days");
  auto options = std::make_shared<CalendarOptions>();
  auto year_text = std::make_shared<std::string>();
  show->add_option("--year", *year_text, "The year, e.g. 2026")->required();
  add_calendar_options(show, *options);
  show->callback([&context, options, year_text] {
    long long year = 0;
    if (!parse_count(*year_text, &year) || year > 9999) {
      return context.fail("--year: '" + *year_text + "' is not a year");
    }
    core::Result<core::WorkingCalendar> calendar = load(*options);
    if (!calendar.ok()) return context.fail(calendar.error().message);
    int y = static_cast<int>(year);
    core::Result<core::YearCalendar> schedule = calendar->year_calendar(y);
    if (!schedule.ok()) return context.fail(schedule.error().message);
    bool entered = calendar->has_entered_year(y);
    context.out << y << ": "
                << (entered ? (schedule->confirmed() ? "confirmed" : "entered, not confirmed")
                            : "proposed, not confirmed")
                << "\nsource: " << schedule->source() << "\n";
    std::vector<core::CalendarEntry> entries = schedule->entries();
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return a.from < b.from; });
    for (const core::CalendarEntry& e : entries) {
      std::string range = core::format_iso_date(std::chrono::year_month_day{e.from});
      if (e.to != e.from) range += ".." + core::format_iso_date(std::chrono::year_month_day{e.to});
      context.out << (e.kind == core::CalendarEntryKind::kDayOff ? "day off      "
                                                                 : "make-up day  ")
                  << range << "  " << e.name << (e.confirmed ? "" : "  (unconfirmed)") << "\n";
    }
    if (!entered) {
      context.err << "warning: no schedule entered for " << y
                  << ": these are the proposed legal holidays\n";
    }
  });
}

}  // namespace

void add_calendar_commands(CLI::App& app, CommandContext& context) {
  CLI::App* calendar = app.add_subcommand("calendar", "Working days, holidays and deadlines");
  calendar->require_subcommand(1);
  add_deadline_command(calendar, context);
  add_show_command(calendar, context);
}

}  // namespace motcua::adapters::cli
