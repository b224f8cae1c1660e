// Agencies (cơ quan, đơn vị), admin only: list, create, edit (app/agency_admin.h).
#include <chrono>
#include <optional>
#include <string>

#include "adapters/web/admin_pages.h"
#include "adapters/web/admin_support.h"
#include "app/agency_admin.h"
#include "core/civil_time.h"

namespace motcua::adapters::web {
namespace {

constexpr const char* kAgenciesHref = "/can-bo/quan-tri/co-quan";

// The form as typed, so a refused form comes back filled in.
TemplateData form_data(const FormFields& form) {
  TemplateData data;
  for (const char* name :
       {"code", "name", "parent_code", "successor_code", "valid_from", "valid_until", "tax_code",
        "bank_bin", "bank_account", "receipt_form_symbol", "receipt_series", "case_code_pattern"}) {
    data.set(name, field(form, name));
  }
  return data;
}

FormFields fields_of(const core::Agency& a) {
  return {{"code", a.code},
          {"name", a.name},
          {"parent_code", a.parent_code},
          {"successor_code", a.successor_code.value_or("")},
          {"valid_from", iso_date(a.valid_from)},
          {"valid_until", a.valid_until ? iso_date(*a.valid_until) : ""},
          {"tax_code", a.tax_code},
          {"bank_bin", a.bank_bin},
          {"bank_account", a.bank_account},
          {"receipt_form_symbol", a.receipt_form_symbol},
          {"receipt_series", a.receipt_series},
          {"case_code_pattern", a.case_code_pattern}};
}

// The agency the form describes; nothing for a date that does not parse.
std::optional<core::Agency> agency_of(const FormFields& form, std::chrono::sys_days today) {
  core::Agency a;
  a.code = field(form, "code");
  a.name = field(form, "name");
  a.parent_code = field(form, "parent_code");
  std::string successor = field(form, "successor_code");
  if (!successor.empty()) a.successor_code = successor;
  std::string from = field(form, "valid_from");
  std::string until = field(form, "valid_until");
  a.valid_from = today;
  if (!from.empty()) {
    auto parsed = core::parse_date(from);
    if (!parsed.ok()) return std::nullopt;
    a.valid_from = std::chrono::sys_days{*parsed};
  }
  if (!until.empty()) {
    auto parsed = core::parse_date(until);
    if (!parsed.ok()) return std::nullopt;
    a.valid_until = std::chrono::sys_days{*parsed};
  }
  a.tax_code = field(form, "tax_code");
  a.bank_bin = field(form, "bank_bin");
  a.bank_account = field(form, "bank_account");
  a.receipt_form_symbol = field(form, "receipt_form_symbol");
  a.receipt_series = field(form, "receipt_series");
  a.case_code_pattern = field(form, "case_code_pattern");
  if (a.case_code_pattern.empty()) a.case_code_pattern = core::Agency{}.case_code_pattern;
  return a;
}

HttpResponse agency_form(WebState& state, const HttpRequest& request,
                         const app::StaffSession& session, const FormFields& fields, bool editing,
                         int status, std::string_view error_key) {
  Language language = language_of(request);
  TemplateData data = form_data(fields);
  data.set("editing", editing);
  std::string code = field(fields, "code");
  data.set("action", editing && is_path_safe(code) ? std::string(kAgenciesHref) + "/" + code
                                                   : std::string(kAgenciesHref));
  if (!error_key.empty()) data.set("error", std::string(text(language, error_key)));
  return console_page(state, request, status,
                      std::string(text(language, editing ? "agency_edit" : "agency_new")),
                      "agency_form", data, session, kAgenciesHref);
}

HttpResponse agency_list(WebState& state, const HttpRequest& request,
                         const app::StaffSession& session) {
  Language language = language_of(request);
  auto agencies = app::AgencyAdmin(state.deps.store, state.deps.clock).list(session.staff);
  if (!agencies.ok()) {
    core::ErrorKind kind = agencies.error().kind;
    return error_page(state, request, http_status_for(kind), refusal_key(kind, "server_error"),
                      session);
  }
  TemplateData rows = TemplateData::list();
  for (const core::Agency& a : *agencies) {
    TemplateData row;
    row.set("code", a.code);
    row.set("name", a.name);
    row.set("parent", a.parent_code);
    row.set("successor", a.successor_code.value_or(""));
    row.set("pattern", a.case_code_pattern);
    row.set("href", is_path_safe(a.code) ? std::string(kAgenciesHref) + "/" + a.code : "");
    rows.push(row);
  }
  TemplateData data;
  data.set("agencies", rows);
  data.set("saved", request.query_value("da_luu") == "1");
  return console_page(state, request, 200, std::string(text(language, "menu_admin_agencies")),
                      "agencies", data, session, kAgenciesHref);
}

HttpResponse agency_save(WebState& state, const HttpRequest& request,
                         const app::StaffSession& session, FormFields form, bool creating) {
  if (!creating) form["code"] = request.path_params.at("code");
  const auto today = std::chrono::sys_days{
      core::local_day(core::to_vietnam_local(state.deps.clock.now())).time_since_epoch()};
  std::optional<core::Agency> agency = agency_of(form, today);
  if (!agency) return agency_form(state, request, session, form, !creating, 422, "agency_invalid");
  core::Status saved =
      app::AgencyAdmin(state.deps.store, state.deps.clock).save(session.staff, *agency, creating);
  if (saved.ok()) return redirect(std::string(kAgenciesHref) + "?da_luu=1");
  core::ErrorKind kind = saved.error().kind;
  std::string_view key = kind == core::ErrorKind::kConflict ? std::string_view("agency_exists")
                                                            : refusal_key(kind, "agency_invalid");
  return agency_form(state, request, session, form, !creating, http_status_for(kind), key);
}

}  // namespace

void add_agency_routes(WebState& state) {
  state.router.add("GET", kAgenciesHref,
                   admin_page(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return agency_list(state, r, s);
                   }));
  state.router.add("GET", std::string(kAgenciesHref) + "/moi",
                   admin_page(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     FormFields blank{{"case_code_pattern", core::Agency{}.case_code_pattern}};
                     return agency_form(state, r, s, blank, false, 200, "");
                   }));
  state.router.add("GET", std::string(kAgenciesHref) + "/{code}",
                   admin_page(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     auto found = app::AgencyAdmin(state.deps.store, state.deps.clock)
                                      .find(s.staff, r.path_params["code"]);
                     if (!found.ok() || !found->has_value()) {
                       return error_page(state, r, 404, "unknown_agency", s);
                     }
                     return agency_form(state, r, s, fields_of(**found), true, 200, "");
                   }));
  state.router.add("POST", kAgenciesHref,
                   admin_post(state, [&state](HttpRequest& r, const app::StaffSession& s,
                                              const FormFields& form) {
                     return agency_save(state, r, s, form, true);
                   }));
  state.router.add("POST", std::string(kAgenciesHref) + "/{code}",
                   admin_post(state, [&state](HttpRequest& r, const app::StaffSession& s,
                                              const FormFields& form) {
                     return agency_save(state, r, s, form, false);
                   }));
}

}  // namespace motcua::adapters::web
