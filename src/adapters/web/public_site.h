#pragma once
// The public site (cổng dịch vụ công): its layout, the pay links the QR codes carry, and the
// per-address limit on typed case codes. Pages in public_pages.cc, the JSON in api_public.cc.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "adapters/web/template_data.h"
#include "adapters/web/web_state.h"
#include "app/payment_links.h"

namespace motcua::adapters::web {

// Routes: "/", "/thanh-toan", the honest "not built yet" pages of the menu, and
// GET /api/v1/public/cases/{code}/payment.
void add_public_routes(WebState& state);

// The payer's side of a payment (payment_routes.cc): the pay link "/tt/{code}/{token}" (opens
// or reuses the platform transaction and redirects to it), the return page
// "/thanh-toan/ket-qua", the receipt "/tt/{code}/{token}/bien-lai/{id}", and the platform's
// callback POST /api/v1/payment-platform/callbacks.
void add_payment_routes(WebState& state);
void add_api_public_routes(WebState& state);

// "/tt/<code>/<token>" for `case_code` (the code percent-encoded where it is not URL-safe);
// empty when the application has no PaymentLinks.
std::string payment_link_path(WebState& state, std::string_view case_code);

// deps.public_base_url + payment_link_path: what the QR code and the "Thanh toán" button
// carry. Empty when the application has no PaymentLinks.
std::string payment_link_url(WebState& state, std::string_view case_code);

// The payer's return URL for OnlinePaymentSettings::return_url: the return page under the
// case's pay-link token ("<base>/thanh-toan/ket-qua?ma=<code>&t=<token>&ref=<reference>"), so
// that page shows the payment and its receipt link to the payer only. `links` must outlive it.
std::function<std::string(std::string_view, std::string_view)> payment_return_url(
    const app::PaymentLinks& links, std::string public_base_url);

// Whether `token` is the pay-link token of `case_code` (false without PaymentLinks). The
// /tt/{code}/{token} route checks this before anything else.
bool payment_link_valid(WebState& state, std::string_view case_code, std::string_view token);

// A receipt's public verification page, "/bien-lai/<id>/<token>" (issue 7): the receipt's QR
// carries its URL. The token is the PaymentLinks token of the subject "bien-lai/<id>", which no
// case code can equal (case codes have no '/'), so it is unguessable and needs no storage.
// Empty without PaymentLinks.
std::string receipt_verification_path(WebState& state, std::int64_t receipt_id);
// deps.public_base_url + receipt_verification_path.
std::string receipt_verification_url(WebState& state, std::int64_t receipt_id);
bool receipt_verification_valid(WebState& state, std::int64_t receipt_id, std::string_view token);

// The QR code of payment_link_url(case_code) as an inline <svg> (escaped, safe to emit
// unescaped in a template), titled for screen readers in `language`; empty without
// PaymentLinks or deps.qr_codes, or when the URL cannot be encoded.
std::string payment_qr_svg(WebState& state, Language language, std::string_view case_code);

// The client's address: the socket peer, or, when that peer is deps.trusted_proxy, the last
// address in X-Forwarded-For (the one the proxy appended; earlier ones the client may forge).
std::string client_address(WebState& state, const HttpRequest& request);

// Counts one typed-code lookup of the request's client (client_address). False when the
// client is over deps.public_lookups_per_minute.
bool allow_public_lookup(WebState& state, const HttpRequest& request);

// A public page: `content_template` rendered inside the public layout (header, menu with
// "Hỗ trợ", footer). `data` gets the messages as {{t.*}}.
HttpResponse public_page(WebState& state, const HttpRequest& request, int status,
                         const std::string& title, const std::string& content_template,
                         TemplateData data);

}  // namespace motcua::adapters::web
