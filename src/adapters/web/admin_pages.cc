// The admin side of the console, and "Xóa hồ sơ": an admin's soft delete of a case with a
// reason (POST /can-bo/ho-so/{code}/xoa, from the form on the case page).
#include "adapters/web/admin_pages.h"

#include "adapters/web/admin_support.h"
#include "adapters/web/case_table.h"
#include "adapters/web/console_pages.h"
#include "app/case_workflow.h"

namespace motcua::adapters::web {
namespace {

std::string_view delete_refusal_key(core::ErrorKind kind) {
  switch (kind) {
    case core::ErrorKind::kInvalidInput:
      return "delete_reason_required";
    case core::ErrorKind::kConflict:
      return "delete_refused_paid";
    case core::ErrorKind::kIllegalTransition:
      return "delete_refused_status";
    case core::ErrorKind::kNotFound:
      return "case_not_found";
    case core::ErrorKind::kForbidden:
      return "forbidden";
    default:
      return "server_error";
  }
}

HttpResponse delete_case(WebState& state, const HttpRequest& request,
                         const app::StaffSession& session, const FormFields& form) {
  std::string code = request.path_params.at("code");
  std::optional<std::int64_t> version = number_of(field(form, "version"));
  app::CaseWorkflow workflow(state.deps.store, state.deps.clock, state.deps.calendar);
  core::Result<core::CaseRecord> deleted =
      workflow.soft_delete_case(session.staff, code, version.value_or(0), field(form, "reason"));
  if (deleted.ok()) return redirect(case_href(deleted->code));
  core::ErrorKind kind = deleted.error().kind;
  Language language = language_of(request);
  TemplateData data;
  data.set("message", std::string(text(language, delete_refusal_key(kind))));
  data.set("back", case_href(code));
  return console_page(state, request, http_status_for(kind),
                      std::string(text(language, "delete_case")), "case_delete_refused", data,
                      session);
}

}  // namespace

void add_admin_routes(WebState& state) {
  add_numbering_routes(state);
  add_agency_routes(state);
  add_staff_routes(state);
  add_procedure_routes(state);
  add_calendar_routes(state);
  state.router.add("POST", "/can-bo/ho-so/{code}/xoa",
                   admin_post(state, [&state](HttpRequest& r, const app::StaffSession& s,
                                              const FormFields& form) {
                     return delete_case(state, r, s, form);
                   }));
}

}  // namespace motcua::adapters::web
