// "Tra cứu hồ sơ theo đơn vị / toàn cơ quan / cá nhân" and the case page with its "Lệ phí"
// table, history and status change.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "adapters/web/case_history.h"
#include "adapters/web/case_table.h"
#include "adapters/web/console_pages.h"
#include "adapters/web/counter_screen_pages.h"
#include "adapters/web/counter_views.h"
#include "adapters/web/form.h"
#include "adapters/web/page_support.h"
#include "adapters/web/payment_history_view.h"
#include "adapters/web/payment_views.h"
#include "adapters/web/submission_routes.h"
#include "adapters/web/template_engine.h"
#include "app/case_lookup.h"
#include "app/case_workflow.h"
#include "core/case_status.h"
#include "core/civil_time.h"
#include "core/money.h"
#include "core/procedure.h"

namespace motcua::adapters::web {
namespace {

struct LookupMenu {
  const char* href;
  const char* key;
  core::CaseScopeKind kind;
};

constexpr LookupMenu kLookups[] = {
    {"/can-bo/tra-cuu/don-vi", "menu_lookup_unit", core::CaseScopeKind::kUnit},
    {"/can-bo/tra-cuu/co-quan", "menu_lookup_agency", core::CaseScopeKind::kAgency},
    {"/can-bo/tra-cuu/ca-nhan", "menu_lookup_own", core::CaseScopeKind::kOwn},
};

std::string trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return "";
  size_t last = text.find_last_not_of(kSpace);
  return std::string(text.substr(first, last - first + 1));
}

// "26/04/2024 07:27:52" in Vietnam time; "" when absent.
std::string shown(const std::optional<std::chrono::sys_seconds>& instant) {
  return instant ? core::format_display_date_time(core::to_vietnam_local(*instant)) : "";
}

// A return address inside the console ("/can-bo/..."), or "" for anything else, so the form
// field can never send the browser off-site.
std::string console_return(std::string_view to) {
  if (to.rfind("/can-bo/", 0) != 0 || to.find("//") != std::string_view::npos) return "";
  for (char ch : to) {
    auto c = static_cast<unsigned char>(ch);
    if (ch == '\\' || c < 0x20 || c == 0x7f) return "";
  }
  return std::string(to);
}

}  // namespace

DateRange received_range(std::string_view from_text, std::string_view to_text) {
  DateRange range;
  if (!from_text.empty()) {
    core::Result<std::chrono::year_month_day> day = core::parse_entered_date(from_text);
    if (!day.ok()) return {.error_key = "lookup_bad_date"};
    range.from =
        core::from_vietnam_local(std::chrono::local_seconds{std::chrono::local_days{*day}});
  }
  if (!to_text.empty()) {
    core::Result<std::chrono::year_month_day> day = core::parse_entered_date(to_text);
    if (!day.ok()) return {.error_key = "lookup_bad_date"};
    range.until = core::from_vietnam_local(
        std::chrono::local_seconds{std::chrono::local_days{*day} + std::chrono::days{1}});
  }
  if (range.from && range.until && *range.until <= *range.from)
    return {.error_key = "lookup_bad_range"};
  return range;
}

TemplateData select_option(std::string value, std::string_view label, bool selected) {
  TemplateData option;
  option.set("value", std::move(value));
  option.set("label", std::string(label));
  option.set("selected", selected);
  return option;
}

