// "Đối soát thanh toán": the daily reconciliation of a day per unit (totals, matched count,
// each mismatch with what was done), "Đối soát ngay" and the CSV export. Admins see every
// unit; officers and unit leads their unit's tree (core/reconciliation_access.h).
#include <chrono>

#include "adapters/web/admin_support.h"
#include "adapters/web/console_pages.h"
#include "adapters/web/form.h"
#include "adapters/web/page_support.h"
#include "adapters/web/payment_views.h"
#include "app/reconciliation.h"
#include "core/access_policy.h"
#include "core/civil_time.h"
#include "core/money.h"
#include "core/reconciliation_access.h"

namespace motcua::adapters::web {
namespace {

constexpr const char* kPagePath = "/can-bo/doi-soat";

// Yesterday in Vietnam time: the day the page shows first.
std::chrono::year_month_day yesterday(WebState& state) {
  std::chrono::local_days today = core::local_day(core::to_vietnam_local(state.deps.clock.now()));
  return std::chrono::year_month_day(today - std::chrono::days(1));
}

// The asked day ("" means yesterday); nullopt when it is not a day or lies after today.
std::optional<std::chrono::year_month_day> asked_day(WebState& state, const std::string& text) {
  if (text.empty()) return yesterday(state);
  core::Result<std::chrono::year_month_day> day = core::parse_entered_date(text);
  if (!day.ok()) return std::nullopt;
  std::chrono::local_days today = core::local_day(core::to_vietnam_local(state.deps.clock.now()));
  if (std::chrono::local_days(*day) > today) return std::nullopt;
  return *day;
}

std::string label(Language language, std::string_view prefix, std::string_view name) {
  if (name.empty()) return "";
  return std::string(text(language, std::string(prefix) + std::string(name)));
}

std::string trigger_label(Language language, const std::string& trigger) {
  if (trigger == "schedule") return std::string(text(language, "rec_trigger_schedule"));
  if (trigger == "cli") return std::string(text(language, "rec_trigger_cli"));
  if (trigger.starts_with("staff:")) {
    return std::string(text(language, "rec_trigger_staff")) + " " + trigger.substr(6);
  }
  return trigger;
}

// The unit picker: every agency for an admin (and "all units"), else the own unit's tree.
TemplateData unit_options(WebState& state, Language language, const app::StaffSession& session,
                          const std::string& selected) {
  TemplateData list = TemplateData::list();
  bool admin = (session.staff.roles & core::kRoleAdmin) != 0;
  if (admin) {
    TemplateData all;
    all.set("code", "");
    all.set("label", std::string(text(language, "rec_all_units")));
    all.set("selected", selected.empty());
    list.push(all);
  }
  std::vector<core::Agency> agencies;
  (void)state.deps.store.read([&](app::Repositories& r) -> core::Status {
    auto found = r.agencies().list();
    if (!found.ok()) return found.error();
    agencies = std::move(found.value());
    return {};
  });
  for (const core::Agency& a : agencies) {
    if (!admin && !core::is_agency_within(a.code, session.staff.agency_code)) continue;
    TemplateData option;
    option.set("code", a.code);
    option.set("label", a.code + " - " + a.name);
    option.set("selected", a.code == selected);
    list.push(option);
  }
  return list;
}

TemplateData item_row(Language language, const app::ReconciliationItemRecord& item) {
  TemplateData row;
  row.set("kind", label(language, "rec_kind_", item.kind));
  row.set("kind_code", item.kind);
  row.set("reference", item.reference);
  row.set("transaction_id", item.transaction_id);
  row.set("case_code", item.case_code);
  row.set("platform_state", label(language, "rec_state_", item.platform_state));
  row.set("local_state", label(language, "rec_state_", item.local_state));
  row.set("platform_amount", core::format_vnd(item.platform_amount));
  row.set("local_amount", core::format_vnd(item.local_amount));
  row.set("action", label(language, "rec_action_", item.action));
  row.set("action_code", item.action);
  row.set("note", item.note);
  return row;
}

HttpResponse page(WebState& state, const HttpRequest& request, const app::StaffSession& session,
                  const std::string& day_text, const std::string& unit, int status,
                  std::string_view message_key) {
  Language language = language_of(request);
  std::string title(text(language, "rec_menu"));
  core::Result<std::string> root = core::reconciliation_scope(session.staff, unit);
  if (!root.ok()) return error_page(state, request, 403, "rec_forbidden", session);
  TemplateData data;
  data.set("action", std::string(kPagePath));
  data.set("units", unit_options(state, language, session, unit));
  data.set("unit", unit);
  data.set("can_run", state.deps.reconciliation != nullptr);
  std::optional<std::chrono::year_month_day> day = asked_day(state, day_text);
  if (!day) {
    data.set("date", day_text);
    data.set("error", std::string(text(language, "rec_bad_date")));
    data.set("can_run", false);
    return console_page(state, request, 400, title, "reconciliation", data, session, kPagePath);
  }
  std::string iso = core::format_iso_date(*day);
  data.set("date", iso);
  data.set("date_display", core::format_display_date(*day));
  if (!message_key.empty()) data.set("notice", std::string(text(language, message_key)));
  std::string csv = std::string(kPagePath) + "/" + iso + ".csv";
  if (!unit.empty()) csv += "?don_vi=" + unit;
  data.set("csv_href", csv);

  core::Result<std::optional<app::ReconciliationReport>> report =
      state.deps.reconciliation != nullptr
          ? state.deps.reconciliation->latest(*day, *root)
          : core::Result<std::optional<app::ReconciliationReport>>(
                core::Error{core::ErrorKind::kUnavailable, "no reconciliation"});
  if (!report.ok()) {
    data.set("error", std::string(text(language, "rec_unavailable")));
    return console_page(state, request,
                        report.error().kind == core::ErrorKind::kUnavailable ? 503 : 500, title,
                        "reconciliation", data, session, kPagePath);
  }
  if (report->has_value()) {
    const app::ReconciliationReport& r = **report;
    data.set("has_run", true);
    data.set("run_id", std::to_string(r.run.id));
    data.set("started_at", shown_at(r.run.started_at));
    data.set("finished_at", r.run.finished_at ? shown_at(*r.run.finished_at) : "");
    data.set("trigger", trigger_label(language, r.run.trigger));
    data.set("run_state", label(language, "rec_run_", app::to_string(r.run.state)));
    data.set("run_failed", r.run.state == app::ReconciliationRunState::kFailed);
    data.set("run_error", r.run.error);
    data.set("platform_count", std::to_string(r.platform_count));
    data.set("platform_total", core::format_vnd(r.platform_total));
    data.set("local_count", std::to_string(r.local_count));
    data.set("local_total", core::format_vnd(r.local_total));
    data.set("matched_count", std::to_string(r.matched_count));
    TemplateData mismatches = TemplateData::list();
    std::vector<const app::ReconciliationItemRecord*> found = r.mismatches();
    for (const app::ReconciliationItemRecord* item : found) {
      mismatches.push(item_row(language, *item));
    }
    data.set("mismatches", mismatches);
    data.set("mismatch_count", std::to_string(found.size()));
    data.set("has_mismatches", !found.empty());
  }
  return console_page(state, request, status, title, "reconciliation", data, session, kPagePath);
}

HttpResponse run_now(WebState& state, HttpRequest& request, const app::StaffSession& session) {
  FormFields form = parse_form(request.body);
  if (!csrf_matches(state, form, session.csrf_token)) {
    return error_page(state, request, 403, "csrf_refused", session);
  }
  std::string unit = field(form, "don_vi");
  if (!core::reconciliation_scope(session.staff, unit).ok()) {
    return error_page(state, request, 403, "rec_forbidden", session);
  }
  std::string day_text = field(form, "ngay");
  std::optional<std::chrono::year_month_day> day = asked_day(state, day_text);
  if (!day || day_text.empty()) {
    return page(state, request, session, day_text.empty() ? "-" : day_text, unit, 400, "");
  }
  if (state.deps.reconciliation == nullptr) {
    return error_page(state, request, 503, "rec_unavailable", session);
  }
  // A failed fetch is recorded as a failed run, which the page then shows with its reason.
  (void)state.deps.reconciliation->run(*day, "staff:" + session.staff.username);
  std::string back = std::string(kPagePath) + "?ngay=" + core::format_iso_date(*day) + "&xong=1";
  if (!unit.empty() && is_path_safe(unit)) back += "&don_vi=" + unit;
  return redirect(back);
}

// RFC 4180 field; a text cell a spreadsheet would read as a formula is prefixed with '.
std::string csv_cell(std::string value) {
  if (!value.empty() &&
      (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')) {
    value.insert(0, "'");
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

HttpResponse export_csv(WebState& state, HttpRequest& request, const app::StaffSession& session) {
  Language language = language_of(request);
  const std::string& file = request.path_params.at("file");
  std::string unit = request.query_value("don_vi");
  core::Result<std::string> root = core::reconciliation_scope(session.staff, unit);
  if (!root.ok()) return error_page(state, request, 403, "rec_forbidden", session);
  std::optional<std::chrono::year_month_day> day;
  if (file.size() == 14 && file.ends_with(".csv")) {
    core::Result<std::chrono::year_month_day> parsed = core::parse_date(file.substr(0, 10));
    if (parsed.ok()) day = *parsed;
  }
  if (!day) return page(state, request, session, file, unit, 400, "");
  if (state.deps.reconciliation == nullptr) {
    return error_page(state, request, 503, "rec_unavailable", session);
  }
  auto report = state.deps.reconciliation->latest(*day, *root);
  if (!report.ok()) return error_page(state, request, 500, "rec_unavailable", session);
  if (!report->has_value()) return error_page(state, request, 404, "rec_no_run", session);
  std::string body = "\xEF\xBB\xBF";  // the BOM: spreadsheets then read UTF-8
  const char* columns[] = {
      "rec_kind",         "rec_reference",      "rec_transaction", "rec_case",
      "rec_unit",         "rec_platform_state", "rec_local_state", "rec_platform_amount",
      "rec_local_amount", "rec_action",         "rec_note"};
  for (std::size_t i = 0; i < std::size(columns); ++i) {
    body += (i ? "," : "") + csv_cell(std::string(text(language, columns[i])));
  }
  body += "\r\n";
  for (const app::ReconciliationItemRecord& item : (*report)->items) {
    body += csv_cell(label(language, "rec_kind_", item.kind)) + "," + csv_cell(item.reference) +
            "," + csv_cell(item.transaction_id) + "," + csv_cell(item.case_code) + "," +
            csv_cell(item.agency_code) + "," +
            csv_cell(label(language, "rec_state_", item.platform_state)) + "," +
            csv_cell(label(language, "rec_state_", item.local_state)) + "," +
            std::to_string(item.platform_amount.in_dong()) + "," +
            std::to_string(item.local_amount.in_dong()) + "," +
            csv_cell(label(language, "rec_action_", item.action)) + "," + csv_cell(item.note) +
            "\r\n";
  }
  HttpResponse response;
  response.status = 200;
  response.content_type = "text/csv; charset=utf-8";
  response.body = std::move(body);
  response.with_header("Content-Disposition",
                       "attachment; filename=\"doi-soat-" + core::format_iso_date(*day) +
                           (unit.empty() || !is_path_safe(unit) ? "" : "-" + unit) + ".csv\"");
  response.with_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

void add_reconciliation_routes(WebState& state) {
  state.router.add("GET", kPagePath,
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return page(state, r, s, r.query_value("ngay"), r.query_value("don_vi"), 200,
                                 r.query_value("xong") == "1" ? "rec_done" : "");
                   }));
  state.router.add("POST", kPagePath,
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return run_now(state, r, s);
                   }));
  state.router.add("GET", std::string(kPagePath) + "/{file}",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return export_csv(state, r, s);
                   }));
}

}  // namespace motcua::adapters::web
