// Procedures and their dated fee items, admin only: diacritic-insensitive search, edit a
// procedure's name, field and processing days, its public terms (agency, online, fees up front,
// the documents one a line: core/procedure_document_lines.h), add and remove fee items with amounts
// in whole đồng ("2.000" and "2000"; "2.000,5" is refused) (app/procedure_admin.h).
#include <chrono>
#include <optional>
#include <string>

#include "adapters/web/admin_pages.h"
#include "adapters/web/admin_support.h"
#include "adapters/web/case_table.h"
#include "app/procedure_admin.h"
#include "core/civil_time.h"
#include "core/money.h"
#include "core/procedure_document_lines.h"

namespace motcua::adapters::web {
namespace {

constexpr const char* kProceduresHref = "/can-bo/quan-tri/thu-tuc";

std::string procedure_href(std::string_view code) {
  return is_path_safe(code) ? std::string(kProceduresHref) + "/" + std::string(code) : "";
}

HttpResponse procedure_list(WebState& state, const HttpRequest& request,
                            const app::StaffSession& session) {
  Language language = language_of(request);
  std::string q = request.query_value("q");
  auto found = app::ProcedureAdmin(state.deps.store, state.deps.clock).search(session.staff, q, 50);
  if (!found.ok()) {
    core::ErrorKind kind = found.error().kind;
    return error_page(state, request, http_status_for(kind), refusal_key(kind, "server_error"),
                      session);
  }
  TemplateData rows = TemplateData::list();
  for (const core::Procedure& p : *found) {
    TemplateData row;
    row.set("code", p.code);
    row.set("name", p.name);
    row.set("field", p.field);
    row.set("days", std::to_string(p.processing_days));
    row.set("fees", std::to_string(p.fees.size()));
    row.set("href", procedure_href(p.code));
    rows.push(row);
  }
  TemplateData data;
  data.set("q", q);
  data.set("procedures", rows);
  return console_page(state, request, 200, std::string(text(language, "menu_admin_procedures")),
                      "procedures", data, session, kProceduresHref);
}

// The message key of a refused documents line (core::DocumentLineProblem).
std::string_view document_problem_key(core::DocumentLineProblem problem) {
  switch (problem) {
    case core::DocumentLineProblem::kParts:
      return "cat_doc_parts";
    case core::DocumentLineProblem::kName:
      return "cat_doc_name";
    case core::DocumentLineProblem::kCount:
      return "cat_doc_count";
    case core::DocumentLineProblem::kRequirement:
      return "cat_doc_requirement";
    case core::DocumentLineProblem::kText:
      return "cat_doc_text";
    case core::DocumentLineProblem::kTooMany:
      return "cat_doc_too_many";
  }
  return "cat_doc_parts";
}

// The procedure page; `typed` refills the forms after a refused change. `error_text`, when
// set, is shown instead of error_key's message (a refused documents line names its line).
HttpResponse procedure_page(WebState& state, const HttpRequest& request,
                            const app::StaffSession& session, const std::string& code, int status,
                            std::string_view error_key, const FormFields& typed,
                            const std::string& error_text = "") {
  Language language = language_of(request);
  auto found = app::ProcedureAdmin(state.deps.store, state.deps.clock).find(session.staff, code);
  if (!found.ok() || !found->has_value()) {
    core::ErrorKind kind = found.ok() ? core::ErrorKind::kNotFound : found.error().kind;
    return error_page(state, request, http_status_for(kind), refusal_key(kind, "server_error"),
                      session);
  }
  const core::Procedure& p = **found;
  std::string href = procedure_href(p.code);
  TemplateData data;
  data.set("saved", request.query_value("da_luu") == "1");
  if (!error_key.empty()) data.set("error", std::string(text(language, error_key)));
  if (!error_text.empty()) data.set("error", error_text);
  data.set("code", p.code);
  data.set("terms_action", href + "/cong-khai");
  bool terms_typed = typed.count("documents") > 0;
  data.set("agency", terms_typed ? field(typed, "implementing_agency") : p.implementing_agency);
  data.set("online", terms_typed ? typed.count("online") > 0 : p.online);
  data.set("fees_up_front", terms_typed ? typed.count("fees_up_front") > 0 : p.fees_up_front);
  data.set("documents",
           terms_typed ? field(typed, "documents") : core::format_document_lines(p.documents));
  data.set("action", href);
  data.set("fee_action", href + "/le-phi");
  bool details_typed = typed.count("name") > 0;
  data.set("name", details_typed ? field(typed, "name") : p.name);
  data.set("field", details_typed ? field(typed, "field") : p.field);
  data.set("days",
           details_typed ? field(typed, "processing_days") : std::to_string(p.processing_days));
  TemplateData fees = TemplateData::list();
  for (size_t i = 0; i < p.fees.size(); ++i) {
    const core::ProcedureFee& fee = p.fees[i];
    TemplateData row;
    row.set("name", fee.item.name);
    row.set("unit", fee.item.unit);
    TemplateData tiers = TemplateData::list();
    for (const core::FeeTier& tier : fee.item.tiers) {
      TemplateData t;
      t.set("text", core::format_vnd(tier.unit_amount) + " / " + fee.item.unit + " (" +
                        std::to_string(tier.from_unit) + "+)");
      tiers.push(t);
    }
    row.set("tiers", tiers);
    row.set("cap", fee.item.cap_per_set ? core::format_vnd(*fee.item.cap_per_set) : "");
    // The table shows dates as the console does elsewhere (26/04/2024); the form keeps ISO.
    auto shown = [](std::chrono::sys_days day) {
      return core::format_display_date(std::chrono::year_month_day{day});
    };
    row.set("valid_from", shown(fee.valid_from));
    row.set("valid_until", fee.valid_until ? shown(*fee.valid_until) : "");
    row.set("remove_action", href + "/le-phi/" + std::to_string(i) + "/xoa");
    fees.push(row);
  }
  data.set("fees", fees);
  for (const char* name : {"fee_name", "fee_unit", "amount", "tier2_from", "tier2_amount", "cap",
                           "valid_from", "valid_until", "legal_basis"}) {
    data.set(name, field(typed, name));
  }
  return console_page(state, request, status, p.code + " - " + p.name, "procedure_form", data,
                      session, kProceduresHref);
}

HttpResponse saved_or_refused(WebState& state, const HttpRequest& request,
                              const app::StaffSession& session, const std::string& code,
                              const core::Status& done, std::string_view invalid_key,
                              const FormFields& form) {
  if (done.ok()) return redirect(procedure_href(code) + "?da_luu=1");
  core::ErrorKind kind = done.error().kind;
  return procedure_page(state, request, session, code, http_status_for(kind),
                        refusal_key(kind, invalid_key), form);
}

HttpResponse update_details(WebState& state, const HttpRequest& request,
                            const app::StaffSession& session, const FormFields& form) {
  std::string code = request.path_params.at("code");
  std::optional<std::int64_t> days = number_of(field(form, "processing_days"));
  if (!days) {
    return procedure_page(state, request, session, code, 422, "procedure_invalid", form);
  }
  core::Status done =
      app::ProcedureAdmin(state.deps.store, state.deps.clock)
          .update_details(session.staff, code, {field(form, "name"), field(form, "field"), *days});
  return saved_or_refused(state, request, session, code, done, "procedure_invalid", form);
}

// "Thông tin công khai": agency, online, fees up front and the documents, one a line.
HttpResponse update_terms(WebState& state, const HttpRequest& request,
                          const app::StaffSession& session, const FormFields& form) {
  std::string code = request.path_params.at("code");
  Language language = language_of(request);
  core::DocumentLines lines = core::parse_document_lines(field(form, "documents"));
  if (lines.error_line) {
    std::string message = std::string(text(language, "cat_doc_line")) + " " +
                          std::to_string(*lines.error_line) + ": " +
                          std::string(text(language, document_problem_key(lines.problem)));
    return procedure_page(state, request, session, code, 422, "", form, message);
  }
  app::ProcedurePublicTerms terms{.implementing_agency = field(form, "implementing_agency"),
                                  .online = form.count("online") > 0,
                                  .fees_up_front = form.count("fees_up_front") > 0,
                                  .documents = std::move(lines.documents)};
  core::Status done = app::ProcedureAdmin(state.deps.store, state.deps.clock)
                          .update_public_terms(session.staff, code, terms);
  return saved_or_refused(state, request, session, code, done, "cat_terms_invalid", form);
}

// An amount field in whole đồng; nothing for decimals, commas or anything else.
std::optional<core::Money> amount_of(const FormFields& form, std::string_view name) {
  core::Result<core::Money> amount = core::parse_money(field(form, name));
  if (!amount.ok()) return std::nullopt;
  return *amount;
}

HttpResponse add_fee(WebState& state, const HttpRequest& request, const app::StaffSession& session,
                     const FormFields& form) {
  std::string code = request.path_params.at("code");
  auto refuse = [&](std::string_view key) {
    return procedure_page(state, request, session, code, 422, key, form);
  };
  core::ProcedureFee fee;
  fee.item.name = field(form, "fee_name");
  fee.item.unit = field(form, "fee_unit");
  fee.legal_basis = field(form, "legal_basis");
  std::optional<core::Money> amount = amount_of(form, "amount");
  if (!amount) return refuse("fee_amount_invalid");
  fee.item.tiers.push_back({1, *amount, ""});
  if (!field(form, "tier2_from").empty() || !field(form, "tier2_amount").empty()) {
    std::optional<std::int64_t> from = number_of(field(form, "tier2_from"));
    std::optional<core::Money> second = amount_of(form, "tier2_amount");
    if (!second) return refuse("fee_amount_invalid");
    if (!from || *from < 2) return refuse("fee_invalid");
    fee.item.tiers.push_back({*from, *second, ""});
  }
  if (!field(form, "cap").empty()) {
    fee.item.cap_per_set = amount_of(form, "cap");
    if (!fee.item.cap_per_set) return refuse("fee_amount_invalid");
  }
  auto from = core::parse_date(field(form, "valid_from"));
  if (!from.ok()) return refuse("fee_invalid");
  fee.valid_from = std::chrono::sys_days{*from};
  if (!field(form, "valid_until").empty()) {
    auto until = core::parse_date(field(form, "valid_until"));
    if (!until.ok()) return refuse("fee_invalid");
    fee.valid_until = std::chrono::sys_days{*until};
  }
  core::Status done =
      app::ProcedureAdmin(state.deps.store, state.deps.clock).add_fee(session.staff, code, fee);
  return saved_or_refused(state, request, session, code, done, "fee_invalid", form);
}

HttpResponse remove_fee(WebState& state, const HttpRequest& request,
                        const app::StaffSession& session) {
  std::string code = request.path_params.at("code");
  std::optional<std::int64_t> index = number_of(request.path_params.at("index"));
  if (!index || *index < 0) return error_page(state, request, 404, "admin_not_found", session);
  core::Status done = app::ProcedureAdmin(state.deps.store, state.deps.clock)
                          .remove_fee(session.staff, code, static_cast<std::size_t>(*index));
  return saved_or_refused(state, request, session, code, done, "fee_invalid", {});
}

}  // namespace

void add_procedure_routes(WebState& state) {
  state.router.add("GET", kProceduresHref,
                   admin_page(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return procedure_list(state, r, s);
                   }));
  state.router.add("GET", std::string(kProceduresHref) + "/{code}",
                   admin_page(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return procedure_page(state, r, s, r.path_params["code"], 200, "", {});
                   }));
  state.router.add("POST", std::string(kProceduresHref) + "/{code}",
                   admin_post(state, [&state](HttpRequest& r, const app::StaffSession& s,
                                              const FormFields& form) {
                     return update_details(state, r, s, form);
                   }));
  state.router.add("POST", std::string(kProceduresHref) + "/{code}/cong-khai",
                   admin_post(state, [&state](HttpRequest& r, const app::StaffSession& s,
                                              const FormFields& form) {
                     return update_terms(state, r, s, form);
                   }));
  state.router.add(
      "POST", std::string(kProceduresHref) + "/{code}/le-phi",
      admin_post(state, [&state](HttpRequest& r, const app::StaffSession& s,
                                 const FormFields& form) { return add_fee(state, r, s, form); }));
  state.router.add(
      "POST", std::string(kProceduresHref) + "/{code}/le-phi/{index}/xoa",
      admin_post(state, [&state](HttpRequest& r, const app::StaffSession& s, const FormFields&) {
        return remove_fee(state, r, s);
      }));
}

}  // namespace motcua::adapters::web
