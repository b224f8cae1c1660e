// The public site's pages: the home page of the guide (header, menu, "Hỗ trợ", the "Thanh
// toán trực tuyến" button, "DỊCH VỤ HÀNH CHÍNH CÔNG NỔI BẬT"), the payment page "Thanh toán
// trực tuyến", and an honest page for every entry whose feature comes later (the citizen
// portal), so no link on the site is dead.
#include <algorithm>
#include <array>

#include "adapters/web/procedure_groups.h"
#include "adapters/web/public_site.h"
#include "app/public_payment.h"
#include "core/money.h"

namespace motcua::adapters::web {
namespace {

// "DỊCH VỤ HÀNH CHÍNH CÔNG NỔI BẬT", as the guide's home page lists them: citizens' or
// businesses' groups (procedure_groups.h), each leading to its procedures.
TemplateData groups(Language language, bool business) {
  TemplateData items = TemplateData::list();
  for (const ProcedureGroup& g : procedure_groups()) {
    if (g.business != business) continue;
    TemplateData item;
    item.set("href", "/thu-tuc-hanh-chinh?nhom=" + std::string(g.slug));
    item.set("label", std::string(text(language, g.key)));
    items.push(item);
  }
  return items;
}

HttpResponse home(WebState& state, const HttpRequest& request) {
  Language language = language_of(request);
  TemplateData data;
  data.set("citizen_groups", groups(language, false));
  data.set("business_groups", groups(language, true));
  return public_page(state, request, 200, std::string(text(language, "pub_home_title")),
                     "public_home", data);
}

// Entries of the site whose features come with the citizen portal (issue 8): the page says so.
// The third column, when set, is a console page that already does the job for staff.
constexpr const char* kNotYet[][3] = {
    {"/gioi-thieu", "pub_menu_about", nullptr},
    {"/phan-anh-kien-nghi", "pub_menu_feedback", nullptr},
    {"/danh-gia", "pub_menu_rating", nullptr},
    {"/thong-ke", "pub_menu_statistics", nullptr},
    {"/dich-vu-khac", "pub_menu_other", nullptr},
    {"/ho-tro/cau-hoi-thuong-gap", "pub_support_faq", nullptr},
    {"/ho-tro/huong-dan-can-bo", "pub_support_staff_guide", "/can-bo/dang-nhap"},
    {"/ho-tro/huong-dan-cong-dan", "pub_support_citizen_guide", nullptr},
    {"/hoi-dap", "pub_questions", nullptr},
    {"/khao-sat", "pub_survey", nullptr},
};

HttpResponse not_yet(WebState& state, const HttpRequest& request, const char* key,
                     const char* staff_href) {
  Language language = language_of(request);
  TemplateData data;
  data.set("heading", std::string(text(language, key)));
  data.set("message", std::string(text(language, "pub_not_yet_body")));
  if (staff_href != nullptr) data.set("staff_href", staff_href);
  return public_page(
      state, request, 200,
      std::string(text(language, key)) + " — " + std::string(text(language, "pub_not_yet_title")),
      "public_message", data);
}

// "Thanh toán trực tuyến": the form, and for a typed code the case's payment facts with the
// QR of its pay link. Unknown, malformed and cancelled codes get one message and status 404;
// over the per-address limit, 429 and the limit's message only.
HttpResponse payment_page(WebState& state, const HttpRequest& request) {
  Language language = language_of(request);
  std::string title(text(language, "pub_online_payment"));
  std::string typed = request.query_value("ma");
  TemplateData data;
  // Typed back into the field, cut to a sane length at a character boundary.
  std::size_t keep = std::min(typed.size(), app::kMaxPublicCaseCode * 2);
  while (keep < typed.size() && (static_cast<unsigned char>(typed[keep]) & 0xC0) == 0x80) --keep;
  data.set("code", typed.substr(0, keep));
  if (typed.empty()) return public_page(state, request, 200, title, "public_payment", data);
  if (!allow_public_lookup(state, request)) {
    data.set("notice", std::string(text(language, "pub_too_many_lookups")));
    HttpResponse r = public_page(state, request, 429, title, "public_payment", data);
    r.with_header("Retry-After", "60");
    return r;
  }
  core::Result<app::PublicPayment> found = app::find_public_payment(state.deps.store, typed);
  if (!found.ok()) {
    bool missing = found.error().kind == core::ErrorKind::kNotFound;
    data.set("notice",
             std::string(text(language, missing ? "pub_case_not_found" : "server_error")));
    return public_page(state, request, missing ? 404 : http_status_for(found.error().kind), title,
                       "public_payment", data);
  }
  const app::PublicPayment& p = *found;
  data.set("code", p.case_code);
  data.set("found", true);
  data.set("payer_name", p.payer_name);
  data.set("payer_id", p.payer_id_masked);
  data.set("content", p.content);
  data.set("amount", core::format_vnd(p.amount_due));
  if (p.amount_due.in_dong() > 0) {
    std::string url = payment_link_url(state, p.case_code);
    data.set("due", true);
    data.set("pay_url", url);
    data.set("qr_svg", payment_qr_svg(state, language, p.case_code));
  } else {
    data.set("settled", std::string(text(language, p.progress == core::PaymentProgress::kPaid
                                                       ? "pub_all_paid"
                                                       : "pub_no_fees")));
  }
  // "Thông tin biên lai thanh toán": the receipts of what was paid, behind the case's token
  // (a case with nothing paid yet, the common lookup, costs no extra read).
  bool something_paid = p.progress == core::PaymentProgress::kPaid ||
                        p.progress == core::PaymentProgress::kPartlyPaid;
  std::string link = payment_link_path(state, p.case_code);
  // Live updates under the pay-link token (live_routes.cc): a page with something due turns
  // to paid by itself (a settled page has nothing left to wait for).
  if (state.deps.case_events != nullptr && !link.empty() && p.amount_due.in_dong() > 0) {
    data.set("live_src", link + "/su-kien");
  }
  if (something_paid && state.deps.payments != nullptr && !link.empty()) {
    core::Result<app::CasePayments> paid = state.deps.payments->case_payments(p.case_code);
    if (paid.ok()) {
      TemplateData receipts = TemplateData::list();
      for (const app::ReceiptSummary& r : paid->receipts) {
        TemplateData item;
        item.set("href", link + "/bien-lai/" + std::to_string(r.id) + "/pdf");  // the PDF
        item.set("number", r.series + " " + r.number);
        receipts.push(item);
      }
      data.set("receipts", receipts);
    }
  }
  return public_page(state, request, 200, title, "public_payment", data);
}

}  // namespace

void add_public_routes(WebState& state) {
  state.router.add("GET", "/", [&state](HttpRequest& r) { return home(state, r); });
  state.router.add("GET", "/thanh-toan",
                   [&state](HttpRequest& r) { return payment_page(state, r); });
  for (const auto& entry : kNotYet) {
    const char* key = entry[1];
    const char* staff_href = entry[2];
    state.router.add("GET", entry[0], [&state, key, staff_href](HttpRequest& r) {
      return not_yet(state, r, key, staff_href);
    });
  }
  add_api_public_routes(state);
}

}  // namespace motcua::adapters::web
