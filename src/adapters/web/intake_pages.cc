// "Tiếp nhận hồ sơ": the procedure picker (a GET search), the intake form for the chosen
// procedure with its fee items valid today, and the intake itself (app::CaseIntake), which ends
// on the printable slip. Plain HTML forms: it works without JavaScript.
#include <array>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/web/case_table.h"
#include "adapters/web/console_pages.h"
#include "adapters/web/form.h"
#include "adapters/web/intake_routes.h"
#include "adapters/web/new_case_form.h"
#include "adapters/web/page_support.h"
#include "app/case_intake.h"
#include "app/case_registration.h"
#include "core/civil_time.h"
#include "core/money.h"

namespace motcua::adapters::web {
namespace {

constexpr const char* kIntakeHref = "/can-bo/tiep-nhan";
constexpr std::int64_t kProcedureListLimit = 20;

struct Choice {
  const char* value;
  std::string_view label;
};
// Hình thức tiếp nhận at the counter: in person or by post (online intake is the portal's).
const std::array<Choice, 2> kChannels = {
    Choice{"truc_tiep", core::label_vi(core::IntakeChannel::kCounter)},
    Choice{"buu_chinh", core::label_vi(core::IntakeChannel::kPostal)},
};
const std::array<Choice, 3> kDeliveries = {
    Choice{"truc_tiep", core::label_vi(core::ResultDelivery::kAtCounter)},
    Choice{"buu_chinh", core::label_vi(core::ResultDelivery::kPostal)},
    Choice{"truc_tuyen", core::label_vi(core::ResultDelivery::kOnline)},
};

// What the officer entered, by form field name, and the message key of each field's problem.
struct EnteredForm {
  std::map<std::string, std::string> values;
  std::map<std::string, std::string> errors;
  std::string value(const std::string& field) const {
    auto it = values.find(field);
    return it == values.end() ? "" : it->second;
  }
};

std::chrono::sys_days vietnam_today(const app::Clock& clock) {
  return app::vietnam_day(clock.now());
}

// What the page needs from storage, read in one transaction.
struct PickerData {
  std::vector<std::string> fields;
  std::vector<core::Procedure> found;
  std::optional<core::Procedure> chosen;
};

core::Result<PickerData> read_picker(WebState& state, const std::string& text,
                                     const std::string& field, const std::string& code,
                                     bool search) {
  PickerData data;
  core::Status read = state.deps.store.read([&](app::Repositories& repos) -> core::Status {
    core::Result<std::vector<std::string>> fields = repos.procedures().list_fields();
    if (!fields.ok()) return fields.error();
    data.fields = std::move(fields.value());
    if (search) {
      core::Result<std::vector<core::Procedure>> found =
          repos.procedures().search(text, field, kProcedureListLimit + 1);
      if (!found.ok()) return found.error();
      data.found = std::move(found.value());
    }
    if (!code.empty()) {
      core::Result<std::optional<core::Procedure>> chosen = repos.procedures().find(code);
      if (!chosen.ok()) return chosen.error();
      data.chosen = std::move(chosen.value());
    }
    return {};
  });
  if (!read.ok()) return read.error();
  return data;
}

// Sets `key` only when `value` is not empty: mustache takes an empty string as true in
// {{#key}} sections.
void set_nonempty(TemplateData& data, const std::string& key, std::string value) {
  if (!value.empty()) data.set(key, std::move(value));
}

TemplateData choices(std::span<const Choice> list, const std::string& selected) {
  TemplateData options = TemplateData::list();
  for (const Choice& choice : list) {
    TemplateData option;
    option.set("value", choice.value);
    option.set("label", std::string(choice.label));
    option.set("selected", selected == choice.value);
    options.push(option);
  }
  return options;
}

TemplateData person_section(Language language, const EnteredForm& form, const char* prefix,
                            std::string_view legend_key, bool required) {
  TemplateData section;
  section.set("legend", std::string(text(language, legend_key)));
  TemplateData fields = TemplateData::list();
  for (const PersonPart& part : kPersonParts) {
    std::string name = std::string(prefix) + "_" + part.part;
    TemplateData field;
    field.set("name", name);
    field.set("label", std::string(text(language, part.label_key)));
    field.set("type", part.type);
    field.set("value", form.value(name));
    bool needed = required && (std::string_view(part.path) == "name" ||
                               std::string_view(part.path) == "id_number");
    field.set("required", needed);
    if (auto error = form.errors.find(name); error != form.errors.end()) {
      field.set("error", std::string(text(language, error->second)));
    }
    fields.push(field);
  }
  section.set("fields", fields);
  return section;
}

// The form for `procedure`: fee rows (one "Số lượng" per tier line), people, channel, delivery.
TemplateData intake_form(Language language, const core::Procedure& procedure,
                         std::chrono::sys_days today, const EnteredForm& form, bool fresh) {
  TemplateData data;
  data.set("code", procedure.code);
  data.set("name", procedure.name);
  data.set("field", procedure.field);
  data.set("days", std::to_string(procedure.processing_days));

  add_fee_rows(data, language, procedure, today, form.values, form.errors, fresh);

  TemplateData people = TemplateData::list();
  people.push(person_section(language, form, "nop", "submitter", true));
  people.push(person_section(language, form, "chu", "intake_owner_section", false));
  data.set("people", people);
  data.set("channel_options", choices(kChannels, form.value("hinh_thuc")));
  data.set("delivery_options", choices(kDeliveries, form.value("nhan_ket_qua")));
  auto choice_error = [&](const char* field) {
    auto e = form.errors.find(field);
    return e == form.errors.end() ? std::string() : std::string(text(language, e->second));
  };
  set_nonempty(data, "channel_error", choice_error("hinh_thuc"));
  set_nonempty(data, "delivery_error", choice_error("nhan_ket_qua"));
  return data;
}

// The page: the picker, and the form when a procedure is chosen. `entered` refills the form
// after a refused intake (with `status` 422 and the banner `form_error_key`).
HttpResponse intake_page(WebState& state, const HttpRequest& request,
                         const app::StaffSession& session, int status, const EnteredForm* entered,
                         std::string_view form_error_key) {
  Language language = language_of(request);
  std::string search_text = request.query_value("tim");
  std::string field = request.query_value("linh_vuc");
  std::string code =
      entered != nullptr ? entered->value("thu_tuc") : request.query_value("thu_tuc");
  bool search = code.empty() || !search_text.empty() || !field.empty();
  core::Result<PickerData> picker = read_picker(state, search_text, field, code, search);
  if (!picker.ok()) {
    return error_page(state, request, http_status_for(picker.error().kind), "server_error",
                      session);
  }

  TemplateData data;
  data.set("action", kIntakeHref);
  data.set("q_text", search_text);
  TemplateData field_options = TemplateData::list();
  for (const std::string& f : picker->fields) {
    TemplateData option;
    option.set("value", f);
    option.set("selected", f == field);
    field_options.push(option);
  }
  data.set("field_options", field_options);
  data.set("show_procedures", search);
  TemplateData procedures = TemplateData::list();
  for (size_t i = 0; i < picker->found.size() && i < kProcedureListLimit; ++i) {
    const core::Procedure& p = picker->found[i];
    TemplateData row;
    row.set("code", p.code);
    row.set("name", p.name);
    row.set("field", p.field);
    row.set("days", std::to_string(p.processing_days));
    row.set("href", safe_url(std::string(kIntakeHref) + "?thu_tuc=" + percent_encoded(p.code)));
    procedures.push(row);
  }
  data.set("procedures", procedures);
  data.set("more_procedures", picker->found.size() > static_cast<size_t>(kProcedureListLimit));

  if (!code.empty() && !picker->chosen) {
    data.set("procedure_error", std::string(text(language, "intake_procedure_not_found")));
    if (status == 200) status = 404;
  } else if (code.empty() && entered != nullptr) {
    data.set("procedure_error", std::string(text(language, "intake_error_procedure")));
  }
  if (picker->chosen) {
    EnteredForm empty;
    empty.values["hinh_thuc"] = "truc_tiep";
    empty.values["nhan_ket_qua"] = "truc_tiep";
    const EnteredForm& form = entered != nullptr ? *entered : empty;
    TemplateData procedure = intake_form(language, *picker->chosen, vietnam_today(state.deps.clock),
                                         form, entered == nullptr);
    if (!form_error_key.empty()) {
      procedure.set("form_error", std::string(text(language, form_error_key)));
    }
    data.set("procedure", procedure);
  }
  return console_page(state, request, status, std::string(text(language, "menu_intake")),
                      "intake_form", data, session, kIntakeHref);
}

// Puts CaseIntake's field errors on the form's fields.
void place_errors(const std::vector<app::IntakeError>& errors, EnteredForm& form) {
  for (const app::IntakeError& error : errors) {
    const std::string& path = error.field;
    if (path == "procedure_code") {
      form.errors.emplace("thu_tuc", "intake_error_procedure");
      continue;
    }
    if (place_fee_error(path, form.errors)) continue;
    place_person_error(path, form.values, form.errors);
  }
}

// The request the form describes; problems it can see itself (a count that is not a number,
// an unknown choice) go to `form.errors`.
app::IntakeRequest request_from(EnteredForm& form) {
  app::IntakeRequest request;
  request.procedure_code = form.value("thu_tuc");
  request.submitter = *person_from(form.values, "nop", true);
  request.owner = person_from(form.values, "chu", false);
  request.fees = fee_requests_from(form.values, form.errors);
  std::string channel = form.value("hinh_thuc");
  if (channel == "buu_chinh") {
    request.channel = core::IntakeChannel::kPostal;
  } else if (channel != "truc_tiep") {
    form.errors.emplace("hinh_thuc", "intake_error_choice");
  }
  std::string delivery = form.value("nhan_ket_qua");
  if (delivery == "buu_chinh") {
    request.result_delivery = core::ResultDelivery::kPostal;
  } else if (delivery == "truc_tuyen") {
    request.result_delivery = core::ResultDelivery::kOnline;
  } else if (delivery != "truc_tiep") {
    form.errors.emplace("nhan_ket_qua", "intake_error_choice");
  }
  return request;
}

HttpResponse take_in(WebState& state, HttpRequest& request, const app::StaffSession& session) {
  EnteredForm form;
  form.values = parse_form(request.body);
  if (!csrf_matches(state, form.values, session.csrf_token)) {
    return error_page(state, request, 403, "csrf_refused", session);
  }
  form.values.erase("_csrf");
  app::IntakeRequest intake = request_from(form);
  if (!form.errors.empty()) {
    // Nothing is stored; the other fields are checked too, so every problem shows at once.
    place_errors(app::check_intake_request(intake).errors, form);
    return intake_page(state, request, session, 422, &form, "intake_form_errors");
  }
  core::Result<std::shared_ptr<const core::WorkingCalendar>> calendar = current_calendar(state);
  if (!calendar.ok()) return error_page(state, request, 500, "server_error", session);
  app::IntakeResult result = app::CaseIntake(state.deps.store, state.deps.clock, **calendar)
                                 .take_in(session.staff, intake);
  if (result.ok()) {
    std::string slip = case_href(result.record->code) + "/giay-tiep-nhan";
    if (result.unconfirmed_calendar) slip += "?lich=chua-xac-nhan";
    return redirect(safe_url(slip));
  }
  switch (result.error.kind) {
    case core::ErrorKind::kInvalidInput:
      place_errors(result.field_errors, form);
      return intake_page(state, request, session, 422, &form,
                         result.field_errors.empty() ? "intake_failed" : "intake_form_errors");
    case core::ErrorKind::kOutOfRange:
      return intake_page(state, request, session, 422, &form, "intake_out_of_range");
    case core::ErrorKind::kForbidden:
      return error_page(state, request, 403, "forbidden", session);
    default:
      return error_page(state, request, http_status_for(result.error.kind), "server_error",
                        session);
  }
}

}  // namespace

void add_intake_routes(WebState& state) {
  state.router.add("GET", kIntakeHref,
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return intake_page(state, r, s, 200, nullptr, "");
                   }));
  state.router.add("POST", kIntakeHref,
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return take_in(state, r, s);
                   }));
  add_intake_slip_route(state);
  add_process_route(state);
}

}  // namespace motcua::adapters::web
