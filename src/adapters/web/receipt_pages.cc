// "Xem biên lai" in the console: a receipt of a case the officer may read, as a page with its
// state and "Hủy biên lai" / "Phát hành lại" (issue 7), and as its PDF. The public verification
// page of a receipt, "/bien-lai/{id}/{token}", is in receipt_verification.cc.
#include <optional>
#include <string>

#include "adapters/web/case_table.h"
#include "adapters/web/console_pages.h"
#include "adapters/web/form.h"
#include "adapters/web/page_support.h"
#include "adapters/web/payment_views.h"
#include "adapters/web/printed_pages.h"
#include "adapters/web/public_site.h"
#include "adapters/web/receipt_views.h"
#include "app/case_lookup.h"
#include "app/receipt_lifecycle.h"

namespace motcua::adapters::web {
namespace {

std::string receipt_href(std::string_view code, std::int64_t id) {
  return case_href(code) + "/bien-lai/" + std::to_string(id);
}

// The receipt {id} of the case {code}, or the page to answer instead.
struct FoundReceipt {
  std::optional<app::ReceiptView> receipt;
  HttpResponse refusal;
  bool may_change = false;  // the officer may change the case, so cancel or re-issue
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
  return {std::move(receipt).value(), {}, detail->summary.rights.change};
}

// What the officer typed and what went wrong, for a page shown again after a refused POST.
struct Attempt {
  std::string error_key;
  std::string reason;
};

HttpResponse receipt_page(WebState& state, const HttpRequest& request,
                          const app::StaffSession& session, int status = 200,
                          const Attempt& attempt = {}) {
  FoundReceipt found = find_receipt(state, request, session);
  if (!found.receipt) return found.refusal;
  const std::string& code = found.receipt->case_code;
  std::int64_t id = found.receipt->id;
  core::Result<app::ReceiptStatus> life =
      app::ReceiptLifecycle(state.deps.store, state.deps.clock, state.deps.receipt_signer)
          .status(id);
  if (!life.ok()) {
    return error_page(state, request, http_status_for(life.error().kind), "server_error", session);
  }
  Language language = language_of(request);
  TemplateData data = receipt_data(*found.receipt);
  add_receipt_state(data, language, *life,
                    [&](std::int64_t other) { return receipt_href(code, other); });
  data.set("pdf_href", receipt_href(code, id) + "/pdf");
  data.set("verification_url", receipt_verification_path(state, id));
  // Who may change the case may cancel or re-issue its receipts (there is no fee permission).
  if (found.may_change && life->receipt.state == core::ReceiptState::kIssued) {
    data.set("can_change", true);
    data.set("cancel_action", receipt_href(code, id) + "/huy");
    data.set("reissue_action", receipt_href(code, id) + "/phat-hanh-lai");
  }
  if (!attempt.error_key.empty()) {
    data.set("error", std::string(text(language, attempt.error_key)));
  }
  data.set("reason", attempt.reason);
  return console_page(state, request, status, std::string(text(language, "pay_receipt_page")),
                      "receipt", data, session);
}

// The page again with the refusal, or the status's error page.
HttpResponse refused(WebState& state, const HttpRequest& request, const app::StaffSession& session,
                     const core::Error& error, const std::string& reason) {
  switch (error.kind) {
    case core::ErrorKind::kInvalidInput:
      return receipt_page(
          state, request, session, 422,
          {reason.size() > 2000 ? "rcpt_reason_too_long" : "rcpt_reason_required", reason});
    case core::ErrorKind::kConflict:
      return receipt_page(state, request, session, 409, {"rcpt_not_issued", reason});
    case core::ErrorKind::kOutOfRange:
      return receipt_page(state, request, session, 422, {"rcpt_series_full", reason});
    case core::ErrorKind::kNotFound:
      return error_page(state, request, 404, "pay_receipt_unavailable", session);
    case core::ErrorKind::kForbidden:
      return error_page(state, request, 403, "forbidden", session);
    default:
      return error_page(state, request, http_status_for(error.kind), "server_error", session);
  }
}

HttpResponse change_receipt(WebState& state, const HttpRequest& request,
                            const app::StaffSession& session, bool reissue) {
  std::map<std::string, std::string> form = parse_form(request.body);
  if (!csrf_matches(state, form, session.csrf_token)) {
    return error_page(state, request, 403, "csrf_refused", session);
  }
  const std::string& code = request.path_params.at("code");
  std::optional<std::int64_t> id = number_of(request.path_params.at("id"));
  if (!id || *id <= 0) return error_page(state, request, 404, "pay_receipt_unavailable", session);
  app::ReceiptLifecycle lifecycle(state.deps.store, state.deps.clock, state.deps.receipt_signer);
  if (reissue) {
    core::Result<app::ReceiptRecord> replacement = lifecycle.reissue(session.staff, code, *id);
    if (!replacement.ok()) return refused(state, request, session, replacement.error(), "");
    return redirect(safe_url(receipt_href(code, replacement->id)));
  }
  std::string reason = form.count("reason") != 0 ? form.at("reason") : "";
  core::Result<app::ReceiptRecord> cancelled = lifecycle.cancel(session.staff, code, *id, reason);
  if (!cancelled.ok()) return refused(state, request, session, cancelled.error(), reason);
  return redirect(safe_url(receipt_href(code, *id)));
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
  state.router.add("POST", "/can-bo/ho-so/{code}/bien-lai/{id}/huy",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return change_receipt(state, r, s, false);
                   }));
  state.router.add("POST", "/can-bo/ho-so/{code}/bien-lai/{id}/phat-hanh-lai",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return change_receipt(state, r, s, true);
                   }));
  add_receipt_verification_routes(state);
}

}  // namespace motcua::adapters::web
