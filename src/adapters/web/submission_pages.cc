// "Dịch vụ công trực tuyến": the list of procedures offered online (public, searchable without
// diacritics), and for a signed-in citizen the submission form of one procedure, posted as
// multipart/form-data with its attachments to app::OnlineSubmission. Plain HTML forms: it works
// without JavaScript. A refused submission shows the form again with every problem next to its
// field and the values kept (files must be chosen again: browsers never refill file inputs).
#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "adapters/web/case_table.h"
#include "adapters/web/form.h"
#include "adapters/web/multipart.h"
#include "adapters/web/new_case_form.h"
#include "adapters/web/page_support.h"
#include "adapters/web/public_site.h"
#include "adapters/web/submission_routes.h"
#include "app/case_registration.h"

namespace motcua::adapters::web {
namespace {

constexpr std::int64_t kListLimit = 50;
constexpr size_t kOtherFiles = 3;  // "Giấy tờ khác" inputs

struct Delivery {
  const char* value;
  core::ResultDelivery delivery;
};
constexpr std::array kDeliveries = {
    Delivery{"truc_tuyen", core::ResultDelivery::kOnline},
    Delivery{"truc_tiep", core::ResultDelivery::kAtCounter},
    Delivery{"buu_chinh", core::ResultDelivery::kPostal},
};

std::string document_input(size_t index) { return "tep_" + std::to_string(index); }
std::string other_input(size_t index) { return "tep_khac_" + std::to_string(index + 1); }
constexpr const char* kTotalField = "tep_tong";

std::string submission_href(std::string_view code) {
  return std::string(kSubmissionHref) + "/" + percent_encoded(code);
}

// What the citizen entered, and the message key of each field's problem.
struct EnteredForm {
  FormValues values;
  FormErrors errors;
  bool files_dropped = false;  // files were sent with a refused submission
  std::string value(const std::string& field) const {
    auto it = values.find(field);
    return it == values.end() ? "" : it->second;
  }
};

// The procedure (online only) and the units that take online cases today.
struct FormSources {
  std::optional<core::Procedure> procedure;
  std::vector<core::Agency> units;
};

core::Result<FormSources> read_sources(WebState& state, const std::string& code,
                                       std::chrono::sys_days day) {
  FormSources sources;
  core::Status read = state.deps.store.read([&](app::Repositories& repos) -> core::Status {
    core::Result<std::optional<core::Procedure>> found = repos.procedures().find(code);
    if (!found.ok()) return found.error();
    if (found->has_value() && (*found)->online) sources.procedure = std::move(**found);
    core::Result<std::vector<core::Agency>> agencies = repos.agencies().list();
    if (!agencies.ok()) return agencies.error();
    for (core::Agency& a : agencies.value()) {
      if (app::receives_online_cases(a, day)) sources.units.push_back(std::move(a));
    }
    return {};
  });
  if (!read.ok()) return read.error();
  return sources;
}

std::string error_text(Language language, const FormErrors& errors, const std::string& field) {
  auto it = errors.find(field);
  return it == errors.end() ? std::string() : std::string(text(language, it->second));
}

void set_error(TemplateData& data, Language language, const FormErrors& errors,
               const std::string& field) {
  std::string message = error_text(language, errors, field);
  if (!message.empty()) data.set("error", message);
}

TemplateData person_fields(Language language, const EnteredForm& form, const char* prefix,
                           const core::CitizenAccount* account) {
  TemplateData fields = TemplateData::list();
  for (const PersonPart& part : kPersonParts) {
    std::string name = std::string(prefix) + "_" + part.part;
    TemplateData field;
    field.set("name", name);
    field.set("label", std::string(text(language, part.label_key)));
    field.set("type", part.type);
    bool id = std::string_view(part.path) == "id_number";
    if (account != nullptr && id) {
      field.set("value", account->id_number);  // the account's, whatever is posted
      field.set("readonly", true);
    } else {
      field.set("value", form.value(name));
    }
    field.set("required", account != nullptr && (id || std::string_view(part.path) == "name"));
    set_error(field, language, form.errors, name);
    fields.push(field);
  }
  return fields;
}

std::string megabytes(std::int64_t bytes) {
  std::int64_t tenths = (bytes * 10) / (1024 * 1024);
  return std::to_string(tenths / 10) + (tenths % 10 != 0 ? "," + std::to_string(tenths % 10) : "") +
         " MB";
}

HttpResponse form_page(WebState& state, const HttpRequest& request,
                       const app::CitizenSession& session, int status, const EnteredForm* entered,
                       std::string_view banner_key) {
  Language language = language_of(request);
  std::string code = request.path_params.at("code");
  std::chrono::sys_days today = app::vietnam_day(state.deps.clock.now());
  core::Result<FormSources> sources = read_sources(state, code, today);
  if (!sources.ok()) return portal_message(state, request, 500, "sub_title", "server_error");
  if (!sources->procedure) {
    return portal_message(state, request, 404, "sub_title", "sub_procedure_not_found");
  }
  const core::Procedure& procedure = *sources->procedure;
  EnteredForm fresh;
  if (entered == nullptr) {
    fresh.values["nop_ten"] = session.citizen.full_name;
    fresh.values["nop_dien_thoai"] = session.citizen.phone;
    fresh.values["nop_email"] = session.citizen.email;
    fresh.values["nhan_ket_qua"] = "truc_tuyen";
    if (sources->units.size() == 1) fresh.values["don_vi"] = sources->units.front().code;
  }
  const EnteredForm& form = entered != nullptr ? *entered : fresh;

  TemplateData data;
  data.set("action", safe_url(submission_href(procedure.code)));
  data.set("csrf", session.csrf_token);
  data.set("code", procedure.code);
  data.set("name", procedure.name);
  if (!banner_key.empty()) data.set("banner", std::string(text(language, banner_key)));
  TemplateData units = TemplateData::list();
  for (const core::Agency& a : sources->units) {
    TemplateData option;
    option.set("value", a.code);
    option.set("label", a.name);
    option.set("selected", form.value("don_vi") == a.code);
    units.push(option);
  }
  data.set("units", units);
  std::string unit_error = error_text(language, form.errors, "don_vi");
  if (!unit_error.empty()) data.set("unit_error", unit_error);
  data.set("submitter_fields", person_fields(language, form, "nop", &session.citizen));
  data.set("owner_fields", person_fields(language, form, "chu", nullptr));
  TemplateData deliveries = TemplateData::list();
  for (const Delivery& d : kDeliveries) {
    TemplateData option;
    option.set("value", d.value);
    option.set("label", std::string(core::label_vi(d.delivery)));
    option.set("selected", form.value("nhan_ket_qua") == d.value);
    deliveries.push(option);
  }
  data.set("deliveries", deliveries);
  std::string delivery_error = error_text(language, form.errors, "nhan_ket_qua");
  if (!delivery_error.empty()) data.set("delivery_error", delivery_error);
  add_fee_rows(data, language, procedure, today, form.values, form.errors, entered == nullptr);

  TemplateData documents = TemplateData::list();
  for (size_t j = 0; j < procedure.documents.size(); ++j) {
    const core::ProcedureDocument& d = procedure.documents[j];
    TemplateData row;
    row.set("input", document_input(j));
    row.set("name", d.name);
    row.set("required", d.required);
    row.set("originals", std::to_string(d.originals));
    row.set("copies", std::to_string(d.copies));
    set_error(row, language, form.errors, document_input(j));
    documents.push(row);
  }
  data.set("documents", documents);
  TemplateData others = TemplateData::list();
  for (size_t k = 0; k < kOtherFiles; ++k) {
    TemplateData row;
    row.set("input", other_input(k));
    row.set("number", std::to_string(k + 1));
    set_error(row, language, form.errors, other_input(k));
    others.push(row);
  }
  data.set("others", others);
  data.set("max_file", megabytes(state.deps.upload_limits.max_file_bytes));
  data.set("max_total", megabytes(state.deps.upload_limits.max_total_bytes));
  std::string total_error = error_text(language, form.errors, kTotalField);
  if (!total_error.empty()) data.set("total_error", total_error);
  if (form.files_dropped) data.set("reattach", true);
  return public_page(state, request, status, std::string(text(language, "sub_form_title")),
                     "public_submission_form", data);
}

// GET /dich-vu-cong-truc-tuyen?q=: the procedures offered online.
HttpResponse list_page(WebState& state, const HttpRequest& request) {
  Language language = language_of(request);
  std::string query = request.query_value("q");
  std::vector<core::Procedure> found;
  core::Status read = state.deps.store.read([&](app::Repositories& repos) -> core::Status {
    // Offline procedures are dropped after the search, so ask for plenty.
    core::Result<std::vector<core::Procedure>> all =
        repos.procedures().search(query, "", kListLimit * 10);
    if (!all.ok()) return all.error();
    for (core::Procedure& p : all.value()) {
      if (p.online) found.push_back(std::move(p));
    }
    return {};
  });
  if (!read.ok()) return portal_message(state, request, 500, "sub_title", "server_error");
  TemplateData data;
  data.set("q", query);
  TemplateData rows = TemplateData::list();
  for (size_t i = 0; i < found.size() && i < static_cast<size_t>(kListLimit); ++i) {
    TemplateData row;
    row.set("code", found[i].code);
    row.set("name", found[i].name);
    row.set("field", found[i].field);
    row.set("href", safe_url(submission_href(found[i].code)));
    rows.push(row);
  }
  data.set("procedures", rows);
  data.set("more", found.size() > static_cast<size_t>(kListLimit));
  return public_page(state, request, 200, std::string(text(language, "sub_title")),
                     "public_submission_list", data);
}

// The message key of a problem with attachment `part` ("size", "type", ...).
std::string file_error_key(std::string_view part) {
  if (part == "size") return "sub_error_file_size";
  if (part == "type") return "sub_error_file_type";
  if (part == "empty") return "sub_error_file_empty";
  return "sub_error_file_document";
}

// Puts OnlineSubmission's field errors on the form's fields; `file_inputs[i]` is the input
// request.files[i] came from.
void place_errors(const std::vector<app::IntakeError>& errors,
                  const std::vector<std::string>& file_inputs, EnteredForm& form) {
  for (const app::IntakeError& error : errors) {
    const std::string& path = error.field;
    if (place_fee_error(path, form.errors)) continue;
    if (path == "receiving_agency_code") {
      form.errors.emplace("don_vi", "sub_error_unit");
    } else if (path == "files.total") {
      form.errors.emplace(kTotalField, "sub_error_total");
    } else if (path.rfind("files[", 0) == 0) {
      std::optional<std::int64_t> i = number_of(path.substr(6, path.find(']') - 6));
      if (!i || static_cast<size_t>(*i) >= file_inputs.size()) continue;
      form.errors.emplace(file_inputs[static_cast<size_t>(*i)],
                          file_error_key(path.substr(path.find("].") + 2)));
    } else if (path.rfind("documents[", 0) == 0) {
      std::optional<std::int64_t> j = number_of(path.substr(10, path.find(']') - 10));
      if (j)
        form.errors.emplace(document_input(static_cast<size_t>(*j)), "sub_error_required_file");
    } else {
      place_person_error(path, form.values, form.errors);
    }
  }
}

// POST /dich-vu-cong-truc-tuyen/{code}.
HttpResponse submit(WebState& state, HttpRequest& request, const app::CitizenSession& session) {
  std::string code = request.path_params.at("code");
  if (state.deps.files == nullptr || state.deps.sniffer == nullptr) {
    return portal_message(state, request, 503, "sub_title", "sub_unavailable");
  }
  core::Result<std::string> boundary = multipart_boundary(request.header("Content-Type"));
  if (!boundary.ok()) {
    // Not the form's encoding: still a forged token is told apart from a bad body.
    bool token = csrf_matches(state, parse_form(request.body), session.csrf_token);
    return portal_message(state, request, token ? 400 : 403, "sub_title",
                          token ? "sub_error_malformed" : "csrf_refused");
  }
  core::Result<std::vector<MultipartPart>> parts = parse_multipart(request.body, *boundary);
  if (!parts.ok()) return portal_message(state, request, 400, "sub_title", "sub_error_malformed");

  EnteredForm form;
  std::vector<std::pair<std::string, const MultipartPart*>> file_parts;
  for (const MultipartPart& part : *parts) {
    if (part.filename) {
      // A file input left empty is sent with no name and no bytes.
      if (!part.filename->empty() || !part.body.empty()) file_parts.emplace_back(part.name, &part);
    } else {
      form.values.emplace(part.name, std::string(part.body));
    }
  }
  if (!csrf_matches(state, form.values, session.csrf_token)) {
    return portal_message(state, request, 403, "sub_title", "csrf_refused");
  }
  form.values.erase("_csrf");
  std::chrono::sys_days today = app::vietnam_day(state.deps.clock.now());
  core::Result<FormSources> sources = read_sources(state, code, today);
  if (!sources.ok()) return portal_message(state, request, 500, "sub_title", "server_error");
  if (!sources->procedure) {
    return portal_message(state, request, 404, "sub_title", "sub_procedure_not_found");
  }
  const core::Procedure& procedure = *sources->procedure;

  app::SubmissionRequest submission;
  submission.procedure_code = procedure.code;
  submission.receiving_agency_code = form.value("don_vi");
  submission.submitter = *person_from(form.values, "nop", true);
  submission.owner = person_from(form.values, "chu", false);
  submission.fees = fee_requests_from(form.values, form.errors);
  std::string delivery = form.value("nhan_ket_qua");
  auto chosen = std::find_if(kDeliveries.begin(), kDeliveries.end(),
                             [&](const Delivery& d) { return delivery == d.value; });
  if (chosen == kDeliveries.end()) {
    form.errors.emplace("nhan_ket_qua", "intake_error_choice");
  } else {
    submission.result_delivery = chosen->delivery;
  }
  std::vector<std::string> file_inputs;
  for (const auto& [input, part] : file_parts) {
    std::string document;
    for (size_t j = 0; j < procedure.documents.size() && document.empty(); ++j) {
      if (input == document_input(j)) document = procedure.documents[j].name;
    }
    for (size_t k = 0; k < kOtherFiles && document.empty(); ++k) {
      if (input == other_input(k)) document = std::string(app::kOtherDocument);
    }
    if (document.empty()) continue;  // not an input of this form
    submission.files.push_back({document, *part->filename, std::string(part->body)});
    file_inputs.push_back(input);
  }
  form.files_dropped = !submission.files.empty();
  if (!form.errors.empty()) {
    return form_page(state, request, session, 422, &form, "sub_error_form");
  }

  app::SubmissionResult result =
      app::OnlineSubmission(state.deps.store, state.deps.clock, *state.deps.files,
                            *state.deps.sniffer, state.deps.upload_limits)
          .submit(session.citizen, submission);
  if (result.ok()) {
    return redirect(
        safe_url("/quan-ly-ho-so/" + percent_encoded(result.record->code) + "?da_nop=1"));
  }
  switch (result.error.kind) {
    case core::ErrorKind::kInvalidInput:
      place_errors(result.field_errors, file_inputs, form);
      return form_page(state, request, session, 422, &form, "sub_error_form");
    case core::ErrorKind::kNotFound:
      return portal_message(state, request, 404, "sub_title", "sub_procedure_not_found");
    case core::ErrorKind::kOutOfRange:
      return form_page(state, request, session, 422, &form, "intake_out_of_range");
    default:
      return portal_message(state, request, http_status_for(result.error.kind), "sub_title",
                            "server_error");
  }
}

}  // namespace

HttpResponse portal_message(WebState& state, const HttpRequest& request, int status,
                            std::string_view heading_key, std::string_view message_key) {
  Language language = language_of(request);
  TemplateData data;
  data.set("heading", std::string(text(language, heading_key)));
  data.set("message", std::string(text(language, message_key)));
  return public_page(state, request, status, std::string(text(language, heading_key)),
                     "public_message", data);
}

std::size_t request_body_limit(const app::UploadLimits& limits, std::size_t default_limit,
                               std::string_view method, std::string_view target,
                               std::string_view content_type) {
  std::string prefix = std::string(kSubmissionHref) + "/";
  bool upload =
      method == "POST" && target.rfind(prefix, 0) == 0 && multipart_boundary(content_type).ok();
  if (!upload) return default_limit;
  return std::max(default_limit,
                  static_cast<std::size_t>(limits.max_total_bytes) + kFormOverheadBytes);
}

void add_submission_routes(WebState& state) {
  state.router.add("GET", kSubmissionHref,
                   [&state](HttpRequest& r) { return list_page(state, r); });
  std::string form = std::string(kSubmissionHref) + "/{code}";
  state.router.add("GET", form,
                   citizen_only(state, [&state](HttpRequest& r, const app::CitizenSession& s) {
                     return form_page(state, r, s, 200, nullptr, "");
                   }));
  state.router.add("POST", form,
                   citizen_only(state, [&state](HttpRequest& r, const app::CitizenSession& s) {
                     return submit(state, r, s);
                   }));
  add_case_file_routes(state);
}

}  // namespace motcua::adapters::web