namespace {

// The choices of the advanced search: every procedure and every field of the catalogue.
struct CatalogueChoices {
  std::vector<app::ProcedureName> procedures;
  std::vector<std::string> fields;
};

core::Result<CatalogueChoices> catalogue_choices(WebState& state) {
  constexpr std::int64_t kMaxProcedures = 2000;
  CatalogueChoices choices;
  core::Status read = state.deps.store.read([&](app::Repositories& repos) -> core::Status {
    core::Result<std::vector<app::ProcedureName>> procedures =
        repos.procedures().list_names(kMaxProcedures);
    if (!procedures.ok()) return procedures.error();
    choices.procedures = std::move(procedures.value());
    core::Result<std::vector<std::string>> fields = repos.procedures().list_fields();
    if (!fields.ok()) return fields.error();
    choices.fields = std::move(fields.value());
    return {};
  });
  if (!read.ok()) return read.error();
  return choices;
}

HttpResponse lookup(WebState& state, const HttpRequest& request, const app::StaffSession& session,
                    const LookupMenu& menu) {
  Language language = language_of(request);
  std::string code = trimmed(request.query_value("ma"));
  std::string id_number = trimmed(request.query_value("cmnd"));
  std::string name = trimmed(request.query_value("ten"));
  std::string status_text = request.query_value("trang_thai");
  std::string procedure = trimmed(request.query_value("thu_tuc"));
  std::string field = trimmed(request.query_value("linh_vuc"));
  std::string from_text = trimmed(request.query_value("tu_ngay"));
  std::string to_text = trimmed(request.query_value("den_ngay"));
  app::CaseQuery query;
  query.code = code;
  query.id_number = id_number;
  query.name = name;
  query.procedure_code = procedure;
  query.field = field;
  std::optional<std::int64_t> status_number = number_of(status_text);
  if (status_number) {
    core::Result<core::CaseStatus> status =
        core::case_status_from_number(static_cast<int>(*status_number));
    if (status.ok()) query.status = *status;
  }
  DateRange range = received_range(from_text, to_text);
  query.received_from = range.from;
  query.received_until = range.until;
  query.page = number_of(request.query_value("trang")).value_or(1);
  if (query.page < 1) query.page = 1;
  query.page_size = 10;
  // Count no further than needed: "hơn 1.000" on the first pages, and always two pages past
  // the one shown, so the page links reach on (see page_links).
  constexpr std::int64_t kCountLimit = 1000;
  constexpr std::int64_t kFarthestCountedPage = 1'000'000'000'000;
  query.count_limit =
      std::max(kCountLimit, (std::min(query.page, kFarthestCountedPage) + 2) * query.page_size);

  core::Result<app::CaseListPage> found =
      range.error_key.empty() ? app::CaseLookup(state.deps.store, state.deps.clock)
                                    .search(session.staff, menu.kind, query)
                              : core::Result<app::CaseListPage>(app::CaseListPage{});
  core::Result<CatalogueChoices> choices = catalogue_choices(state);
  if (!found.ok() || !choices.ok()) {
    int status = http_status_for(found.ok() ? choices.error().kind : found.error().kind);
    return error_page(state, request, status, status == 403 ? "forbidden" : "server_error",
                      session);
  }

  TemplateData data;
  data.set("show_search", true);
  data.set("action", menu.href);
  data.set("q_code", code);
  data.set("q_id", id_number);
  data.set("q_name", name);
  data.set("q_from", from_text);
  data.set("q_to", to_text);
  if (!range.error_key.empty())
    data.set("search_error", std::string(text(language, range.error_key)));
  data.set("advanced_open", query.status.has_value() || !procedure.empty() || !field.empty() ||
                                !from_text.empty() || !to_text.empty());
  TemplateData options = TemplateData::list();
  for (int n = 1; n <= 11; ++n) {
    core::CaseStatus status = core::case_status_from_number(n).value();
    options.push(select_option(std::to_string(n), core::label_vi(status), query.status == status));
  }
  data.set("status_options", options);
  TemplateData procedure_options = TemplateData::list();
  for (const app::ProcedureName& p : choices->procedures) {
    procedure_options.push(select_option(p.code, p.code + " - " + p.name, p.code == procedure));
  }
  data.set("procedure_options", procedure_options);
  TemplateData field_options = TemplateData::list();
  for (const std::string& f : choices->fields) {
    field_options.push(select_option(f, f, f == field));
  }
  data.set("field_options", field_options);
  data.set("total", shown_total(*found, language));

  TemplateData rows = TemplateData::list();
  for (const app::CaseListItem& item : found->items) rows.push(case_row(item));
  data.set("rows", rows);

  // Page links keep the search.
  std::string base =
      std::string(menu.href) + "?ma=" + percent_encoded(code) +
      "&cmnd=" + percent_encoded(id_number) + "&ten=" + percent_encoded(name) +
      "&trang_thai=" + percent_encoded(status_text) + "&thu_tuc=" + percent_encoded(procedure) +
      "&linh_vuc=" + percent_encoded(field) + "&tu_ngay=" + percent_encoded(from_text) +
      "&den_ngay=" + percent_encoded(to_text) + "&trang=";
  data.set("pages", page_links(base, *found));
  return console_page(state, request, 200, std::string(text(language, menu.key)), "case_lookup",
                      data, session, menu.href);
}

// The case page; `error_key` and `reason` refill it after a refused status change.
HttpResponse case_page(WebState& state, const HttpRequest& request,
                       const app::StaffSession& session, std::string_view code, int status,
                       std::string_view error_key, const std::string& reason) {
  Language language = language_of(request);
  core::Result<app::CaseDetail> detail =
      app::CaseLookup(state.deps.store, state.deps.clock).open_case(session.staff, code);
  if (!detail.ok()) return case_unavailable_page(state, request, detail.error(), session);
  const app::CaseListItem& item = detail->summary;
  const core::CaseRecord& c = item.record;
  TemplateData data;
  if (!error_key.empty()) data.set("error", std::string(text(language, error_key)));
  data.set("code", c.code);
  data.set("procedure", c.procedure_code + " - " + c.procedure_name);
  data.set("submitter", c.submitter.name);
  data.set("id_number", c.submitter.id_number);
  data.set("deadline_at", shown(c.deadline_at));
  data.set("remaining", item.remaining_text);
  data.set("channel", std::string(core::label_vi(c.channel)));
  data.set("delivery", std::string(core::label_vi(c.result_delivery)));
  data.set("status", item.status_label);
  data.set("agency", item.agency_name);
  data.set("officer", item.officer_name);
  data.set("appointment_at", shown(c.appointment_at));
  if (c.received_at) data.set("slip_href", case_href(c.code) + "/giay-tiep-nhan");

  TemplateData lines = TemplateData::list();
  for (const core::FeeLine& line : c.fee_lines) lines.push(fee_line_row(line, language));
  data.set("fee_lines", lines);
  data.set("total", core::format_vnd(item.payment.total));
  data.set("paid_total", core::format_vnd(item.payment.paid));
  data.set("outstanding", detail->outstanding_text);
  add_case_payments(state, data, c.code, language, case_href(c.code) + "/bien-lai");
  data.set("payment_history_html", payment_history_html(state, c.code, language));
  add_counter_screen_push(request, data, c.code, item.payment.outstanding.in_dong() > 0);
  add_counter_actions(data, c);
  // Live updates (live_routes.cc): only when this process has the change feed.
  if (state.deps.case_events != nullptr) data.set("live_src", case_href(c.code) + "/su-kien");

  data.set("can_change", item.rights.change);
  data.set("change_action", case_href(c.code) + "/trang-thai");
  data.set("version", std::to_string(c.version));
  data.set("reason", reason);
  // "Xóa hồ sơ" (admin_pages.cc): admins only, from the states Đã hủy can be reached from.
  data.set("can_delete",
           session.staff.active && (session.staff.roles & core::kRoleAdmin) != 0 &&
               core::transition_case(c.status, core::CaseStatus::kCancelled, "x").ok());
  data.set("delete_action", case_href(c.code) + "/xoa");
  TemplateData next = TemplateData::list();
  for (const core::CaseTransitionRule& rule : core::case_transition_table()) {
    if (rule.from != c.status) continue;
    TemplateData option;
    option.set("value", std::to_string(static_cast<int>(rule.to)));
    option.set("label", std::string(core::label_vi(rule.to)));
    next.push(option);
  }
  data.set("has_next", !std::get<TemplateData::List>(next.value()).empty());
  data.set("next_statuses", next);

  add_case_files(state, data, c.id, case_href(c.code));  // "File đính kèm" (case_file_routes.cc)
  data.set("history", history_rows(*detail, language));
  std::optional<TemplateData> result = processing_result(*detail);
  if (result) data.set("result", *result);
  return console_page(state, request, status, std::string(text(language, "case_detail")),
                      "case_detail", data, session);
}

HttpResponse change_status(WebState& state, HttpRequest& request,
                           const app::StaffSession& session) {
  std::string code = request.path_params["code"];
  auto form = parse_form(request.body);
  if (!csrf_matches(state, form, session.csrf_token)) {
    return error_page(state, request, 403, "csrf_refused", session);
  }
  std::string reason = trimmed(form["reason"]);
  std::optional<std::int64_t> version = number_of(form["version"]);
  std::optional<std::int64_t> to_number = number_of(form["to"]);
  std::optional<core::CaseStatus> to;
  if (to_number) {
    core::Result<core::CaseStatus> parsed =
        core::case_status_from_number(static_cast<int>(*to_number));
    if (parsed.ok()) to = *parsed;
  }
  if (!version || !to) return case_page(state, request, session, code, 422, "bad_status", reason);
  core::Result<std::shared_ptr<const core::WorkingCalendar>> calendar = current_calendar(state);
  if (!calendar.ok()) return error_page(state, request, 500, "server_error", session);
  app::CaseWorkflow workflow(state.deps.store, state.deps.clock, **calendar);
  core::Result<core::CaseRecord> changed =
      workflow.change_status(session.staff, code, *version, *to, reason);
  if (changed.ok()) {
    std::string back = console_return(form["return_to"]);
    return redirect(back.empty() ? case_href(changed->code) : safe_url(back));
  }
  std::string_view key;
  switch (changed.error().kind) {
    case core::ErrorKind::kIllegalTransition:
      key = "illegal_transition";
      break;
    case core::ErrorKind::kInvalidInput:
      key = "reason_required";
      break;
    case core::ErrorKind::kConflict:
      key = "stale_or_paid";
      break;
    case core::ErrorKind::kForbidden:
      return error_page(state, request, 403, "forbidden", session);
    case core::ErrorKind::kNotFound:
      return error_page(state, request, 404, "case_not_found", session);
    default:
      return error_page(state, request, http_status_for(changed.error().kind), "server_error",
                        session);
  }
  return case_page(state, request, session, code, http_status_for(changed.error().kind), key,
                   reason);
}

}  // namespace

