// "Quản lý hồ sơ": the citizen's list of their online cases (the guide's filters Số hồ sơ,
// Trạng thái, Lĩnh vực and columns STT … Thao tác, "Hiển thị" 10/20/50), and the case page:
// its facts, the fee table of the online submission (Loại lệ phí … Tổng, "(Còn lại …)"), the
// pay button, the receipts under the pay link, and the status timeline.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "adapters/web/case_history.h"
#include "adapters/web/case_table.h"
#include "adapters/web/counter_views.h"
#include "adapters/web/mycases_routes.h"
#include "adapters/web/page_support.h"
#include "adapters/web/payment_views.h"
#include "adapters/web/public_site.h"
#include "adapters/web/submission_routes.h"
#include "app/citizen_cases.h"
#include "core/case_status.h"
#include "core/money.h"

namespace motcua::adapters::web {
namespace {

constexpr std::array<std::int64_t, 3> kPageSizes = {10, 20, 50};  // "Hiển thị"
constexpr int kStatusCount = 11;  // 1-10 and Đã hủy (core/case_status.h)
constexpr std::int64_t kLastPage = 1'000'000;

std::string_view trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// The page for an error of CitizenCases: one 404 for unknown codes and other accounts' cases.
HttpResponse unavailable(WebState& state, const HttpRequest& request, const core::Error& error) {
  if (error.kind == core::ErrorKind::kNotFound) {
    return portal_message(state, request, 404, "my_not_found", "my_not_found_body");
  }
  return portal_message(state, request, http_status_for(error.kind), "my_title", "server_error");
}

std::vector<std::string> catalogue_fields(WebState& state) {
  std::vector<std::string> fields;
  // The filter only lists choices; a failed read leaves "-Không chọn-" alone.
  (void)state.deps.store.read([&](app::Repositories& r) -> core::Status {
    core::Result<std::vector<std::string>> found = r.procedures().list_fields();
    if (!found.ok()) return found.error();
    fields = std::move(found.value());
    return {};
  });
  return fields;
}

HttpResponse case_list(WebState& state, const HttpRequest& request,
                       const app::CitizenSession& session) {
  Language language = language_of(request);
  std::string code_text(trimmed(request.query_value("so")));
  std::string status_text(trimmed(request.query_value("trang_thai")));
  std::string field(trimmed(request.query_value("linh_vuc")));
  CitizenFilters filters = citizen_filters(
      code_text, status_text, field, request.query_value("trang"), request.query_value("hien_thi"));
  if (filters.bad_status) status_text.clear();  // "Tất cả"
  const app::CaseQuery& query = filters.query;
  core::Result<app::CitizenCasePage> found =
      app::CitizenCases(state.deps.store, state.deps.clock).search(session.citizen.id, query);
  if (!found.ok()) return unavailable(state, request, found.error());
  const app::CaseListPage& page = found->page;

  TemplateData data;
  data.set("q_code", code_text);
  data.set("q_status", status_text);
  data.set("q_field", field);
  data.set("page_size", std::to_string(query.page_size));
  TemplateData statuses = TemplateData::list();
  for (int n = 1; n <= kStatusCount; ++n) {
    core::CaseStatus status = core::case_status_from_number(n).value();
    statuses.push(select_option(std::to_string(n), core::label_vi(status), query.status == status));
  }
  data.set("status_options", statuses);
  TemplateData fields = TemplateData::list();
  for (const std::string& f : catalogue_fields(state)) fields.push(select_option(f, f, f == field));
  data.set("field_options", fields);
  TemplateData sizes = TemplateData::list();
  for (std::int64_t size : kPageSizes) {
    sizes.push(select_option(std::to_string(size), "", size == query.page_size));
  }
  data.set("size_options", sizes);

  TemplateData rows = TemplateData::list();
  for (std::size_t i = 0; i < page.items.size(); ++i) {
    const app::CaseListItem& item = page.items[i];
    const core::CaseRecord& c = item.record;
    TemplateData row;
    row.set("no",
            std::to_string((page.page - 1) * page.page_size + static_cast<std::int64_t>(i) + 1));
    row.set("code", c.code);
    row.set("href", my_case_href(c.code));
    row.set("procedure", c.procedure_name);
    row.set("status", item.status_label);
    row.set("agency", item.agency_name);
    row.set("submitted_at", shown_at(c.submitted_at));
    if (found->payable[i]) row.set("pay_href", payment_link_path(state, c.code));
    rows.push(row);
  }
  data.set("rows", rows);
  data.set("has_rows", page.total > 0);
  data.set("total", shown_total(page, language));
  bool searching = !code_text.empty() || query.status || !field.empty();
  data.set("empty", std::string(text(language, searching ? "my_empty_search" : "my_empty")));
  std::string base = "/quan-ly-ho-so?so=" + percent_encoded(code_text) +
                     "&trang_thai=" + percent_encoded(status_text) +
                     "&linh_vuc=" + percent_encoded(field) +
                     "&hien_thi=" + std::to_string(query.page_size) + "&trang=";
  data.set("pages", page_links(base, page));
  return public_page(state, request, 200, std::string(text(language, "my_title")), "my_cases",
                     data);
}

// A fee line as the guide's table after an online submission shows it: Loại lệ phí (the
// line's name), Số lượng, Mức lệ phí, Thành tiền, Mô tả, and its paid state.
TemplateData fee_row(const core::FeeLine& line, Language language) {
  TemplateData row = fee_line_row(line, language);
  row.set("name", line.name);
  row.set("description", line.description);
  return row;
}

HttpResponse case_page(WebState& state, const HttpRequest& request,
                       const app::CitizenSession& session, const std::string& code) {
  Language language = language_of(request);
  core::Result<app::CitizenCaseDetail> found =
      app::CitizenCases(state.deps.store, state.deps.clock).open_case(session.citizen.id, code);
  if (!found.ok()) return unavailable(state, request, found.error());
  const app::CaseDetail& detail = found->detail;
  const app::CaseListItem& item = detail.summary;
  const core::CaseRecord& c = item.record;

  TemplateData data;
  data.set("submitted", request.query_value("da_nop") == "1" && c.status == core::CaseStatus::kNew);
  data.set("code", c.code);
  data.set("procedure", c.procedure_code + " - " + c.procedure_name);
  data.set("receiving_agency", found->receiving_agency_name);
  data.set("agency", item.agency_name);
  data.set("submitter", c.submitter.name);
  data.set("owner", c.owner.name);
  data.set("submitted_at", shown_at(c.submitted_at));
  if (c.appointment_at) data.set("appointment_at", shown_at(*c.appointment_at));
  data.set("delivery", std::string(core::label_vi(c.result_delivery)));
  data.set("status", item.status_label);

  TemplateData lines = TemplateData::list();
  for (const core::FeeLine& line : c.fee_lines) lines.push(fee_row(line, language));
  data.set("fee_lines", lines);
  data.set("has_fees", !c.fee_lines.empty());
  data.set("total", core::format_vnd(item.payment.total));
  data.set("outstanding", detail.outstanding_text);
  std::string link = payment_link_path(state, c.code);
  if (found->payable && !link.empty()) {
    data.set("pay_href", link);
    // Live updates (static/live_status.js) over the pay link's stream (live_routes.cc): once
    // everything is paid, by any path, the button gives way to the public page's "paid" notice.
    if (state.deps.case_events != nullptr) data.set("live_src", link + "/su-kien");
  }
  data.set("pay_after_intake", !found->payable && !found->fees_up_front &&
                                   c.status == core::CaseStatus::kNew &&
                                   item.payment.outstanding.in_dong() > 0);
  // The payer's receipt routes live under the pay link (payment_routes.cc).
  if (!link.empty()) {
    data.set("receipts", receipt_rows(found->receipts, language, link + "/bien-lai"));
    data.set("has_receipts", !found->receipts.empty());
  }
  data.set("history", history_rows(detail, language));
  // The files the citizen attached, under the owner's file route (case_file_routes.cc).
  add_case_files(state, data, c.id, "/quan-ly-ho-so/" + percent_encoded(c.code));
  return public_page(state, request, 200, std::string(text(language, "my_case_title")), "my_case",
                     data);
}

}  // namespace

std::string my_case_href(std::string_view code) {
  return "/quan-ly-ho-so/" + percent_encoded(code);
}

CitizenFilters citizen_filters(std::string_view code, std::string_view status,
                               std::string_view field, std::string_view page,
                               std::string_view page_size) {
  CitizenFilters out;
  std::string prefix(trimmed(code));
  for (char& ch : prefix) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  out.query.code_prefix = std::move(prefix);
  if (std::string_view s = trimmed(status); !s.empty()) {
    std::optional<std::int64_t> number = number_of(s);
    if (number && *number >= 1 && *number <= kStatusCount) {
      out.query.status = core::case_status_from_number(static_cast<int>(*number)).value();
    } else {
      out.bad_status = true;
    }
  }
  out.query.field = std::string(trimmed(field));
  out.query.page = number_of(trimmed(page)).value_or(1);
  // A typed page past any account's cases is clamped, so no offset overflows.
  out.query.page = std::clamp<std::int64_t>(out.query.page, 1, kLastPage);
  out.query.page_size = kPageSizes.front();
  if (std::string_view s = trimmed(page_size); !s.empty()) {
    std::optional<std::int64_t> size = number_of(s);
    if (size && std::find(kPageSizes.begin(), kPageSizes.end(), *size) != kPageSizes.end()) {
      out.query.page_size = *size;
    } else {
      out.bad_page_size = true;
    }
  }
  return out;
}

void add_mycases_routes(WebState& state) {
  state.router.add("GET", "/quan-ly-ho-so",
                   citizen_only(state, [&state](HttpRequest& r, const app::CitizenSession& s) {
                     return case_list(state, r, s);
                   }));
  state.router.add("GET", "/quan-ly-ho-so/{code}",
                   citizen_only(state, [&state](HttpRequest& r, const app::CitizenSession& s) {
                     return case_page(state, r, s, r.path_params["code"]);
                   }));
}

}  // namespace motcua::adapters::web
