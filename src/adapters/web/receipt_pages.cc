// "Xem biên lai" in the console: a receipt of a case the officer may read.
#include <optional>
#include <string>

#include "adapters/web/case_table.h"
#include "adapters/web/console_pages.h"
#include "adapters/web/page_support.h"
#include "adapters/web/payment_views.h"
#include "app/case_lookup.h"

namespace motcua::adapters::web {
namespace {

HttpResponse receipt_page(WebState& state, const HttpRequest& request,
                          const app::StaffSession& session) {
  const std::string& code = request.path_params.at("code");
  // The case's scope decides: a receipt of a case the officer may not read is not found.
  core::Result<app::CaseDetail> detail =
      app::CaseLookup(state.deps.store, state.deps.clock).open_case(session.staff, code);
  if (!detail.ok()) return case_unavailable_page(state, request, detail.error(), session);
  std::optional<std::int64_t> id = number_of(request.path_params.at("id"));
  if (!id || *id <= 0 || state.deps.payments == nullptr) {
    return error_page(state, request, 404, "pay_receipt_unavailable", session);
  }
  core::Result<app::ReceiptView> receipt = state.deps.payments->receipt(*id);
  if (!receipt.ok() && receipt.error().kind != core::ErrorKind::kNotFound) {
    return error_page(state, request, http_status_for(receipt.error().kind), "server_error",
                      session);
  }
  if (!receipt.ok() || receipt->case_code != code) {
    return error_page(state, request, 404, "pay_receipt_unavailable", session);
  }
  Language language = language_of(request);
  return console_page(state, request, 200, std::string(text(language, "pay_receipt_page")),
                      "receipt", receipt_data(*receipt), session);
}

}  // namespace

void add_receipt_routes(WebState& state) {
  state.router.add("GET", "/can-bo/ho-so/{code}/bien-lai/{id}",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return receipt_page(state, r, s);
                   }));
}

}  // namespace motcua::adapters::web
