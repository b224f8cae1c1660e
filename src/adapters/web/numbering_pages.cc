// "Cấu hình số hồ sơ": an agency's case-number pattern with a preview of the next code. Works
// without JavaScript ("Xem trước" re-renders the page); static/numbering_preview.js asks
// /can-bo/cau-hinh-so-ho-so/xem-truoc as the officer types. Who may read and change what:
// app/admin_access.h.
#include <optional>
#include <string>

#include "adapters/web/admin_pages.h"
#include "adapters/web/admin_support.h"
#include "app/admin_access.h"
#include "app/agency_admin.h"
#include "app/numbering_config.h"

namespace motcua::adapters::web {
namespace {

constexpr const char* kNumberingHref = "/can-bo/cau-hinh-so-ho-so";

std::string_view numbering_error_key(core::ErrorKind kind) {
  if (kind == core::ErrorKind::kOutOfRange) return "numbering_exhausted";
  if (kind == core::ErrorKind::kNotFound) return "unknown_agency";
  return refusal_key(kind, "numbering_invalid");
}

// The agencies the picker offers: every agency to an admin, the own unit to others.
TemplateData agency_options(WebState& state, const app::StaffSession& session,
                            const std::string& selected) {
  TemplateData list = TemplateData::list();
  auto add = [&](const std::string& code, const std::string& name) {
    TemplateData option;
    option.set("code", code);
    option.set("label", name.empty() ? code : code + " - " + name);
    option.set("selected", code == selected);
    list.push(option);
  };
  if (is_admin(session.staff)) {
    auto all = app::AgencyAdmin(state.deps.store, state.deps.clock).list(session.staff);
    if (all.ok()) {
      for (const core::Agency& a : *all) add(a.code, a.name);
    }
  } else {
    add(session.staff.agency_code, "");
  }
  return list;
}

// The page for `agency_code`, showing the stored pattern (`typed` empty) or the typed one.
HttpResponse numbering_page(WebState& state, const HttpRequest& request,
                            const app::StaffSession& session, const std::string& agency_code,
                            const std::optional<std::string>& typed, int status,
                            std::string_view message_key, bool saved) {
  Language language = language_of(request);
  app::NumberingConfig config(state.deps.store, state.deps.clock);
  core::Result<app::NumberingPreview> preview =
      typed ? config.preview(session.staff, agency_code, *typed)
            : config.current(session.staff, agency_code);
  TemplateData data;
  if (!preview.ok()) {
    core::ErrorKind kind = preview.error().kind;
    if (kind == core::ErrorKind::kForbidden || kind == core::ErrorKind::kStorage || !typed) {
      return error_page(state, request, http_status_for(kind), numbering_error_key(kind), session);
    }
    message_key = numbering_error_key(kind);
    status = http_status_for(kind);
  }
  if (!message_key.empty()) data.set("error", std::string(text(language, message_key)));
  data.set("saved", saved);
  data.set("agency_code", agency_code);
  data.set("pattern", typed ? *typed : preview->pattern);
  data.set("next_code", preview.ok() ? preview->next_code : std::string());
  data.set("can_edit", app::may_configure_numbering(session.staff, agency_code));
  data.set("agencies", agency_options(state, session, agency_code));
  return console_page(state, request, status, std::string(text(language, "menu_numbering")),
                      "numbering", data, session, kNumberingHref);
}

std::string chosen_agency(const app::StaffSession& session, const std::string& asked) {
  return asked.empty() ? session.staff.agency_code : asked;
}

HttpResponse numbering_post(WebState& state, HttpRequest& request,
                            const app::StaffSession& session) {
  FormFields form = parse_form(request.body);
  if (!csrf_matches(state, form, session.csrf_token)) {
    return error_page(state, request, 403, "csrf_refused", session);
  }
  std::string agency_code = chosen_agency(session, field(form, "co_quan"));
  std::string pattern = field(form, "pattern");
  if (form["action"] != "save") {
    return numbering_page(state, request, session, agency_code, pattern, 200, "", false);
  }
  core::Status saved = app::NumberingConfig(state.deps.store, state.deps.clock)
                           .save(session.staff, agency_code, pattern);
  if (saved.ok()) {
    std::string back = std::string(kNumberingHref) + "?da_luu=1";
    if (is_path_safe(agency_code)) back += "&co_quan=" + agency_code;
    return redirect(back);
  }
  core::ErrorKind kind = saved.error().kind;
  if (kind == core::ErrorKind::kForbidden || kind == core::ErrorKind::kNotFound ||
      kind == core::ErrorKind::kStorage) {
    return error_page(state, request, http_status_for(kind), numbering_error_key(kind), session);
  }
  return numbering_page(state, request, session, agency_code, pattern, http_status_for(kind),
                        numbering_error_key(kind), false);
}

// The preview as plain text for the script: the next code (200) or the Vietnamese error.
HttpResponse numbering_preview_text(WebState& state, const HttpRequest& request,
                                    const app::StaffSession& session) {
  std::string agency_code = chosen_agency(session, request.query_value("co_quan"));
  core::Result<app::NumberingPreview> preview =
      app::NumberingConfig(state.deps.store, state.deps.clock)
          .preview(session.staff, agency_code, request.query_value("pattern"));
  if (preview.ok()) return HttpResponse::text(200, preview->next_code);
  core::ErrorKind kind = preview.error().kind;
  HttpResponse r = HttpResponse::text(
      http_status_for(kind), std::string(text(language_of(request), numbering_error_key(kind))));
  r.with_header("Cache-Control", "no-store");
  return r;
}

}  // namespace

void add_numbering_routes(WebState& state) {
  state.router.add("GET", kNumberingHref,
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return numbering_page(state, r, s, chosen_agency(s, r.query_value("co_quan")),
                                           std::nullopt, 200, "", r.query_value("da_luu") == "1");
                   }));
  state.router.add("POST", kNumberingHref,
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return numbering_post(state, r, s);
                   }));
  state.router.add("GET", std::string(kNumberingHref) + "/xem-truoc",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return numbering_preview_text(state, r, s);
                   }));
}

}  // namespace motcua::adapters::web
