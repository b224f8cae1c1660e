// Staff accounts, admin only: list per agency, create with an initial password (argon2id),
// deactivate and reactivate, change roles (app/staff_admin.h).
#include <array>
#include <string>

#include "adapters/web/admin_pages.h"
#include "adapters/web/admin_support.h"
#include "adapters/web/case_table.h"
#include "app/agency_admin.h"
#include "app/staff_admin.h"

namespace motcua::adapters::web {
namespace {

constexpr const char* kStaffHref = "/can-bo/quan-tri/can-bo";

struct RoleField {
  const char* name;  // the checkbox's name, and its label's message key
  core::StaffRole role;
};
constexpr std::array kRoles = {
    RoleField{"role_officer", core::kRoleOfficer},
    RoleField{"role_unit_lead", core::kRoleUnitLead},
    RoleField{"role_agency_lookup", core::kRoleAgencyLookup},
    RoleField{"role_admin", core::kRoleAdmin},
};

std::uint32_t roles_of(const FormFields& form) {
  std::uint32_t roles = 0;
  for (const RoleField& r : kRoles) {
    if (field(form, r.name) == "1") roles |= r.role;
  }
  return roles;
}

TemplateData role_boxes(Language language, std::uint32_t roles) {
  TemplateData boxes = TemplateData::list();
  for (const RoleField& r : kRoles) {
    TemplateData box;
    box.set("name", r.name);
    box.set("label", std::string(text(language, r.name)));
    box.set("checked", (roles & r.role) != 0);
    boxes.push(box);
  }
  return boxes;
}

// The list after a change: the agency's, with the "Đã lưu." notice.
std::string saved_href(const std::string& agency_code) {
  std::string href = std::string(kStaffHref) + "?da_luu=1";
  if (is_path_safe(agency_code)) href += "&co_quan=" + agency_code;
  return href;
}

HttpResponse staff_page(WebState& state, const HttpRequest& request,
                        const app::StaffSession& session, const std::string& agency_code,
                        int status, std::string_view error_key, const FormFields& typed) {
  Language language = language_of(request);
  if (state.deps.password_hasher == nullptr) {
    return error_page(state, request, 503, "server_error", session);
  }
  auto agencies = app::AgencyAdmin(state.deps.store, state.deps.clock).list(session.staff);
  auto staff = app::StaffAdmin(state.deps.store, *state.deps.password_hasher, state.deps.clock)
                   .list(session.staff, agency_code);
  if (!agencies.ok() || !staff.ok()) {
    core::ErrorKind kind = agencies.ok() ? staff.error().kind : agencies.error().kind;
    return error_page(state, request, http_status_for(kind), refusal_key(kind, "server_error"),
                      session);
  }
  TemplateData data;
  data.set("saved", request.query_value("da_luu") == "1");
  if (!error_key.empty()) data.set("error", std::string(text(language, error_key)));
  data.set("agency_code", agency_code);
  std::string new_agency = typed.count("agency_code") ? field(typed, "agency_code") : agency_code;
  TemplateData options = TemplateData::list();
  for (const core::Agency& a : *agencies) {
    TemplateData option;
    option.set("code", a.code);
    option.set("name", a.name);
    option.set("selected", a.code == new_agency);
    options.push(option);
  }
  data.set("agencies", options);
  TemplateData rows = TemplateData::list();
  for (const core::StaffMember& m : *staff) {
    TemplateData row;
    row.set("username", m.username);
    row.set("full_name", m.full_name);
    row.set("active", m.active);
    row.set("roles", role_boxes(language, m.roles));
    std::string base = std::string(kStaffHref) + "/" + std::to_string(m.id);
    row.set("roles_action", base + "/vai-tro");
    row.set("active_action", base + "/trang-thai");
    row.set("agency_code", agency_code);
    rows.push(row);
  }
  data.set("staff", rows);
  data.set("new_username", field(typed, "username"));
  data.set("new_full_name", field(typed, "full_name"));
  data.set("new_roles", role_boxes(language, typed.empty() ? core::kRoleOfficer : roles_of(typed)));
  return console_page(state, request, status, std::string(text(language, "menu_admin_staff")),
                      "staff", data, session, kStaffHref);
}

std::string_view staff_refusal_key(core::ErrorKind kind) {
  return kind == core::ErrorKind::kConflict ? std::string_view("staff_exists")
                                            : refusal_key(kind, "staff_invalid");
}

HttpResponse create_staff(WebState& state, const HttpRequest& request,
                          const app::StaffSession& session, const FormFields& form) {
  if (state.deps.password_hasher == nullptr) {
    return error_page(state, request, 503, "server_error", session);
  }
  app::NewStaff fresh{field(form, "username"), field(form, "full_name"), field(form, "agency_code"),
                      roles_of(form), form.count("password") ? form.at("password") : std::string()};
  core::Result<std::int64_t> created =
      app::StaffAdmin(state.deps.store, *state.deps.password_hasher, state.deps.clock)
          .create(session.staff, fresh);
  if (created.ok()) return redirect(saved_href(fresh.agency_code));
  core::ErrorKind kind = created.error().kind;
  std::string shown =
      is_path_safe(fresh.agency_code) ? fresh.agency_code : session.staff.agency_code;
  return staff_page(state, request, session, shown, http_status_for(kind), staff_refusal_key(kind),
                    form);
}

HttpResponse change_staff(WebState& state, const HttpRequest& request,
                          const app::StaffSession& session, const FormFields& form,
                          bool roles_change) {
  std::string agency_code = field(form, "co_quan");
  std::optional<std::int64_t> id = number_of(request.path_params.at("id"));
  if (!id) return error_page(state, request, 404, "admin_not_found", session);
  if (state.deps.password_hasher == nullptr) {
    return error_page(state, request, 503, "server_error", session);
  }
  app::StaffAdmin admin(state.deps.store, *state.deps.password_hasher, state.deps.clock);
  core::Status changed = roles_change
                             ? admin.set_roles(session.staff, *id, roles_of(form))
                             : admin.set_active(session.staff, *id, field(form, "active") == "1");
  if (changed.ok()) return redirect(saved_href(agency_code));
  core::ErrorKind kind = changed.error().kind;
  return staff_page(state, request, session,
                    is_path_safe(agency_code) ? agency_code : session.staff.agency_code,
                    http_status_for(kind), staff_refusal_key(kind), {});
}

}  // namespace

void add_staff_routes(WebState& state) {
  state.router.add(
      "GET", kStaffHref, admin_page(state, [&state](HttpRequest& r, const app::StaffSession& s) {
        std::string agency = r.query_value("co_quan");
        return staff_page(state, r, s, agency.empty() ? s.staff.agency_code : agency, 200, "", {});
      }));
  state.router.add("POST", kStaffHref,
                   admin_post(state, [&state](HttpRequest& r, const app::StaffSession& s,
                                              const FormFields& form) {
                     return create_staff(state, r, s, form);
                   }));
  state.router.add("POST", std::string(kStaffHref) + "/{id}/vai-tro",
                   admin_post(state, [&state](HttpRequest& r, const app::StaffSession& s,
                                              const FormFields& form) {
                     return change_staff(state, r, s, form, true);
                   }));
  state.router.add("POST", std::string(kStaffHref) + "/{id}/trang-thai",
                   admin_post(state, [&state](HttpRequest& r, const app::StaffSession& s,
                                              const FormFields& form) {
                     return change_staff(state, r, s, form, false);
                   }));
}

}  // namespace motcua::adapters::web
