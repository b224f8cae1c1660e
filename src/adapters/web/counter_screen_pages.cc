#include "adapters/web/counter_screen_pages.h"

#include <string>

#include "adapters/web/case_table.h"
#include "adapters/web/form.h"
#include "adapters/web/page_support.h"
#include "adapters/web/payment_views.h"
#include "adapters/web/public_site.h"
#include "app/counter_screens.h"
#include "app/json_object.h"
#include "app/public_payment.h"
#include "core/money.h"

namespace motcua::adapters::web {
namespace {

constexpr const char* kScreenCookie = "motcua_screen";
constexpr const char* kScreenPath = "/man-hinh-phu";
constexpr const char* kConsoleHref = "/can-bo/man-hinh-phu";
constexpr long long kCookieSeconds = 365LL * 24 * 3600;

app::CounterScreens screens_of(WebState& state) {
  app::CounterScreenSettings settings;
  settings.idle = state.deps.counter_screen_idle;
  return app::CounterScreens(state.deps.store, state.deps.tokens, state.deps.clock, settings);
}

// The screen's secret: HttpOnly (no script reads it), SameSite=Strict (no other site's page
// sends it), only under /man-hinh-phu, and Secure behind TLS.
std::string screen_cookie(WebState& state, std::string_view secret) {
  std::string header = std::string(kScreenCookie) + "=" + std::string(secret) +
                       "; Path=" + kScreenPath +
                       "; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(kCookieSeconds);
  if (state.deps.secure_cookies) header += "; Secure";
  return header;
}

std::string screen_secret(const HttpRequest& request) {
  auto cookies = parse_cookies(request);
  auto it = cookies.find(kScreenCookie);
  return it == cookies.end() ? "" : it->second;
}

// The screen's content for `view` (counter_screen_body.mustache).
core::Result<std::string> screen_body(WebState& state, Language language,
                                      const app::ScreenView& view) {
  TemplateData data;
  data.set("t", messages(language));
  data.set("phase", std::string(app::to_string(view.phase)));
  data.set("unit_name", view.unit_name);
  data.set("case_code", view.case_code);
  data.set("amount", core::format_vnd(view.amount));
  switch (view.phase) {
    case app::ScreenPhase::kPairing:
      data.set("pairing", true);
      data.set("code", view.pairing_code);
      data.set("valid_until", shown_at(view.pairing_expires_at));
      break;
    case app::ScreenPhase::kWelcome:
      data.set("welcome", true);
      break;
    case app::ScreenPhase::kPayment:
      data.set("payment", true);
      data.set("payer_name", view.payer_name);
      data.set("content", app::payment_content(view.case_code));
      data.set("qr_svg", payment_qr_svg(state, language, view.case_code));
      break;
    case app::ScreenPhase::kPaid: {
      data.set("paid", true);
      TemplateData receipts = TemplateData::list();
      for (const app::ScreenReceipt& r : view.receipts) {
        TemplateData row;
        row.set("series", r.series);
        row.set("number", r.number);
        receipts.push(row);
      }
      data.set("receipts", receipts);
      break;
    }
  }
  return state.deps.templates->render("counter_screen_body", data);
}

HttpResponse no_store(HttpResponse response) {
  response.with_header("Cache-Control", "no-store");
  return response;
}

// GET /man-hinh-phu: the tablet's page; its first visit makes the screen and its cookie.
HttpResponse screen_page(WebState& state, const HttpRequest& request) {
  Language language = language_of(request);
  app::CounterScreens screens = screens_of(state);
  std::string secret = screen_secret(request);
  std::string new_secret;
  core::Result<app::ScreenView> view =
      secret.empty() ? core::Result<app::ScreenView>(core::Error{core::ErrorKind::kNotFound, ""})
                     : screens.look(secret, "");
  if (!view.ok() && view.error().kind == core::ErrorKind::kNotFound) {
    // A new screen: a row in the database, so limited per client address.
    if (!state.screens_made.allow(client_address(state, request))) {
      return no_store(HttpResponse::text(429, std::string(text(language, "scr_too_many")) + "\n"));
    }
    core::Result<app::ScreenVisit> visit = screens.visit("");
    if (!visit.ok()) return no_store(HttpResponse::text(500, "Internal Server Error\n"));
    new_secret = visit->new_secret;
    view = std::move(visit->view);
  }
  if (!view.ok()) return no_store(HttpResponse::text(500, "Internal Server Error\n"));
  core::Result<std::string> body = screen_body(state, language, *view);
  if (!body.ok()) return no_store(HttpResponse::text(500, "Internal Server Error\n"));
  TemplateData page;
  page.set("t", messages(language));
  page.set("lang", std::string(code_of(language)));
  page.set("version", view->version);
  page.set("body", *body);
  core::Result<std::string> html = state.deps.templates->render("counter_screen", page);
  if (!html.ok()) return no_store(HttpResponse::text(500, "Internal Server Error\n"));
  HttpResponse response = no_store(HttpResponse::html(200, *html));
  if (!new_secret.empty()) response.with_header("Set-Cookie", screen_cookie(state, new_secret));
  return response;
}

// GET /man-hinh-phu/trang-thai?v=<version>: {"version"} while nothing changed, with "html"
// (the new content) when it did; 404 for a screen that is gone (the page then reloads).
HttpResponse screen_state(WebState& state, const HttpRequest& request) {
  std::string secret = screen_secret(request);
  if (secret.empty()) return no_store(HttpResponse::json(404, "{\"error\":\"unknown screen\"}"));
  core::Result<app::ScreenView> view = screens_of(state).look(secret, request.query_value("v"));
  if (!view.ok()) {
    bool gone = view.error().kind == core::ErrorKind::kNotFound;
    return no_store(HttpResponse::json(gone ? 404 : 500, gone ? "{\"error\":\"unknown screen\"}"
                                                              : "{\"error\":\"server error\"}"));
  }
  app::JsonObject json;
  json.add("version", view->version);
  json.add("phase", app::to_string(view->phase));
  if (view->filled) {
    core::Result<std::string> body = screen_body(state, language_of(request), *view);
    if (!body.ok()) return no_store(HttpResponse::json(500, "{\"error\":\"server error\"}"));
    json.add("html", *body);
  }
  return no_store(HttpResponse::json(200, json.str()));
}

// The officer's page; `error_key` refills it after a refused pairing.
HttpResponse console_screen(WebState& state, const HttpRequest& request,
                            const app::StaffSession& session, int status,
                            std::string_view error_key, const std::string& typed) {
  Language language = language_of(request);
  core::Result<std::optional<app::ScreenBinding>> binding =
      screens_of(state).binding(session.staff);
  if (!binding.ok()) return error_page(state, request, 500, "server_error", session);
  TemplateData data;
  if (*binding) {
    data.set("bound", true);
    data.set("paired_at", shown_at((*binding)->paired_at));
    data.set("last_seen", shown_at((*binding)->last_seen));
    data.set("case_code", (*binding)->case_code);
    data.set("has_case", !(*binding)->case_code.empty());
    data.set("case_href", case_href((*binding)->case_code));
  }
  std::string done = request.query_value("ket-qua");
  if (done == "ghep-noi") data.set("notice", std::string(text(language, "scr_paired_ok")));
  if (done == "ngat-ket-noi") data.set("notice", std::string(text(language, "scr_unpaired_ok")));
  if (!error_key.empty()) data.set("error", std::string(text(language, error_key)));
  data.set("typed", typed);
  return console_page(state, request, status, std::string(text(language, "scr_title")),
                      "counter_screen_console", data, session, kConsoleHref);
}

std::string_view pairing_error_key(core::ErrorKind kind) {
  switch (kind) {
    case core::ErrorKind::kInvalidInput:
      return "scr_code_malformed";
    case core::ErrorKind::kNotFound:
      return "scr_code_wrong";
    case core::ErrorKind::kOutOfRange:
      return "scr_code_expired";
    case core::ErrorKind::kForbidden:
      return "forbidden";
    default:
      return "server_error";
  }
}

HttpResponse pair(WebState& state, HttpRequest& request, const app::StaffSession& session) {
  auto form = parse_form(request.body);
  if (!csrf_matches(state, form, session.csrf_token)) {
    return error_page(state, request, 403, "csrf_refused", session);
  }
  std::string typed = form["ma"];
  if (typed.size() > 12) typed.resize(12);
  if (!state.screen_pairings.allow(session.staff.username)) {
    return console_screen(state, request, session, http_status_for(core::ErrorKind::kRateLimited),
                          "scr_too_many", typed);
  }
  core::Status paired = screens_of(state).pair(session.staff, typed);
  if (!paired.ok()) {
    return console_screen(state, request, session, http_status_for(paired.error().kind),
                          pairing_error_key(paired.error().kind), typed);
  }
  return redirect(std::string(kConsoleHref) + "?ket-qua=ghep-noi");
}

HttpResponse unpair(WebState& state, HttpRequest& request, const app::StaffSession& session) {
  if (!csrf_matches(state, parse_form(request.body), session.csrf_token)) {
    return error_page(state, request, 403, "csrf_refused", session);
  }
  core::Status done = screens_of(state).unpair(session.staff);
  if (!done.ok()) {
    bool none = done.error().kind == core::ErrorKind::kNotFound;
    return console_screen(state, request, session, http_status_for(done.error().kind),
                          none ? "scr_not_bound" : "server_error", "");
  }
  return redirect(std::string(kConsoleHref) + "?ket-qua=ngat-ket-noi");
}

// POST /can-bo/ho-so/{code}/man-hinh-phu: "Hiển thị cho người nộp".
HttpResponse push(WebState& state, HttpRequest& request, const app::StaffSession& session) {
  Language language = language_of(request);
  std::string code = request.path_params["code"];
  if (!csrf_matches(state, parse_form(request.body), session.csrf_token)) {
    return error_page(state, request, 403, "csrf_refused", session);
  }
  core::Status pushed = screens_of(state).push(session.staff, code);
  if (pushed.ok()) return redirect(case_href(code) + "?man-hinh-phu=da-hien-thi#fees");
  core::ErrorKind kind = pushed.error().kind;
  std::string_view key = kind == core::ErrorKind::kForbidden      ? "scr_push_not_bound"
                         : kind == core::ErrorKind::kNotFound     ? "case_not_found"
                         : kind == core::ErrorKind::kInvalidInput ? "scr_push_nothing_due"
                                                                  : "server_error";
  TemplateData data;
  data.set("message", std::string(text(language, key)));
  if (kind == core::ErrorKind::kForbidden) {
    data.set("back_href", kConsoleHref);
    data.set("back_label", std::string(text(language, "scr_title")));
  } else {
    data.set("back_href", case_href(code));
    data.set("back_label", std::string(text(language, "scr_back_to_case")));
  }
  return console_page(state, request, http_status_for(kind),
                      std::string(text(language, "scr_push")), "counter_screen_refused", data,
                      session);
}

}  // namespace

void add_counter_screen_push(const HttpRequest& request, TemplateData& data,
                             std::string_view case_code, bool outstanding) {
  if (outstanding) data.set("screen_push_action", case_href(case_code) + "/man-hinh-phu");
  if (request.query_value("man-hinh-phu") == "da-hien-thi") {
    data.set("screen_notice", std::string(text(language_of(request), "scr_pushed_ok")));
  }
}

void add_counter_screen_routes(WebState& state) {
  state.router.add("GET", kScreenPath, [&state](HttpRequest& r) { return screen_page(state, r); });
  state.router.add("GET", std::string(kScreenPath) + "/trang-thai",
                   [&state](HttpRequest& r) { return screen_state(state, r); });
  state.router.add("GET", kConsoleHref,
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return console_screen(state, r, s, 200, "", "");
                   }));
  state.router.add("POST", std::string(kConsoleHref) + "/ghep-noi",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return pair(state, r, s);
                   }));
  state.router.add("POST", std::string(kConsoleHref) + "/ngat-ket-noi",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return unpair(state, r, s);
                   }));
  state.router.add("POST", "/can-bo/ho-so/{code}/man-hinh-phu",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return push(state, r, s);
                   }));
}

}  // namespace motcua::adapters::web
