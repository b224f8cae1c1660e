#include "app/calendar_admin.h"

#include <algorithm>

#include "app/admin_access.h"
#include "app/admin_text.h"
#include "app/json_object.h"
#include "core/civil_time.h"

namespace motcua::app {
namespace {

std::string iso(std::chrono::sys_days day) {
  return core::format_iso_date(std::chrono::year_month_day{day});
}

// The stored year, else the fallback's (shipped or proposed).
core::Result<CalendarYearView> load(Repositories& repos, const core::WorkingCalendar& fallback,
                                    int year) {
  auto all = repos.calendar().load_all();
  if (!all.ok()) return all.error();
  for (const core::YearCalendar& stored : *all) {
    if (stored.year() == year) return CalendarYearView{stored, true};
  }
  core::Result<core::YearCalendar> shipped = fallback.year_calendar(year);
  if (!shipped.ok()) return shipped.error();
  return CalendarYearView{std::move(shipped).value(), false};
}

}  // namespace

CalendarAdmin::CalendarAdmin(Store& store, const Clock& clock,
                             const core::WorkingCalendar& fallback)
    : store_(store), clock_(clock), fallback_(fallback) {}

core::Result<CalendarYearView> CalendarAdmin::year(const core::StaffMember& actor, int year) const {
  if (core::Status allowed = require_admin(actor); !allowed.ok()) return allowed.error();
  std::optional<CalendarYearView> out;
  core::Status read = store_.read([&](Repositories& repos) -> core::Status {
    core::Result<CalendarYearView> view = load(repos, fallback_, year);
    if (!view.ok()) return view.error();
    out = std::move(view).value();
    return {};
  });
  if (!read.ok()) return read.error();
  return std::move(*out);
}

core::Status CalendarAdmin::edit(
    const core::StaffMember& actor, int year, std::string_view action,
    const std::function<core::Status(bool&, std::vector<core::CalendarEntry>&, std::string&)>&
        change) const {
  if (core::Status allowed = require_admin(actor); !allowed.ok()) return allowed;
  const std::chrono::sys_seconds now = clock_.now();
  return store_.transact([&](Repositories& repos) -> core::Status {
    core::Result<CalendarYearView> view = load(repos, fallback_, year);
    if (!view.ok()) return view.error();
    bool confirmed = view->year.confirmed();
    std::vector<core::CalendarEntry> entries = view->year.entries();
    std::string detail;
    if (core::Status changed = change(confirmed, entries, detail); !changed.ok()) return changed;
    core::Result<core::YearCalendar> next =
        core::YearCalendar::create(year, confirmed, view->year.source(), std::move(entries));
    if (!next.ok()) return next.error();
    if (core::Status saved = repos.calendar().save_year(*next); !saved.ok()) return saved;
    return repos.audit().append(
        AuditEntry{.at = now,
                   .actor = audit_actor(actor),
                   .action = std::string(action),
                   .entity_type = "calendar",
                   .entity_id = std::to_string(year),
                   .before = JsonObject().add("confirmed", view->year.confirmed()).str(),
                   .after = detail});
  });
}

core::Status CalendarAdmin::add_day(const core::StaffMember& actor, int year,
                                    std::chrono::sys_days day, core::CalendarEntryKind kind,
                                    std::string_view name) const {
  core::Result<std::string> label = tidy_text(name);
  if (!label.ok()) return label.error();
  if (label->empty()) return core::invalid_input("a calendar day needs a label");
  if (static_cast<int>(std::chrono::year_month_day{day}.year()) != year) {
    return core::invalid_input("the day is not in " + std::to_string(year));
  }
  const bool day_off = kind == core::CalendarEntryKind::kDayOff;
  return edit(actor, year, day_off ? "calendar.day_off_add" : "calendar.make_up_add",
              [&](bool&, std::vector<core::CalendarEntry>& entries, std::string& detail) {
                entries.push_back({kind, day, day, *label, true});
                detail = JsonObject()
                             .add("day", iso(day))
                             .add("kind", day_off ? "day_off" : "make_up")
                             .add("name", *label)
                             .str();
                return core::Status{};
              });
}

core::Status CalendarAdmin::remove_day(const core::StaffMember& actor, int year,
                                       std::chrono::sys_days day) const {
  return edit(
      actor, year, "calendar.day_remove",
      [&](bool&, std::vector<core::CalendarEntry>& entries, std::string& detail) -> core::Status {
        auto starts_then = [&](const core::CalendarEntry& e) { return e.from == day; };
        auto first = std::find_if(entries.begin(), entries.end(), starts_then);
        if (first == entries.end()) {
          return core::Error{core::ErrorKind::kNotFound, "no entry starts on " + iso(day)};
        }
        detail = JsonObject().add("day", iso(day)).add("name", first->name).str();
        std::erase_if(entries, starts_then);
        return {};
      });
}

core::Status CalendarAdmin::confirm(const core::StaffMember& actor, int year) const {
  return edit(actor, year, "calendar.confirm",
              [](bool& confirmed, std::vector<core::CalendarEntry>& entries, std::string& detail) {
                confirmed = true;
                for (core::CalendarEntry& e : entries) e.confirmed = true;
                detail = JsonObject().add("confirmed", true).str();
                return core::Status{};
              });
}

core::Result<std::vector<core::YearCalendar>> with_stored_years(
    Store& store, std::vector<core::YearCalendar> base) {
  std::vector<core::YearCalendar> stored;
  core::Status read = store.read([&](Repositories& repos) -> core::Status {
    auto all = repos.calendar().load_all();
    if (!all.ok()) return all.error();
    stored = std::move(all).value();
    return {};
  });
  if (!read.ok()) return read.error();
  for (const core::YearCalendar& year : stored) {
    std::erase_if(base, [&](const core::YearCalendar& y) { return y.year() == year.year(); });
    base.push_back(year);
  }
  return base;
}

}  // namespace motcua::app