std::optional<std::int64_t> number_of(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string percent_encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string case_href(std::string_view code) {
  return safe_url("/can-bo/ho-so/" + percent_encoded(code));
}

TemplateData case_row(const app::CaseListItem& item) {
  const core::CaseRecord& c = item.record;
  TemplateData row;
  row.set("href", case_href(c.code));
  row.set("code", c.code);
  row.set("procedure", c.procedure_code + " - " + c.procedure_name);
  row.set("remaining", item.remaining_text);
  row.set("submitted_at", shown(c.submitted_at));
  row.set("received_at", shown(c.received_at));
  row.set("deadline_at", shown(c.deadline_at));
  row.set("appointment_at", shown(c.appointment_at));
  row.set("submitter", c.submitter.name);
  const std::string& agency_code =
      c.processing_agency_code.empty() ? c.receiving_agency_code : c.processing_agency_code;
  row.set("agency", item.agency_name.empty() ? agency_code : item.agency_name);
  row.set("officer", item.officer_name);
  row.set("status", item.status_label);
  // The payment badge (kept current by static/live_status.js); none for a case without fees.
  core::PaymentProgress progress = item.payment.progress;
  row.set("has_badge", progress != core::PaymentProgress::kNothingDue);
  row.set("pay_unpaid", progress == core::PaymentProgress::kUnpaid);
  row.set("pay_partly", progress == core::PaymentProgress::kPartlyPaid);
  row.set("pay_paid", progress == core::PaymentProgress::kPaid);
  return row;
}

TemplateData row_action(std::string_view code, core::CaseStatus to, const std::string& label,
                        const std::string& reason_label) {
  TemplateData action;
  action.set("to", std::to_string(static_cast<int>(to)));
  action.set("label", label);
  action.set("id", std::string(code) + "-" + std::to_string(static_cast<int>(to)));
  if (!reason_label.empty()) action.set("reason_label", reason_label);
  return action;
}

std::string shown_total(const app::CaseListPage& page, Language language) {
  std::string number = core::format_grouped(core::Money::dong(page.total));
  if (!page.total_capped) return number;
  if (language == Language::kEnglish) std::replace(number.begin(), number.end(), '.', ',');
  return std::string(text(language, "results_more_than")) + " " + number;
}

TemplateData actionable_case_list(
    const app::CaseListPage& found, const std::string& href,
    const std::function<TemplateData(const app::CaseListItem&)>& actions_of) {
  TemplateData data;
  data.set("with_actions", true);
  data.set("total", std::to_string(found.total));
  std::string return_to = href;
  if (found.page > 1) return_to += "?trang=" + std::to_string(found.page);
  TemplateData rows = TemplateData::list();
  for (const app::CaseListItem& item : found.items) {
    TemplateData row = case_row(item);
    row.set("change_action", case_href(item.record.code) + "/trang-thai");
    row.set("version", std::to_string(item.record.version));
    row.set("return_to", return_to);
    row.set("actions", actions_of(item));
    rows.push(row);
  }
  data.set("rows", rows);
  data.set("pages", page_links(href + "?trang=", found));
  return data;
}

TemplateData page_links(std::string_view base, const app::CaseListPage& page) {
  constexpr std::int64_t kAround = 2;
  std::int64_t page_count = page.total / page.page_size + (page.total % page.page_size != 0);
  TemplateData pages = TemplateData::list();
  auto gap = [&pages] {
    TemplateData mark;
    mark.set("gap", true);
    pages.push(mark);
  };
  std::int64_t shown = 0;  // the last page given a link
  auto link_to = [&](std::int64_t p) {
    if (p <= shown || p > page_count) return;
    if (p > shown + 1) gap();
    TemplateData link;
    link.set("number", std::to_string(p));
    link.set("href", safe_url(std::string(base) + std::to_string(p)));
    link.set("current", p == page.page);
    pages.push(link);
    shown = p;
  };
  link_to(1);
  // A page past the end (any number can be typed) links back into the range, no overflow.
  if (page.page <= page_count) {
    for (std::int64_t p = std::max<std::int64_t>(page.page - kAround, 1);
         p <= std::min(page.page + kAround, page_count); ++p) {
      link_to(p);
    }
  }
  link_to(page_count);
  if (page.total_capped) gap();  // more pages than counted: the last one is unknown
  return pages;
}

void add_lookup_routes(WebState& state) {
  for (const LookupMenu& menu : kLookups) {
    state.router.add("GET", menu.href,
                     staff_only(state, [&state, &menu](HttpRequest& r, const app::StaffSession& s) {
                       return lookup(state, r, s, menu);
                     }));
  }
  state.router.add("GET", "/can-bo/ho-so/{code}",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return case_page(state, r, s, r.path_params["code"], 200, "", "");
                   }));
  state.router.add("POST", "/can-bo/ho-so/{code}/trang-thai",
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return change_status(state, r, s);
                   }));
}

}  // namespace motcua::adapters::web
