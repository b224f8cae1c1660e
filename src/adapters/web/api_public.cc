// GET /api/v1/public/cases/{code}/payment: the payment page's facts as JSON, for anyone, no
// session; limited per client address like the page, and as neutral about unknown codes.
#include <boost/json.hpp>

#include "adapters/web/api_support.h"
#include "adapters/web/public_site.h"
#include "app/public_payment.h"

namespace motcua::adapters::web {
namespace {

namespace json = boost::json;

HttpResponse case_payment(WebState& state, const HttpRequest& request) {
  Language language = api_language(request);
  if (!allow_public_lookup(state, request)) {
    HttpResponse r = problem(request, 429, "public_rate_limited",
                             std::string(text(language, "pub_too_many_lookups")));
    r.with_header("Retry-After", "60");
    return r;
  }
  core::Result<app::PublicPayment> found =
      app::find_public_payment(state.deps.store, request.path_params.at("code"));
  if (!found.ok()) {
    if (found.error().kind != core::ErrorKind::kNotFound)
      return problem_for(request, found.error());
    return problem(request, 404, "not_found", std::string(text(language, "pub_case_not_found")));
  }
  const app::PublicPayment& p = *found;
  json::object body;
  body["case_code"] = p.case_code;
  body["payer_name"] = p.payer_name;
  body["payer_id_masked"] = p.payer_id_masked;
  body["content"] = p.content;
  body["amount_due"] = p.amount_due.in_dong();
  body["currency"] = "VND";
  // Only something outstanding can be paid; null tells the client there is nothing to do.
  std::string url = p.amount_due.in_dong() > 0 ? payment_link_url(state, p.case_code) : "";
  if (!url.empty()) {
    body["pay_url"] = url;
  } else {
    body["pay_url"] = nullptr;
  }
  return json_response(200, body);
}

}  // namespace

void add_api_public_routes(WebState& state) {
  state.router.add("GET", "/api/v1/public/cases/{code}/payment",
                   [&state](HttpRequest& r) { return case_payment(state, r); });
}

}  // namespace motcua::adapters::web
