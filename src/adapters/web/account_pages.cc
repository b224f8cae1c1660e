// The portal's accounts: registration, sign-in and sign-out, and "Thông tin tài khoản". The
// password is one sign-in method: its page ends in app::VerifiedCitizen like any other will
// (the national e-ID later) and hands it to start_session, the one place a portal session
// and its cookie are made (docs/adr/0005-citizen-sign-in-seam.md).
#include "adapters/web/account_pages.h"

#include <array>

#include "adapters/web/case_table.h"
#include "adapters/web/form.h"
#include "adapters/web/page_support.h"
#include "adapters/web/public_site.h"
#include "core/civil_time.h"

namespace motcua::adapters::web {
namespace {

struct FieldName {
  core::AccountField field;
  std::string_view name;
};
constexpr std::array kFieldNames = {
    FieldName{core::AccountField::kKind, "loai"},
    FieldName{core::AccountField::kIdNumber, "so_dinh_danh"},
    FieldName{core::AccountField::kFullName, "ho_ten"},
    FieldName{core::AccountField::kPhone, "dien_thoai"},
    FieldName{core::AccountField::kEmail, "email"},
    FieldName{core::AccountField::kPassword, "mat_khau"},
    FieldName{core::AccountField::kPasswordAgain, "mat_khau_nhap_lai"},
    FieldName{core::AccountField::kCurrentPassword, "mat_khau_hien_tai"},
    FieldName{core::AccountField::kCode, "ma_xac_nhan"},
};

struct ProblemKey {
  core::AccountProblem problem;
  std::string_view key;
};
constexpr std::array kProblemKeys = {
    ProblemKey{core::AccountProblem::kCitizenIdShape, "acc_err_cccd"},
    ProblemKey{core::AccountProblem::kTaxCodeShape, "acc_err_mst"},
    ProblemKey{core::AccountProblem::kIdNumberTaken, "acc_err_taken"},
    ProblemKey{core::AccountProblem::kRequired, "acc_err_required"},
    ProblemKey{core::AccountProblem::kNotText, "acc_err_not_text"},
    ProblemKey{core::AccountProblem::kPhoneShape, "acc_err_phone"},
    ProblemKey{core::AccountProblem::kEmailShape, "acc_err_email"},
    ProblemKey{core::AccountProblem::kPasswordTooShort, "acc_err_password_short"},
    ProblemKey{core::AccountProblem::kPasswordIsIdNumber, "acc_err_password_id"},
    ProblemKey{core::AccountProblem::kPasswordOneCharacter, "acc_err_password_one"},
    ProblemKey{core::AccountProblem::kPasswordsDiffer, "acc_err_password_differ"},
    ProblemKey{core::AccountProblem::kCurrentPasswordWrong, "acc_err_current_password"},
    ProblemKey{core::AccountProblem::kCodeInvalid, "acc_err_code"},
};

std::string_view problem_key(core::AccountProblem problem) {
  for (const ProblemKey& p : kProblemKeys) {
    if (p.problem == problem) return p.key;
  }
  return "server_error";
}

// Where a signed-in citizen goes: the local `tiep`, else "Quản lý hồ sơ".
std::string destination(std::string_view tiep) {
  std::string local = local_target(tiep);
  return local.empty() ? "/quan-ly-ho-so" : local;
}

// Keeps the local `tiep` in a visitor's form (hidden field, and the links to the other form).
void keep_target(TemplateData& data, std::string_view tiep) {
  std::string local = local_target(tiep);
  if (local.empty()) return;
  data.set("tiep", local);
  data.set("tiep_query", percent_encoded(local));
}

// The one door from a verified identity to a portal session and its cookie.
HttpResponse start_session(WebState& state, const HttpRequest& request,
                           const app::VerifiedCitizen& verified, std::string_view tiep) {
  core::Result<app::CitizenSession> session = state.deps.citizen_sessions->open(verified.account);
  if (!session.ok()) return account_failure(state, request, http_status_for(session.error().kind));
  HttpResponse response = redirect(destination(tiep));
  response.with_header("Set-Cookie",
                       cookie_header(kCitizenCookie, session->token, state.deps.secure_cookies));
  return response;
}

// --- Đăng nhập ---

HttpResponse sign_in_form(WebState& state, const HttpRequest& request, int status,
                          const std::string& id_number, std::string_view tiep,
                          std::string_view error_key) {
  Language language = language_of(request);
  TemplateData data;
  data.set("so_dinh_danh", id_number);
  keep_target(data, tiep);
  if (!error_key.empty()) data.set("error", std::string(text(language, error_key)));
  if (request.query_value("da_dat_lai") == "1") {
    data.set("notice", std::string(text(language, "acc_reset_done")));
  }
  return visitor_form(state, request, status, "acc_sign_in_title", "citizen_sign_in", data);
}

HttpResponse sign_in(WebState& state, AccountServices& services, HttpRequest& request) {
  auto form = parse_form(request.body);
  std::string id_number = form["so_dinh_danh"];
  std::string tiep = form["tiep"];
  if (!visitor_csrf_matches(state, request, form)) {
    return sign_in_form(state, request, 403, id_number, tiep, "acc_signed_out_csrf");
  }
  if (!services.sign_in || state.deps.citizen_sessions == nullptr) {
    return account_failure(state, request, 503);
  }
  core::Result<app::VerifiedCitizen> verified =
      services.sign_in->verify(id_number, form["mat_khau"]);
  if (verified.ok()) return start_session(state, request, *verified, tiep);
  core::ErrorKind kind = verified.error().kind;
  if (kind == core::ErrorKind::kUnauthenticated) {
    return sign_in_form(state, request, 401, id_number, tiep, "acc_wrong_credentials");
  }
  if (kind != core::ErrorKind::kRateLimited) {
    return account_failure(state, request, http_status_for(kind));
  }
  HttpResponse page = sign_in_form(state, request, 429, id_number, tiep, "acc_locked");
  core::Result<std::optional<std::chrono::sys_seconds>> until =
      services.sign_in->locked_until(id_number);
  long long seconds = 60;
  if (until.ok() && until->has_value()) {
    seconds = std::max<long long>(1, (**until - state.deps.clock.now()).count());
  }
  page.with_header("Retry-After", std::to_string(seconds));
  return page;
}

// --- Đăng ký ---

HttpResponse register_form(WebState& state, const HttpRequest& request, int status,
                           const std::map<std::string, std::string>& typed,
                           const std::vector<core::AccountFieldProblem>& problems,
                           std::string_view error_key = "") {
  Language language = language_of(request);
  TemplateData data;
  auto value = [&](const char* name) {
    auto it = typed.find(name);
    return it == typed.end() ? std::string() : it->second;
  };
  for (const char* name : {"so_dinh_danh", "ho_ten", "dien_thoai", "email"}) {
    data.set(name, value(name));
  }
  std::string kind = value("loai");
  data.set("citizen", kind != "doanh-nghiep");
  data.set("business", kind == "doanh-nghiep");
  keep_target(data, value("tiep"));
  set_problems(data, language, problems);
  if (!error_key.empty()) data.set("error", std::string(text(language, error_key)));
  return visitor_form(state, request, status, "acc_register_title", "citizen_register", data);
}

HttpResponse register_account(WebState& state, AccountServices& services, HttpRequest& request) {
  auto form = parse_form(request.body);
  if (!visitor_csrf_matches(state, request, form)) {
    return register_form(state, request, 403, form, {}, "acc_signed_out_csrf");
  }
  if (!services.accounts || state.deps.citizen_sessions == nullptr) {
    return account_failure(state, request, 503);
  }
  std::string kind = form["loai"];
  if (kind != "cong-dan" && kind != "doanh-nghiep") {
    return register_form(state, request, 422, form,
                         {{core::AccountField::kKind, core::AccountProblem::kRequired}});
  }
  app::Registration registration{
      {kind == "cong-dan" ? core::AccountKind::kCitizen : core::AccountKind::kBusiness,
       form["so_dinh_danh"], form["ho_ten"], form["dien_thoai"], form["email"]},
      form["mat_khau"],
      form["mat_khau_nhap_lai"]};
  app::AccountResult<core::CitizenAccount> made =
      services.accounts->register_account(std::move(registration));
  if (auto* refusal = std::get_if<app::AccountRefusal>(&made)) {
    if (refusal->problems.empty()) {
      return account_failure(state, request, http_status_for(refusal->error.kind));
    }
    return register_form(state, request,
                         refusal->error.kind == core::ErrorKind::kConflict ? 409 : 422, form,
                         refusal->problems);
  }
  return start_session(state, request,
                       app::VerifiedCitizen{std::get<core::CitizenAccount>(made), "registration"},
                       form["tiep"]);
}

// --- Đăng xuất ---

HttpResponse sign_out(WebState& state, HttpRequest& request) {
  std::optional<app::CitizenSession> session = signed_in_citizen(state, request);
  if (!session) return redirect("/");
  if (!csrf_matches(state, parse_form(request.body), session->csrf_token)) {
    Language language = language_of(request);
    TemplateData data;
    data.set("heading", std::string(text(language, "pub_sign_out")));
    data.set("message", std::string(text(language, "acc_signed_out_csrf")));
    return public_page(state, request, 403, std::string(text(language, "pub_sign_out")),
                       "public_message", data);
  }
  (void)state.deps.citizen_sessions->close(session->token);
  HttpResponse response = redirect("/");
  response.with_header("Set-Cookie",
                       cookie_header(kCitizenCookie, "", state.deps.secure_cookies, 0));
  return response;
}

// --- Thông tin tài khoản ---

HttpResponse account_page(WebState& state, const HttpRequest& request,
                          const app::CitizenSession& session, int status,
                          const std::map<std::string, std::string>& typed,
                          const std::vector<core::AccountFieldProblem>& problems,
                          std::string_view error_key = "") {
  Language language = language_of(request);
  const core::CitizenAccount& a = session.citizen;
  TemplateData data;
  data.set("csrf", session.csrf_token);
  data.set("kind", std::string(text(language, a.kind == core::AccountKind::kCitizen
                                                  ? "acc_kind_citizen"
                                                  : "acc_kind_business")));
  data.set("id_number", a.id_number);
  data.set("full_name", a.full_name);
  if (a.created_at.time_since_epoch().count() > 0) {
    data.set("created", core::format_display_date_time(core::to_vietnam_local(a.created_at)));
  }
  auto typed_or = [&](const char* name, const std::string& stored) {
    auto it = typed.find(name);
    return it == typed.end() ? stored : it->second;
  };
  data.set("dien_thoai", typed_or("dien_thoai", a.phone));
  data.set("email", typed_or("email", a.email));
  std::string saved = request.query_value("da_luu");
  if (saved == "lien-he") data.set("notice", std::string(text(language, "acc_contact_saved")));
  if (saved == "mat-khau") data.set("notice", std::string(text(language, "acc_password_saved")));
  set_problems(data, language, problems);
  if (!error_key.empty()) data.set("error", std::string(text(language, error_key)));
  return public_page(state, request, status, std::string(text(language, "acc_account_title")),
                     "citizen_account", data);
}

// The POSTs of the account page: CSRF, then `change`, then back to the page.
template <typename Change>
HttpResponse account_change(WebState& state, HttpRequest& request,
                            const app::CitizenSession& session, const char* saved, Change change) {
  auto form = parse_form(request.body);
  if (!csrf_matches(state, form, session.csrf_token)) {
    return account_page(state, request, session, 403, {}, {}, "acc_signed_out_csrf");
  }
  app::AccountResult<core::CitizenAccount> changed = change(form);
  if (auto* refusal = std::get_if<app::AccountRefusal>(&changed)) {
    if (refusal->problems.empty()) {
      return account_failure(state, request, http_status_for(refusal->error.kind));
    }
    form.erase("mat_khau");
    form.erase("mat_khau_nhap_lai");
    form.erase("mat_khau_hien_tai");
    return account_page(state, request, session, 422, form, refusal->problems);
  }
  return redirect(std::string("/tai-khoan?da_luu=") + saved);
}

}  // namespace

AccountServices::AccountServices(WebState& state)
    : reset_requests(state.deps.clock, kResetRequestsPerHour, std::chrono::hours(1)) {
  WebDependencies& d = state.deps;
  if (d.password_hasher == nullptr) return;
  accounts = std::make_unique<app::CitizenAccounts>(d.store, *d.password_hasher, d.clock);
  if (d.web_sessions == nullptr) return;
  sign_in =
      std::make_unique<app::PasswordSignIn>(d.store, *d.web_sessions, *d.password_hasher, d.clock);
  if (d.outbox == nullptr) return;
  reset = std::make_unique<app::PasswordReset>(d.store, *d.web_sessions, *d.password_hasher,
                                               d.tokens, *d.outbox, d.clock);
}

std::string_view form_field(core::AccountField field) {
  for (const FieldName& f : kFieldNames) {
    if (f.field == field) return f.name;
  }
  return "";
}

void set_problems(TemplateData& data, Language language,
                  const std::vector<core::AccountFieldProblem>& problems) {
  if (problems.empty()) return;
  data.set("error", std::string(text(language, "acc_fix_below")));
  for (const core::AccountFieldProblem& p : problems) {
    std::string key = "err_" + std::string(form_field(p.field));
    std::string_view message_key =
        p.field == core::AccountField::kKind && p.problem == core::AccountProblem::kRequired
            ? "acc_err_kind"
            : problem_key(p.problem);
    data.set(key, std::string(text(language, message_key)));
  }
}

std::string local_target(std::string_view tiep) {
  if (tiep.empty() || tiep[0] != '/') return "";
  if (tiep.size() > 1 && (tiep[1] == '/' || tiep[1] == '\\')) return "";
  if (tiep.find_first_of("\r\n") != std::string_view::npos) return "";
  return std::string(tiep);
}

std::string visitor_csrf(WebState& state, const HttpRequest& request, bool& fresh) {
  auto cookies = parse_cookies(request);
  std::string csrf = cookies[kLoginCsrfCookie];
  fresh = csrf.empty();
  if (fresh) csrf = state.deps.tokens.new_token();
  return csrf;
}

HttpResponse visitor_form(WebState& state, const HttpRequest& request, int status,
                          std::string_view title_key, const std::string& content_template,
                          TemplateData data) {
  bool fresh = false;
  std::string csrf = visitor_csrf(state, request, fresh);
  data.set("csrf", csrf);
  HttpResponse page =
      public_page(state, request, status, std::string(text(language_of(request), title_key)),
                  content_template, std::move(data));
  if (fresh) {
    page.with_header("Set-Cookie",
                     cookie_header(kLoginCsrfCookie, csrf, state.deps.secure_cookies));
  }
  return page;
}

bool visitor_csrf_matches(WebState& state, const HttpRequest& request,
                          const std::map<std::string, std::string>& form) {
  return csrf_matches(state, form, parse_cookies(request)[kLoginCsrfCookie]);
}

HttpResponse account_failure(WebState& state, const HttpRequest& request, int status) {
  Language language = language_of(request);
  std::string_view key = status == 503 ? "acc_unavailable" : "server_error";
  TemplateData data;
  data.set("heading", std::string(text(language, key)));
  data.set("message", std::string(text(language, key)));
  return public_page(state, request, status, std::string(text(language, key)), "public_message",
                     data);
}

void add_account_routes(WebState& state) {
  auto services = std::make_shared<AccountServices>(state);
  state.router.add("GET", "/dang-nhap", [&state](HttpRequest& r) {
    std::string tiep = r.query_value("tiep");
    if (signed_in_citizen(state, r)) return redirect(destination(tiep));
    return sign_in_form(state, r, 200, "", tiep, "");
  });
  state.router.add("POST", "/dang-nhap",
                   [&state, services](HttpRequest& r) { return sign_in(state, *services, r); });
  state.router.add("GET", "/dang-ky", [&state](HttpRequest& r) {
    if (signed_in_citizen(state, r)) return redirect(destination(r.query_value("tiep")));
    std::map<std::string, std::string> typed{{"tiep", r.query_value("tiep")},
                                             {"loai", r.query_value("loai")}};
    return register_form(state, r, 200, typed, {});
  });
  state.router.add("POST", "/dang-ky", [&state, services](HttpRequest& r) {
    return register_account(state, *services, r);
  });
  state.router.add("POST", "/dang-xuat", [&state](HttpRequest& r) { return sign_out(state, r); });
  state.router.add("GET", "/tai-khoan",
                   citizen_only(state, [&state](HttpRequest& r, const app::CitizenSession& s) {
                     return account_page(state, r, s, 200, {}, {});
                   }));
  state.router.add(
      "POST", "/tai-khoan/lien-he",
      citizen_only(state, [&state, services](HttpRequest& r, const app::CitizenSession& s) {
        return account_change(state, r, s, "lien-he", [&](auto& form) {
          if (!services->accounts) {
            return app::AccountResult<core::CitizenAccount>(app::AccountRefusal{
                core::Error{core::ErrorKind::kUnavailable, "no password hasher"}, {}});
          }
          return services->accounts->change_contact(s.citizen, form["dien_thoai"], form["email"]);
        });
      }));
  state.router.add(
      "POST", "/tai-khoan/mat-khau",
      citizen_only(state, [&state, services](HttpRequest& r, const app::CitizenSession& s) {
        return account_change(state, r, s, "mat-khau", [&](auto& form) {
          if (!services->accounts) {
            return app::AccountResult<core::CitizenAccount>(app::AccountRefusal{
                core::Error{core::ErrorKind::kUnavailable, "no password hasher"}, {}});
          }
          return services->accounts->change_password(s.citizen, form["mat_khau_hien_tai"],
                                                     form["mat_khau"], form["mat_khau_nhap_lai"]);
        });
      }));
  add_account_reset_routes(state, services);
}

}  // namespace motcua::adapters::web
