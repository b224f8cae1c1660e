#include "adapters/web/console_pages.h"

#include "adapters/web/counter_screen_pages.h"

#include "adapters/web/form.h"
#include "adapters/web/page_support.h"
#include "app/dashboard.h"
#include "core/case_status.h"

namespace motcua::adapters::web {
namespace {

HttpResponse login_form(WebState& state, const HttpRequest& request, int status,
                        const std::string& username, std::string_view error_key) {
  Language language = language_of(request);
  auto cookies = parse_cookies(request);
  std::string csrf = cookies[kLoginCsrfCookie];
  bool fresh = csrf.empty();
  if (fresh) csrf = state.deps.tokens.new_token();
  TemplateData data;
  data.set("csrf", csrf);
  data.set("username", username);
  if (!error_key.empty()) data.set("error", std::string(text(language, error_key)));
  HttpResponse page = console_page(state, request, status, std::string(text(language, "sign_in")),
                                   "login", data, std::nullopt);
  if (fresh) {
    page.with_header("Set-Cookie",
                     cookie_header(kLoginCsrfCookie, csrf, state.deps.secure_cookies));
  }
  // console_page set "csrf" in the content from the session; the sign-in form has none.
  return page;
}

HttpResponse sign_in(WebState& state, HttpRequest& request) {
  auto form = parse_form(request.body);
  auto cookies = parse_cookies(request);
  std::string username = form["username"];
  if (!csrf_matches(state, form, cookies[kLoginCsrfCookie])) {
    return login_form(state, request, 403, username, "csrf_refused");
  }
  core::Result<app::StaffSession> session =
      state.deps.staff_auth.sign_in(username, form["password"]);
  if (!session.ok()) {
    bool locked = session.error().kind == core::ErrorKind::kRateLimited;
    if (!locked && session.error().kind != core::ErrorKind::kUnauthenticated) {
      return error_page(state, request, http_status_for(session.error().kind), "server_error",
                        std::nullopt);
    }
    return login_form(state, request, locked ? 429 : 401, username,
                      locked ? "locked" : "wrong_credentials");
  }
  HttpResponse response = redirect("/can-bo");
  response.with_header("Set-Cookie",
                       cookie_header(kSessionCookie, session->token, state.deps.secure_cookies));
  return response;
}

HttpResponse sign_out(WebState& state, HttpRequest& request) {
  std::optional<app::StaffSession> session = signed_in_staff(state, request);
  if (!session) return redirect("/can-bo/dang-nhap");
  if (!csrf_matches(state, parse_form(request.body), session->csrf_token)) {
    return error_page(state, request, 403, "csrf_refused", session);
  }
  (void)state.deps.staff_auth.sign_out(session->token);
  HttpResponse response = redirect("/can-bo/dang-nhap");
  response.with_header("Set-Cookie",
                       cookie_header(kSessionCookie, "", state.deps.secure_cookies, 0));
  return response;
}

HttpResponse dashboard(WebState& state, HttpRequest& request, const app::StaffSession& session) {
  Language language = language_of(request);
  core::Result<core::CaseScope> widest = core::widest_scope(session.staff);
  if (!widest.ok()) return error_page(state, request, 403, "forbidden", session);
  core::Result<app::DashboardCounters> counters =
      app::dashboard_counters(state.deps.store, session.staff, widest->kind);
  if (!counters.ok()) {
    return error_page(state, request, http_status_for(counters.error().kind), "server_error",
                      session);
  }
  TemplateData data;
  TemplateData boxes = TemplateData::list();
  auto box = [&](std::string_view key, std::int64_t count, const char* href) {
    TemplateData b;
    b.set("label", std::string(text(language, key)));
    b.set("count", std::to_string(count));
    b.set("href", href);
    boxes.push(b);
  };
  box("work_list", counters->work_list, "/can-bo/xu-ly-ho-so");
  box("cancelled", counters->cancelled, "/can-bo/tra-cuu/don-vi");
  box("returned", counters->result_returned, "/can-bo/tra-cuu/don-vi");
  box("withdrawn", counters->withdrawn, "/can-bo/tra-cuu/don-vi");
  data.set("counters", boxes);
  TemplateData statuses = TemplateData::list();
  for (int n = 1; n <= 11; ++n) {
    core::CaseStatus status = core::case_status_from_number(n).value();
    auto it = counters->by_status.find(status);
    TemplateData row;
    row.set("label", std::string(core::label_vi(status)));
    row.set("count", std::to_string(it == counters->by_status.end() ? 0 : it->second));
    statuses.push(row);
  }
  data.set("statuses", statuses);
  return console_page(state, request, 200, std::string(text(language, "dashboard")), "dashboard",
                      data, session);
}

// Menu entries whose features come with later work: an honest page, never a dead link.
constexpr const char* kNotYet[][2] = {
    {"/can-bo/import-excel", "menu_import"},
    {"/can-bo/ho-so-khong-can-xu-ly", "menu_no_processing"},
    {"/can-bo/du-lieu-mot-cua", "menu_one_stop_data"},
    {"/can-bo/danh-gia-du-lieu", "menu_data_review"},
    {"/can-bo/kho-du-lieu-dien-tu", "menu_archive"},
};

}  // namespace

void add_console_routes(WebState& state) {
  state.router.add("GET", "/can-bo/dang-nhap", [&state](HttpRequest& request) {
    if (signed_in_staff(state, request)) return redirect("/can-bo");
    return login_form(state, request, 200, "", "");
  });
  state.router.add("POST", "/can-bo/dang-nhap",
                   [&state](HttpRequest& request) { return sign_in(state, request); });
  state.router.add("POST", "/can-bo/dang-xuat",
                   [&state](HttpRequest& request) { return sign_out(state, request); });
  state.router.add("GET", "/can-bo",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return dashboard(state, r, s);
                   }));
  add_lookup_routes(state);
  add_receipt_routes(state);
  add_reconciliation_routes(state);
  add_counter_routes(state);
  add_pending_routes(state);
  add_intake_routes(state);
  add_admin_routes(state);
  add_api_routes(state);
  add_counter_screen_routes(state);
  for (const auto& entry : kNotYet) {
    std::string href = entry[0];
    std::string key = entry[1];
    state.router.add(
        "GET", href,
        staff_only(state, [&state, href, key](HttpRequest& r, const app::StaffSession& s) {
          Language language = language_of(r);
          TemplateData data;
          data.set("message", std::string(text(language, "not_yet_body")));
          return console_page(state, r, 200,
                              std::string(text(language, key)) + " — " +
                                  std::string(text(language, "not_yet_title")),
                              "message", data, s, href);
        }));
  }
}

}  // namespace motcua::adapters::web
