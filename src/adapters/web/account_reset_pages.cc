// "Quên mật khẩu" and "Đặt lại mật khẩu" (app/password_reset.h). The request's answer is the
// same whether the number has an account or not; only the per-address limit shows (429).
#include "adapters/web/account_pages.h"
#include "adapters/web/case_table.h"
#include "adapters/web/form.h"
#include "adapters/web/page_support.h"
#include "adapters/web/public_site.h"

namespace motcua::adapters::web {
namespace {

HttpResponse forgot_form(WebState& state, const HttpRequest& request, int status,
                         const std::string& id_number,
                         const std::vector<core::AccountFieldProblem>& problems,
                         std::string_view error_key = "") {
  Language language = language_of(request);
  TemplateData data;
  data.set("so_dinh_danh", id_number);
  set_problems(data, language, problems);
  if (!error_key.empty()) data.set("error", std::string(text(language, error_key)));
  return visitor_form(state, request, status, "acc_forgot_title", "citizen_forgot_password", data);
}

HttpResponse request_code(WebState& state, AccountServices& services, HttpRequest& request) {
  auto form = parse_form(request.body);
  std::string id_number = form["so_dinh_danh"];
  if (!visitor_csrf_matches(state, request, form)) {
    return forgot_form(state, request, 403, id_number, {}, "acc_signed_out_csrf");
  }
  if (!services.reset) return account_failure(state, request, 503);
  if (id_number.find_first_not_of(" \t") == std::string::npos) {
    return forgot_form(state, request, 422, "",
                       {{core::AccountField::kIdNumber, core::AccountProblem::kRequired}});
  }
  if (!services.reset_requests.allow(client_address(state, request))) {
    HttpResponse page = forgot_form(state, request, 429, id_number, {}, "acc_too_many_requests");
    page.with_header("Retry-After", "3600");
    return page;
  }
  if (core::Status sent = services.reset->request(id_number); !sent.ok()) {
    return account_failure(state, request, http_status_for(sent.error().kind));
  }
  return redirect("/dat-lai-mat-khau?so_dinh_danh=" +
                  percent_encoded(core::account_lookup_id(id_number)) + "&da_gui=1");
}

HttpResponse reset_form(WebState& state, const HttpRequest& request, int status,
                        const std::string& id_number, const std::string& code,
                        const std::vector<core::AccountFieldProblem>& problems,
                        std::string_view error_key = "") {
  Language language = language_of(request);
  TemplateData data;
  data.set("so_dinh_danh", id_number);
  data.set("ma_xac_nhan", code);
  if (request.query_value("da_gui") == "1") {
    data.set("notice", std::string(text(language, "acc_code_sent")));
  }
  set_problems(data, language, problems);
  if (!error_key.empty()) data.set("error", std::string(text(language, error_key)));
  return visitor_form(state, request, status, "acc_reset_title", "citizen_reset_password", data);
}

HttpResponse reset_password(WebState& state, AccountServices& services, HttpRequest& request) {
  auto form = parse_form(request.body);
  std::string id_number = form["so_dinh_danh"];
  std::string code = form["ma_xac_nhan"];
  if (!visitor_csrf_matches(state, request, form)) {
    return reset_form(state, request, 403, id_number, code, {}, "acc_signed_out_csrf");
  }
  if (!services.reset) return account_failure(state, request, 503);
  std::vector<core::AccountFieldProblem> missing;
  if (id_number.find_first_not_of(" \t") == std::string::npos) {
    missing.push_back({core::AccountField::kIdNumber, core::AccountProblem::kRequired});
  }
  if (code.empty()) missing.push_back({core::AccountField::kCode, core::AccountProblem::kRequired});
  if (!missing.empty()) return reset_form(state, request, 422, id_number, code, missing);
  app::AccountResult<core::CitizenAccount> done =
      services.reset->reset(id_number, code, form["mat_khau"], form["mat_khau_nhap_lai"]);
  if (auto* refusal = std::get_if<app::AccountRefusal>(&done)) {
    if (refusal->problems.empty()) {
      return account_failure(state, request, http_status_for(refusal->error.kind));
    }
    return reset_form(state, request, 422, id_number, code, refusal->problems);
  }
  return redirect("/dang-nhap?da_dat_lai=1");
}

}  // namespace

void add_account_reset_routes(WebState& state, std::shared_ptr<AccountServices> services) {
  state.router.add("GET", "/quen-mat-khau", [&state](HttpRequest& r) {
    return forgot_form(state, r, 200, r.query_value("so_dinh_danh"), {});
  });
  state.router.add("POST", "/quen-mat-khau", [&state, services](HttpRequest& r) {
    return request_code(state, *services, r);
  });
  state.router.add("GET", "/dat-lai-mat-khau", [&state](HttpRequest& r) {
    return reset_form(state, r, 200, r.query_value("so_dinh_danh"), "", {});
  });
  state.router.add("POST", "/dat-lai-mat-khau", [&state, services](HttpRequest& r) {
    return reset_password(state, *services, r);
  });
}

}  // namespace motcua::adapters::web
