// The holiday calendar, admin only: a year's days off and make-up working days, whether the
// year is confirmed or a proposal, add and remove a day, confirm the year
// (app/calendar_admin.h).
#include <chrono>
#include <optional>
#include <string>

#include "adapters/web/admin_pages.h"
#include "adapters/web/admin_support.h"
#include "adapters/web/case_table.h"
#include "app/calendar_admin.h"
#include "core/civil_time.h"

namespace motcua::adapters::web {
namespace {

constexpr const char* kCalendarHref = "/can-bo/quan-tri/lich";

std::string year_href(int year) {
  return std::string(kCalendarHref) + "?nam=" + std::to_string(year);
}

std::string year_action(int year, const char* what) {
  return std::string(kCalendarHref) + "/" + std::to_string(year) + "/" + what;
}

int this_year(const WebState& state) {
  auto today =
      std::chrono::year_month_day{core::local_day(core::to_vietnam_local(state.deps.clock.now()))};
  return static_cast<int>(today.year());
}

HttpResponse calendar_page(WebState& state, const HttpRequest& request,
                           const app::StaffSession& session, int year, int status,
                           std::string_view error_key, const FormFields& typed) {
  Language language = language_of(request);
  app::CalendarAdmin admin(state.deps.store, state.deps.clock, state.deps.calendar);
  core::Result<app::CalendarYearView> view = admin.year(session.staff, year);
  if (!view.ok()) {
    core::ErrorKind kind = view.error().kind;
    return error_page(state, request, http_status_for(kind), refusal_key(kind, "calendar_invalid"),
                      session);
  }
  TemplateData data;
  data.set("saved", request.query_value("da_luu") == "1");
  if (!error_key.empty()) data.set("error", std::string(text(language, error_key)));
  data.set("year", std::to_string(year));
  data.set("previous_href", year_href(year - 1));
  data.set("next_href", year_href(year + 1));
  data.set("confirmed", view->year.confirmed());
  data.set("confirm_action", year_action(year, "xac-nhan"));
  data.set("add_action", year_action(year, "them"));
  TemplateData entries = TemplateData::list();
  for (const core::CalendarEntry& e : view->year.entries()) {
    TemplateData row;
    row.set("from", core::format_display_date(std::chrono::year_month_day{e.from}));
    row.set("to", core::format_display_date(std::chrono::year_month_day{e.to}));
    row.set("from_iso", iso_date(e.from));
    row.set("kind", std::string(text(language, e.kind == core::CalendarEntryKind::kDayOff
                                                   ? "calendar_day_off"
                                                   : "calendar_make_up")));
    row.set("name", e.name);
    row.set("unconfirmed", !e.confirmed);
    row.set("remove_action", year_action(year, "xoa"));
    entries.push(row);
  }
  data.set("entries", entries);
  data.set("day", field(typed, "day"));
  data.set("label", field(typed, "label"));
  data.set("make_up", field(typed, "kind") == "lam-bu");
  return console_page(state, request, status, std::string(text(language, "menu_admin_calendar")),
                      "calendar", data, session, kCalendarHref);
}

std::optional<int> year_of(const HttpRequest& request) {
  std::optional<std::int64_t> year = number_of(request.path_params.at("year"));
  if (!year || *year < 1800 || *year > 2199) return std::nullopt;
  return static_cast<int>(*year);
}

HttpResponse after(WebState& state, const HttpRequest& request, const app::StaffSession& session,
                   int year, const core::Status& done, const FormFields& form) {
  if (done.ok()) return redirect(year_href(year) + "&da_luu=1");
  core::ErrorKind kind = done.error().kind;
  return calendar_page(state, request, session, year, http_status_for(kind),
                       refusal_key(kind, "calendar_invalid"), form);
}

HttpResponse change(WebState& state, const HttpRequest& request, const app::StaffSession& session,
                    const FormFields& form, const char* what) {
  std::optional<int> year = year_of(request);
  if (!year) return error_page(state, request, 404, "admin_not_found", session);
  app::CalendarAdmin admin(state.deps.store, state.deps.clock, state.deps.calendar);
  std::string_view action = what;
  if (action == "xac-nhan") {
    return after(state, request, session, *year, admin.confirm(session.staff, *year), form);
  }
  auto day = core::parse_date(field(form, "day"));
  if (!day.ok()) {
    return calendar_page(state, request, session, *year, 422, "calendar_invalid", form);
  }
  const std::chrono::sys_days d{*day};
  if (action == "xoa") {
    return after(state, request, session, *year, admin.remove_day(session.staff, *year, d), {});
  }
  core::CalendarEntryKind kind = field(form, "kind") == "lam-bu"
                                     ? core::CalendarEntryKind::kMakeUpWorkingDay
                                     : core::CalendarEntryKind::kDayOff;
  return after(state, request, session, *year,
               admin.add_day(session.staff, *year, d, kind, field(form, "label")), form);
}

}  // namespace

void add_calendar_routes(WebState& state) {
  state.router.add(
      "GET", kCalendarHref, admin_page(state, [&state](HttpRequest& r, const app::StaffSession& s) {
        std::optional<std::int64_t> year = number_of(r.query_value("nam"));
        int shown =
            year && *year >= 1800 && *year <= 2199 ? static_cast<int>(*year) : this_year(state);
        return calendar_page(state, r, s, shown, 200, "", {});
      }));
  for (const char* what : {"them", "xoa", "xac-nhan"}) {
    state.router.add("POST", std::string(kCalendarHref) + "/{year}/" + what,
                     admin_post(state, [&state, what](HttpRequest& r, const app::StaffSession& s,
                                                      const FormFields& form) {
                       return change(state, r, s, form, what);
                     }));
  }
}

}  // namespace motcua::adapters::web
