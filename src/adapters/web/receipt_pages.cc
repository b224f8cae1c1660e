// "Xem biên lai" in the console: a receipt of a case the officer may read, as a page and as
// its PDF.
#include <optional>
#include <string>

#include "adapters/web/case_table.h"
#include "adapters/web/console_pages.h"
#include "adapters/web/page_support.h"
#include "adapters/web/payment_views.h"
#include "adapters/web/printed_pages.h"
#include "adapters/web/public_site.h"
#include "app/case_lookup.h"

namespace motcua::adapters::web {
namespace {

// The receipt {id} of the case {code}, or the page to answer instead.
struct FoundReceipt {
  std::optional<app::ReceiptView> receipt;
  HttpResponse refusal;
};

FoundReceipt find_receipt(WebState& state, const HttpRequest& request,
                          const app::StaffSession& session) {
  const std::string& code = request.path_params.at("code");
  // The case's scope decides: a receipt of a case the officer may not read is not found.
  core::Result<app::CaseDetail> detail =
      app::CaseLookup(state.deps.store, state.deps.clock).open_case(session.staff, code);
  if (!detail.ok()) return {{}, case_unavailable_page(state, request, detail.error(), session)};
  std::optional<std::int64_t> id = number_of(request.path_params.at("id"));
  if (!id || *id <= 0 || state.deps.payments == nullptr) {
    return {{}, error_page(state, request, 404, "pay_receipt_unavailable", session)};
  }
  core::Result<app::ReceiptView> receipt = state.deps.payments->receipt(*id);
  if (!receipt.ok() && receipt.error().kind != core::ErrorKind::kNotFound) {
    return {
        {},
        error_page(state, request, http_status_for(receipt.error().kind), "server_error", session)};
  }
  if (!receipt.ok() || receipt->case_code != code) {
    return {{}, error_page(state, request, 404, "pay_receipt_unavailable", session)};
  }
  return {std::move(receipt).value(), {}};
}

HttpResponse receipt_page(WebState& state, const HttpRequest& request,
                          const app::StaffSession& session) {
  FoundReceipt found = find_receipt(state, request, session);
  if (!found.receipt) return found.refusal;
  Language language = language_of(request);
  TemplateData data = receipt_data(*found.receipt);
  data.set("pdf_href", case_href(found.receipt->case_code) + "/bien-lai/" +
                           std::to_string(found.receipt->id) + "/pdf");
  return console_page(state, request, 200, std::string(text(language, "pay_receipt_page")),
                      "receipt", data, session);
}

HttpResponse receipt_pdf(WebState& state, const HttpRequest& request,
                         const app::StaffSession& session) {
  FoundReceipt found = find_receipt(state, request, session);
  if (!found.receipt) return found.refusal;
  const app::ReceiptView& receipt = *found.receipt;
  return console_pdf(
      state, request, session, pdf_filename("bien-lai-", receipt.series, receipt.number),
      [&](const app::PrintedDocuments& documents) {
        return documents.receipt_pdf({receipt, receipt_verification_url(state, receipt.id)});
      });
}

}  // namespace

void add_receipt_routes(WebState& state) {
  state.router.add("GET", "/can-bo/ho-so/{code}/bien-lai/{id}",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return receipt_page(state, r, s);
                   }));
  state.router.add("GET", "/can-bo/ho-so/{code}/bien-lai/{id}/pdf",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return receipt_pdf(state, r, s);
                   }));
}

}  // namespace motcua::adapters::web
