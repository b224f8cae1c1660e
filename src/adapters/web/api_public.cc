// GET /api/v1/public/cases/{code}/payment: the payment page's facts as JSON, for anyone, no
// session; limited per client address like the page, and as neutral about unknown codes.
// GET /api/v1/public/cases/{code}/receipts and /api/v1/public/receipt-keys (issue 7).
#include <boost/json.hpp>

#include "adapters/web/api_case_json.h"
#include "adapters/web/api_support.h"
#include "adapters/web/public_site.h"
#include "app/online_payment.h"
#include "app/public_payment.h"
#include "core/receipt_state.h"

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

// GET /api/v1/public/cases/{code}/receipts?t=<pay-link token>: the case's receipts, for the
// holder of its pay link (the QR's token) only; a wrong token is an unknown case.
HttpResponse case_receipts(WebState& state, const HttpRequest& request) {
  Language language = api_language(request);
  const std::string& code = request.path_params.at("code");
  std::string token = request.query_value("t");
  if (!payment_link_valid(state, code, token) || state.deps.payments == nullptr) {
    return problem(request, 404, "not_found", std::string(text(language, "pub_case_not_found")));
  }
  core::Result<app::CasePayments> payments = state.deps.payments->case_payments(code);
  if (!payments.ok()) {
    if (payments.error().kind != core::ErrorKind::kNotFound)
      return problem_for(request, payments.error());
    return problem(request, 404, "not_found", std::string(text(language, "pub_case_not_found")));
  }
  std::string link = state.deps.public_base_url + payment_link_path(state, code);
  json::array receipts;
  for (const app::ReceiptSummary& r : payments->receipts) {
    json::object item;
    item["id"] = r.id;
    item["form_symbol"] = r.form_symbol;
    item["series"] = r.series;
    item["number"] = r.number;
    item["amount"] = r.amount.in_dong();
    item["currency"] = "VND";
    item["issued_at"] = json_instant(r.issued_at);
    item["state"] = std::string(core::to_string(r.state));
    item["pdf_url"] = link + "/bien-lai/" + std::to_string(r.id) + "/pdf";
    item["verification_url"] = receipt_verification_url(state, r.id);
    receipts.push_back(std::move(item));
  }
  json::object body;
  body["case_code"] = payments->case_code;
  body["receipts"] = std::move(receipts);
  return json_response(200, body);
}

// GET /api/v1/public/receipt-keys: the Ed25519 public keys receipts are verified with.
HttpResponse receipt_keys(WebState& state) {
  json::array keys;
  if (state.deps.receipt_signer != nullptr) {
    for (const app::ReceiptPublicKey& key : state.deps.receipt_signer->public_keys()) {
      keys.push_back(json::object{{"key_id", key.key_id},
                                  {"algorithm", "Ed25519"},
                                  {"public_key", key.public_key},
                                  {"active", key.active}});
    }
  }
  json::object body;
  body["canonical_form"] = "motcua-receipt-v1";
  body["keys"] = std::move(keys);
  return json_response(200, body);
}

}  // namespace

void add_api_public_routes(WebState& state) {
  state.router.add("GET", "/api/v1/public/cases/{code}/payment",
                   [&state](HttpRequest& r) { return case_payment(state, r); });
  state.router.add("GET", "/api/v1/public/cases/{code}/receipts",
                   [&state](HttpRequest& r) { return case_receipts(state, r); });
  state.router.add("GET", "/api/v1/public/receipt-keys",
                   [&state](HttpRequest&) { return receipt_keys(state); });
}

}  // namespace motcua::adapters::web
