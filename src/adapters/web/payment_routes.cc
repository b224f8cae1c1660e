// The payer's side of an online payment, and the platform's confirmations:
//   GET  /tt/{code}/{token}              the QR's stable link: open or reuse the platform
//                                        transaction for what is outstanding, redirect to it
//   GET  /thanh-toan/ket-qua             where the platform sends the payer back
//   GET  /tt/{code}/{token}/bien-lai/{id} "Thông tin biên lai thanh toán" for the payer
//   GET  /tt/{code}/{token}/bien-lai/{id}/pdf  the same receipt as a PDF
//   POST /api/v1/payment-platform/callbacks  signed confirmations (no session, no CSRF token:
//                                        the signature is the credential)
#include <optional>
#include <string>

#include "adapters/web/case_table.h"
#include "adapters/web/page_support.h"
#include "adapters/web/payment_views.h"
#include "adapters/web/printed_pages.h"
#include "adapters/web/public_site.h"
#include "core/money.h"
#include "core/personal_id.h"

namespace motcua::adapters::web {
namespace {

HttpResponse message_page(WebState& state, const HttpRequest& request, int status,
                          std::string_view message_key) {
  Language language = language_of(request);
  std::string title(text(language, "pub_online_payment"));
  TemplateData data;
  data.set("heading", title);
  data.set("message", std::string(text(language, message_key)));
  return public_page(state, request, status, title, "public_message", data);
}

// Every page behind a pay link first checks its token; a wrong one answers as an unknown case.
bool link_holder(WebState& state, const HttpRequest& request) {
  return payment_link_valid(state, request.path_params.at("code"), request.path_params.at("token"));
}

HttpResponse pay_link(WebState& state, const HttpRequest& request) {
  if (!link_holder(state, request)) return message_page(state, request, 404, "pub_case_not_found");
  if (state.deps.payments == nullptr) {
    return message_page(state, request, 503, "pay_platform_unavailable");
  }
  core::Result<app::PaymentStart> started =
      state.deps.payments->start(request.path_params.at("code"));
  if (!started.ok()) {
    switch (started.error().kind) {
      case core::ErrorKind::kNotFound:
        return message_page(state, request, 404, "pub_case_not_found");
      case core::ErrorKind::kUnavailable:
        return message_page(state, request, 503, "pay_platform_unavailable");
      default:
        return message_page(state, request, http_status_for(started.error().kind), "server_error");
    }
  }
  if (started->nothing_due) return message_page(state, request, 200, "pub_all_paid");
  return redirect(started->payment_url);
}

// The return page. Its URL carries the case's pay-link token (OnlinePaymentSettings::
// return_url), so a guessed reference shows nothing.
HttpResponse return_page(WebState& state, const HttpRequest& request) {
  std::string code = request.query_value("ma");
  std::string reference = request.query_value("ref");
  if (code.empty() || reference.empty() ||
      !payment_link_valid(state, code, request.query_value("t"))) {
    return message_page(state, request, 404, "pay_request_not_found");
  }
  if (state.deps.payments == nullptr) {
    return message_page(state, request, 503, "pay_platform_unavailable");
  }
  // Still pending (the callback may trail the payer's browser): one status query.
  core::Result<app::PaymentRequestView> view = state.deps.payments->refresh(reference);
  if (!view.ok() || view->case_code != code) {
    bool missing = !view.ok() ? view.error().kind == core::ErrorKind::kNotFound : true;
    return message_page(state, request, missing ? 404 : http_status_for(view.error().kind),
                        missing ? "pay_request_not_found" : "server_error");
  }
  Language language = language_of(request);
  TemplateData data;
  data.set("state", view->state_label);
  data.set("succeeded", view->state == core::PaymentState::kSucceeded);
  data.set("pending", view->state == core::PaymentState::kPending ||
                          view->state == core::PaymentState::kCreated);
  data.set("code", view->case_code);
  data.set("reference", view->reference);
  data.set("amount", core::format_vnd(view->amount));
  if (view->settled_at) data.set("paid_at", shown_at(*view->settled_at));
  std::string link = payment_link_path(state, code);
  if (view->receipt_id) {
    data.set("receipt_href", link + "/bien-lai/" + std::to_string(*view->receipt_id) + "/pdf");
    data.set("receipt_number", view->receipt_series + " " + view->receipt_number);
  }
  data.set("reload_href", request.target);
  data.set("pay_again_href", "/thanh-toan?ma=" + code);
  return public_page(state, request, 200, std::string(text(language, "pay_result_title")),
                     "public_payment_result", data);
}

// The receipt {id} of the case {code} behind the case's pay link, as the public may see it,
// or the page to answer instead.
struct PublicReceipt {
  std::optional<app::ReceiptView> receipt;
  HttpResponse refusal;
};

PublicReceipt find_public_receipt(WebState& state, const HttpRequest& request) {
  if (!link_holder(state, request))
    return {{}, message_page(state, request, 404, "pub_case_not_found")};
  std::optional<std::int64_t> id = number_of(request.path_params.at("id"));
  if (!id || *id <= 0 || state.deps.payments == nullptr) {
    return {{}, message_page(state, request, 404, "pay_receipt_unavailable")};
  }
  core::Result<app::ReceiptView> receipt = state.deps.payments->receipt(*id);
  if (!receipt.ok() || receipt->case_code != request.path_params.at("code")) {
    bool missing = !receipt.ok() ? receipt.error().kind == core::ErrorKind::kNotFound : true;
    return {{},
            message_page(state, request, missing ? 404 : http_status_for(receipt.error().kind),
                         missing ? "pay_receipt_unavailable" : "server_error")};
  }
  // A public page shows no more of an ID number than its last four digits (DESIGN §2).
  app::ReceiptView shown = std::move(receipt).value();
  shown.payer_id_number = core::mask_personal_id(shown.payer_id_number);
  shown.payer_address.clear();  // anyone with the code reaches this page: no home address
  return {std::move(shown), {}};
}

HttpResponse public_receipt(WebState& state, const HttpRequest& request) {
  PublicReceipt found = find_public_receipt(state, request);
  if (!found.receipt) return found.refusal;
  Language language = language_of(request);
  TemplateData data = receipt_data(*found.receipt);
  data.set("pdf_href", payment_link_path(state, found.receipt->case_code) + "/bien-lai/" +
                           std::to_string(found.receipt->id) + "/pdf");
  data.set("verification_url", receipt_verification_path(state, found.receipt->id));
  return public_page(state, request, 200, std::string(text(language, "pay_receipt_page")),
                     "receipt", data);
}

// The same receipt as a PDF, masked alike: the pay link is printed on paper, so its holder
// may be anyone.
HttpResponse public_receipt_pdf(WebState& state, const HttpRequest& request) {
  PublicReceipt found = find_public_receipt(state, request);
  if (!found.receipt) return found.refusal;
  if (state.deps.documents == nullptr) return message_page(state, request, 503, "doc_unavailable");
  std::string url = receipt_verification_url(state, found.receipt->id);
  core::Result<std::string> pdf = state.deps.documents->receipt_pdf({*found.receipt, url});
  if (!pdf.ok()) {
    return message_page(state, request, http_status_for(pdf.error().kind), "doc_failed");
  }
  return pdf_response(std::move(pdf).value(),
                      pdf_filename("bien-lai-", found.receipt->series, found.receipt->number));
}

// The protocol's answer: HTTP status and two-digit code.
HttpResponse callback_answer(int status, std::string_view code, std::string_view message) {
  std::string body =
      R"({"code":")" + std::string(code) + R"(","message":")" + std::string(message) + R"("})";
  return HttpResponse::json(status, std::move(body));
}

HttpResponse platform_callback(WebState& state, const HttpRequest& request) {
  if (state.deps.payments == nullptr || state.deps.callback_reader == nullptr) {
    return callback_answer(503, "99", "payments are not configured");
  }
  app::CallbackEnvelope envelope{request.method, request.target, {}, request.body};
  for (const auto& [name, value] : request.headers) envelope.headers.emplace_back(name, value);
  app::CallbackReading reading = state.deps.callback_reader->read(envelope);
  switch (reading.check) {
    case app::CallbackCheck::kValid:
      break;
    case app::CallbackCheck::kBadSignature:
      (void)state.deps.payments->record_refused(request.body, reading.reason);
      return callback_answer(401, "01", "bad signature");
    case app::CallbackCheck::kStale:
      (void)state.deps.payments->record_refused(request.body, reading.reason);
      return callback_answer(401, "02", "timestamp outside the window or nonce replayed");
    case app::CallbackCheck::kMalformed:
      (void)state.deps.payments->record_refused(request.body, reading.reason);
      return callback_answer(422, "04", "not a readable event");
  }
  core::Result<app::ApplyResult> applied =
      state.deps.payments->apply(reading.outcome, request.body);
  if (applied.ok()) return callback_answer(200, "00", app::to_string(applied->verdict));
  switch (applied.error().kind) {
    case core::ErrorKind::kNotFound:
      return callback_answer(404, "03", "unknown transaction");
    case core::ErrorKind::kInvalidInput:
      return callback_answer(422, "04", "amount or currency differs from the request");
    default:
      return callback_answer(503, "99", "not stored now; retry");
  }
}

}  // namespace

void add_payment_routes(WebState& state) {
  state.router.add("GET", "/tt/{code}/{token}",
                   [&state](HttpRequest& r) { return pay_link(state, r); });
  state.router.add("GET", "/tt/{code}/{token}/bien-lai/{id}",
                   [&state](HttpRequest& r) { return public_receipt(state, r); });
  state.router.add("GET", "/tt/{code}/{token}/bien-lai/{id}/pdf",
                   [&state](HttpRequest& r) { return public_receipt_pdf(state, r); });
  state.router.add("GET", "/thanh-toan/ket-qua",
                   [&state](HttpRequest& r) { return return_page(state, r); });
  state.router.add("POST", "/api/v1/payment-platform/callbacks",
                   [&state](HttpRequest& r) { return platform_callback(state, r); });
}

}  // namespace motcua::adapters::web
