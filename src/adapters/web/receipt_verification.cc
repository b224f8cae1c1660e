// GET /bien-lai/{id}/{token}: the page a receipt's QR opens, for anyone (no session). It shows
// the receipt's essentials as stored (the payer's ID masked, no address) and the verdict:
// valid, tampered (the signature does not hold over what is stored now), cancelled, or
// replaced. A wrong token and an unknown receipt get the same neutral 404.
#include <optional>
#include <string>

#include "adapters/web/case_table.h"
#include "adapters/web/page_support.h"
#include "adapters/web/payment_views.h"
#include "adapters/web/public_site.h"
#include "adapters/web/receipt_views.h"
#include "core/money.h"
#include "core/personal_id.h"

namespace motcua::adapters::web {
namespace {

HttpResponse not_found(WebState& state, const HttpRequest& request) {
  Language language = language_of(request);
  std::string title(text(language, "rcpt_verify_page"));
  TemplateData data;
  data.set("heading", title);
  data.set("message", std::string(text(language, "pay_receipt_unavailable")));
  return public_page(state, request, 404, title, "public_message", data);
}

HttpResponse verification_page(WebState& state, const HttpRequest& request) {
  std::optional<std::int64_t> id = number_of(request.path_params.at("id"));
  if (!id || *id <= 0 || !receipt_verification_valid(state, *id, request.path_params.at("token"))) {
    return not_found(state, request);
  }
  core::Result<app::ReceiptStatus> found =
      app::ReceiptLifecycle(state.deps.store, state.deps.clock, state.deps.receipt_signer)
          .status(*id);
  if (!found.ok()) {
    if (found.error().kind == core::ErrorKind::kNotFound) return not_found(state, request);
    Language language = language_of(request);
    TemplateData data;
    data.set("heading", std::string(text(language, "rcpt_verify_page")));
    data.set("message", std::string(text(language, "server_error")));
    return public_page(state, request, http_status_for(found.error().kind),
                       std::string(text(language, "rcpt_verify_page")), "public_message", data);
  }
  const app::ReceiptRecord& r = found->receipt;
  Language language = language_of(request);
  TemplateData data;
  data.set("unit_name", r.unit_name);
  data.set("form_symbol", r.form_symbol);
  data.set("series", r.series);
  data.set("number", receipt_number_text(r.number));
  data.set("issued_at", shown_at(r.issued_at));
  data.set("amount", core::format_vnd(r.amount));
  data.set("case_code", r.case_code);
  data.set("payer_name", r.payer_name);
  data.set("payer_id_masked", core::mask_personal_id(r.payer_id_number));
  add_receipt_state(data, language, *found, [&state](std::int64_t other) {
    return receipt_verification_path(state, other);
  });
  // The signature first: a receipt whose stored content changed says so, whatever its state.
  // A receipt issued before receipts were signed (migration 5) has no signature to check.
  std::string verdict = "valid";
  if (r.key_id.empty() || r.signature.empty()) {
    verdict = "unsigned";
  } else if (!found->signature_holds) {
    verdict = "tampered";
  } else if (r.state == core::ReceiptState::kCancelled) {
    verdict = "cancelled";
  } else if (r.state == core::ReceiptState::kReplaced) {
    verdict = "replaced";
  }
  data.set("verdict", verdict);
  data.set("verdict_" + verdict, true);
  data.set("key_id", r.key_id);
  return public_page(state, request, 200, std::string(text(language, "rcpt_verify_page")),
                     "receipt_verification", data);
}

}  // namespace

void add_receipt_verification_routes(WebState& state) {
  state.router.add("GET", "/bien-lai/{id}/{token}",
                   [&state](HttpRequest& r) { return verification_page(state, r); });
}

}  // namespace motcua::adapters::web
