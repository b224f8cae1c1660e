// Money taken at the counter (issue 7), from the case's "Lệ phí" tab: "Thanh toán qua máy POS",
// "Thu tiền mặt", "Xem hóa đơn" and "Phát hành biên lai"; and the menu's "Danh sách thanh
// toán qua máy POS". Every handler reads the case through CaseLookup::open_case first, so a
// case outside the officer's scope is not found, and every POST checks the CSRF token before
// anything else.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "adapters/web/case_table.h"
#include "adapters/web/console_pages.h"
#include "adapters/web/counter_views.h"
#include "adapters/web/form.h"
#include "adapters/web/page_support.h"
#include "adapters/web/payment_views.h"
#include "adapters/web/template_engine.h"
#include "app/case_lookup.h"
#include "app/counter_payment.h"
#include "core/case_status.h"
#include "core/counter_payment_check.h"
#include "core/money.h"
#include "core/payable_lines.h"

namespace motcua::adapters::web {
namespace {

constexpr const char* kPosListHref = "/can-bo/thanh-toan-pos";
constexpr std::string_view kLineField = "khoan_";  // one checkbox per line: khoan_<id>=1

enum class Kind { kPos, kCash };

// What the officer typed, to refill the form after a refusal.
struct CounterForm {
  bool submitted = false;
  std::set<std::int64_t> chosen;
  std::string terminal_id, approval_code, card_last4, amount, tendered;
};

CounterForm read_form(const std::map<std::string, std::string>& fields) {
  CounterForm form;
  form.submitted = true;
  for (const auto& [key, value] : fields) {
    if (key.rfind(kLineField, 0) != 0 || value.empty()) continue;
    if (auto id = number_of(std::string_view(key).substr(kLineField.size()))) {
      form.chosen.insert(*id);
    }
  }
  auto field = [&](const char* name) {
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
  };
  form.terminal_id = field("ma_may");
  form.approval_code = field("ma_chuan_chi");
  form.card_last4 = field("so_the");
  form.amount = field("so_tien");
  form.tendered = field("tien_khach_dua");
  return form;
}

std::string line_name(const core::FeeLine& line) {
  return line.description.empty() ? line.name : line.description;
}

// "Khoản sau đã được thanh toán …: <line> (<method>)" for the chosen lines now paid.
std::string already_paid_message(Language language, const core::CaseRecord& record,
                                 const std::set<std::int64_t>& chosen) {
  std::string names;
  for (const core::FeeLine& line : record.fee_lines) {
    if (!line.paid || !chosen.contains(line.id)) continue;
    names += (names.empty() ? " " : "; ") + line_name(line);
    if (line.method) names += " (" + std::string(core::label_vi(*line.method)) + ")";
  }
  return std::string(text(language, "ctr_err_already_paid")) + names;
}

std::string refusal_message(Language language, core::CounterRefusal refusal, core::Money total) {
  switch (refusal) {
    case core::CounterRefusal::kNoLines:
      return std::string(text(language, "ctr_err_no_lines"));
    case core::CounterRefusal::kTerminalId:
      return std::string(text(language, "ctr_err_terminal"));
    case core::CounterRefusal::kApprovalCode:
      return std::string(text(language, "ctr_err_approval"));
    case core::CounterRefusal::kCardLast4:
      return std::string(text(language, "ctr_err_card"));
    case core::CounterRefusal::kAmount:
      return std::string(text(language, "ctr_err_amount"));
    case core::CounterRefusal::kAmountMismatch:
      return std::string(text(language, "ctr_err_mismatch")) + " " + core::format_vnd(total);
    case core::CounterRefusal::kTenderedMissing:
      return std::string(text(language, "ctr_err_tendered"));
    case core::CounterRefusal::kTenderedShort:
      return std::string(text(language, "ctr_err_short")) + " " + core::format_vnd(total);
  }
  return "";
}

std::string counter_href(std::string_view code, std::string_view page) {
  return case_href(code) + "/" + std::string(page);
}

// The POS or cash form over the case's unpaid lines; `error` (already translated) on top.
HttpResponse form_page(WebState& state, const HttpRequest& request,
                       const app::StaffSession& session, Kind kind, int status,
                       const CounterForm& form, const std::string& error) {
  Language language = language_of(request);
  const std::string& code = request.path_params.at("code");
  core::Result<app::CaseDetail> detail =
      app::CaseLookup(state.deps.store, state.deps.clock).open_case(session.staff, code);
  if (!detail.ok()) return case_unavailable_page(state, request, detail.error(), session);
  const core::CaseRecord& c = detail->summary.record;
  TemplateData data;
  if (!error.empty()) data.set("error", error);
  data.set("pos", kind == Kind::kPos);
  data.set("code", c.code);
  data.set("case_href", case_href(c.code));
  data.set("bill_href", counter_href(c.code, "hoa-don"));
  data.set("action", counter_href(c.code, kind == Kind::kPos ? "thanh-toan-pos" : "thu-tien-mat"));
  TemplateData lines = TemplateData::list();
  core::Money due;
  for (const core::FeeLine& line : c.fee_lines) {
    if (line.paid || line.amount <= core::Money{}) continue;
    TemplateData row;
    row.set("id", std::to_string(line.id));
    row.set("field", std::string(kLineField) + std::to_string(line.id));
    row.set("name", line_name(line));
    row.set("quantity", std::to_string(line.quantity));
    row.set("unit_amount", core::format_vnd(line.unit_amount));
    row.set("amount", core::format_vnd(line.amount));
    row.set("checked", !form.submitted || form.chosen.contains(line.id));
    lines.push(row);
    if (auto sum = core::checked_add(due, line.amount); sum.ok()) due = *sum;
  }
  data.set("has_lines", due > core::Money{});
  data.set("lines", lines);
  data.set("due", core::format_vnd(due));
  data.set("terminal_id", form.terminal_id);
  data.set("approval_code", form.approval_code);
  data.set("card_last4", form.card_last4);
  data.set("amount", form.submitted ? form.amount : core::format_grouped(due));
  data.set("tendered", form.tendered);
  std::string title(text(language, kind == Kind::kPos ? "ctr_pos_payment" : "ctr_cash_payment"));
  return console_page(state, request, status, title, "counter_payment_form", data, session);
}

// Validates the form with the same pure rules the use case applies (so each refusal gets its
// own message), then records the payment; on success, to the bill with the payment shown.
HttpResponse record(WebState& state, HttpRequest& request, const app::StaffSession& session,
                    Kind kind) {
  Language language = language_of(request);
  auto fields = parse_form(request.body);
  if (!csrf_matches(state, fields, session.csrf_token)) {
    return error_page(state, request, 403, "csrf_refused", session);
  }
  const std::string code = request.path_params.at("code");
  CounterForm form = read_form(fields);
  core::Result<app::CaseDetail> detail =
      app::CaseLookup(state.deps.store, state.deps.clock).open_case(session.staff, code);
  if (!detail.ok()) return case_unavailable_page(state, request, detail.error(), session);
  const core::CaseRecord& c = detail->summary.record;
  auto refuse = [&](std::string message) {
    return form_page(state, request, session, kind, 422, form, message);
  };
  if (form.chosen.empty())
    return refuse(refusal_message(language, core::CounterRefusal::kNoLines, {}));
  std::vector<std::int64_t> chosen(form.chosen.begin(), form.chosen.end());
  core::Result<core::PayableLines> payable = core::choose_payable_lines(c.fee_lines, chosen);
  if (!payable.ok()) {
    if (payable.error().kind == core::ErrorKind::kConflict) {
      return form_page(state, request, session, kind, 409, form,
                       already_paid_message(language, c, form.chosen));
    }
    return refuse(std::string(text(language, "ctr_err_bad_line")));
  }

  app::CounterPayment counter(state.deps.store, state.deps.clock, state.deps.receipt_signer);
  core::Result<app::CounterPaymentDone> done = core::Error{core::ErrorKind::kInvalidInput, ""};
  if (kind == Kind::kPos) {
    core::PosSlip slip =
        core::pos_slip_normalised({form.terminal_id, form.approval_code, form.card_last4});
    core::Result<core::Money> amount = core::parse_money(form.amount);
    auto refusal =
        core::check_pos_payment(slip, amount.ok() ? *amount : core::Money{}, payable->total);
    if (refusal) return refuse(refusal_message(language, *refusal, payable->total));
    done = counter.record_pos(session.staff, {c.code, chosen, slip, *amount});
  } else {
    core::Result<core::Money> tendered = core::parse_money(form.tendered);
    if (!tendered.ok()) {
      return refuse(refusal_message(language, core::CounterRefusal::kTenderedMissing, {}));
    }
    if (!core::cash_change(*tendered, payable->total).ok()) {
      return refuse(
          refusal_message(language, core::CounterRefusal::kTenderedShort, payable->total));
    }
    done = counter.record_cash(session.staff, {c.code, chosen, *tendered});
  }
  if (done.ok()) {
    return redirect(counter_href(c.code, "hoa-don") + "?thanh_toan=" + std::to_string(done->id));
  }
  switch (done.error().kind) {
    case core::ErrorKind::kConflict: {
      // Paid meanwhile (another officer, or online), or the case was cancelled.
      core::Result<app::CaseDetail> now =
          app::CaseLookup(state.deps.store, state.deps.clock).open_case(session.staff, code);
      if (now.ok() && now->summary.record.status == core::CaseStatus::kCancelled) {
        return form_page(state, request, session, kind, 409, form,
                         std::string(text(language, "ctr_err_cancelled")));
      }
      return form_page(state, request, session, kind, 409, form,
                       now.ok() ? already_paid_message(language, now->summary.record, form.chosen)
                                : std::string(text(language, "ctr_err_already_paid")));
    }
    case core::ErrorKind::kInvalidInput:
      return refuse(std::string(text(language, "ctr_err_bad_line")));
    case core::ErrorKind::kForbidden:
    case core::ErrorKind::kNotFound:
      return case_unavailable_page(state, request, done.error(), session);
    default:
      return error_page(state, request, http_status_for(done.error().kind), "server_error",
                        session);
  }
}

// "Xem hóa đơn": every line with its paid state and method, the totals and "Còn lại", the
// counter payments, and what was just done (?thanh_toan=<id>, ?phat_hanh=<n>).
HttpResponse bill_page(WebState& state, const HttpRequest& request,
                       const app::StaffSession& session, int status, const std::string& error) {
  Language language = language_of(request);
  const std::string& code = request.path_params.at("code");
  core::Result<app::CaseDetail> detail =
      app::CaseLookup(state.deps.store, state.deps.clock).open_case(session.staff, code);
  if (!detail.ok()) return case_unavailable_page(state, request, detail.error(), session);
  core::Result<std::vector<app::CounterPaymentRecord>> payments =
      app::CounterPayment(state.deps.store, state.deps.clock, state.deps.receipt_signer)
          .for_case(session.staff, code);
  if (!payments.ok()) {
    return error_page(state, request, http_status_for(payments.error().kind), "server_error",
                      session);
  }
  const app::CaseListItem& item = detail->summary;
  const core::CaseRecord& c = item.record;
  TemplateData data;
  if (!error.empty()) data.set("error", error);
  data.set("code", c.code);
  data.set("procedure", c.procedure_code + " - " + c.procedure_name);
  data.set("submitter", c.submitter.name);
  data.set("case_href", case_href(c.code));
  TemplateData lines = TemplateData::list();
  for (const core::FeeLine& line : c.fee_lines) lines.push(fee_line_row(line, language));
  data.set("lines", lines);
  data.set("total", core::format_vnd(item.payment.total));
  data.set("paid_total", core::format_vnd(item.payment.paid));
  data.set("outstanding", core::format_vnd(item.payment.outstanding));
  add_counter_actions(data, c);

  TemplateData rows = TemplateData::list();
  for (const app::CounterPaymentRecord& p : *payments) {
    TemplateData row = counter_payment_row(p);
    rows.push(row);
    if (std::to_string(p.id) != request.query_value("thanh_toan")) continue;
    TemplateData done = row;
    if (p.tendered) {
      done.set("tendered", core::format_vnd(*p.tendered));
      auto change = core::cash_change(*p.tendered, p.amount);
      done.set("change", core::format_vnd(change.ok() ? *change : core::Money{}));
    }
    if (!p.receipt_id) done.set("deferred", true);
    data.set("done", done);
  }
  data.set("has_payments", !payments->empty());
  data.set("payments", rows);
  if (auto issued = number_of(request.query_value("phat_hanh"))) {
    data.set("issued", *issued > 0 ? std::string(text(language, "ctr_receipts_issued")) + ": " +
                                         std::to_string(*issued)
                                   : std::string(text(language, "ctr_no_receipt_needed")));
  }
  return console_page(state, request, status, std::string(text(language, "ctr_view_bill")),
                      "counter_bill", data, session);
}

// "Phát hành biên lai": receipts for the paid lines that have none.
HttpResponse issue_receipts(WebState& state, HttpRequest& request,
                            const app::StaffSession& session) {
  Language language = language_of(request);
  if (!csrf_matches(state, parse_form(request.body), session.csrf_token)) {
    return error_page(state, request, 403, "csrf_refused", session);
  }
  const std::string code = request.path_params.at("code");
  core::Result<app::ReceiptsIssued> issued =
      app::CounterPayment(state.deps.store, state.deps.clock, state.deps.receipt_signer)
          .issue_missing_receipts(session.staff, code);
  if (!issued.ok()) {
    core::ErrorKind kind = issued.error().kind;
    if (kind == core::ErrorKind::kForbidden || kind == core::ErrorKind::kNotFound) {
      return case_unavailable_page(state, request, issued.error(), session);
    }
    return error_page(state, request, http_status_for(kind), "server_error", session);
  }
  if (issued->no_series) {
    return bill_page(state, request, session, 409, std::string(text(language, "ctr_no_series")));
  }
  return redirect(counter_href(code, "hoa-don") +
                  "?phat_hanh=" + std::to_string(issued->receipt_ids.size()));
}

// "Danh sách thanh toán qua máy POS": filters by date range, terminal, officer and case code,
// ten rows a page, the count and sum of every filtered row.
HttpResponse pos_list(WebState& state, const HttpRequest& request,
                      const app::StaffSession& session) {
  Language language = language_of(request);
  auto trimmed_query = [&](const char* key) {
    std::string value = request.query_value(key);
    size_t first = value.find_first_not_of(" \t");
    if (first == std::string::npos) return std::string();
    return value.substr(first, value.find_last_not_of(" \t") - first + 1);
  };
  std::string from = trimmed_query("tu_ngay"), to = trimmed_query("den_ngay");
  std::string terminal = trimmed_query("may"), officer = trimmed_query("can_bo");
  std::string code = trimmed_query("ma");
  app::CounterPaymentQuery query;
  query.method = core::PaymentMethod::kPos;
  DateRange range = received_range(from, to);
  query.from = range.from;
  query.until = range.until;
  query.terminal_id = core::pos_slip_normalised({terminal, "", ""}).terminal_id;
  query.staff_login = officer;
  query.case_code = code;
  query.page = std::max<std::int64_t>(1, number_of(request.query_value("trang")).value_or(1));
  query.page_size = 10;
  core::Result<app::CounterPaymentPage> found =
      range.error_key.empty()
          ? app::CounterPayment(state.deps.store, state.deps.clock, state.deps.receipt_signer)
                .search(session.staff, query)
          : core::Result<app::CounterPaymentPage>(app::CounterPaymentPage{});
  if (!found.ok()) {
    int status = http_status_for(found.error().kind);
    return error_page(state, request, status, status == 403 ? "forbidden" : "server_error",
                      session);
  }
  TemplateData data;
  data.set("action", kPosListHref);
  data.set("q_from", from);
  data.set("q_to", to);
  data.set("q_terminal", terminal);
  data.set("q_officer", officer);
  data.set("q_code", code);
  if (!range.error_key.empty()) data.set("error", std::string(text(language, range.error_key)));
  TemplateData rows = TemplateData::list();
  for (const app::CounterPaymentRecord& p : found->items) {
    TemplateData row = counter_payment_row(p);
    row.set("case_href", case_href(p.case_code));
    rows.push(row);
  }
  data.set("rows", rows);
  data.set("has_rows", !found->items.empty());
  data.set("count", std::to_string(found->total));
  data.set("sum", core::format_vnd(found->total_amount));
  app::CaseListPage pages;  // page_links reads only the counts
  pages.total = found->total;
  pages.page = query.page;
  pages.page_size = query.page_size;
  std::string base = std::string(kPosListHref) + "?tu_ngay=" + percent_encoded(from) +
                     "&den_ngay=" + percent_encoded(to) + "&may=" + percent_encoded(terminal) +
                     "&can_bo=" + percent_encoded(officer) + "&ma=" + percent_encoded(code) +
                     "&trang=";
  data.set("pages", page_links(base, pages));
  return console_page(state, request, range.error_key.empty() ? 200 : 422,
                      std::string(text(language, "ctr_pos_list")), "counter_pos_list", data,
                      session, kPosListHref);
}

}  // namespace

TemplateData fee_line_row(const core::FeeLine& line, Language language) {
  TemplateData row;
  row.set("name", line_name(line));
  row.set("description", line_name(line));
  row.set("quantity", std::to_string(line.quantity));
  row.set("unit_amount", core::format_vnd(line.unit_amount));
  row.set("amount", core::format_vnd(line.amount));
  row.set("paid", std::string(text(language, line.paid ? "paid" : "unpaid")));
  row.set("method", line_payment_text(line));
  return row;
}

TemplateData counter_payment_row(const app::CounterPaymentRecord& p) {
  TemplateData row;
  row.set("id", std::to_string(p.id));
  row.set("reference", app::counter_reference(p.id));
  row.set("case_code", p.case_code);
  row.set("method", std::string(core::label_vi(p.method)));
  row.set("amount", core::format_vnd(p.amount));
  row.set("terminal_id", p.terminal_id);
  row.set("approval_code", p.approval_code);
  row.set("card", p.card_last4.empty() ? "" : "**** " + p.card_last4);
  row.set("officer", p.staff_name.empty() ? p.staff_login : p.staff_name);
  row.set("at", shown_at(p.at));
  if (p.receipt_id) {
    row.set("receipt_href", case_href(p.case_code) + "/bien-lai/" + std::to_string(*p.receipt_id));
  }
  return row;
}

void add_counter_actions(TemplateData& data, const core::CaseRecord& record) {
  TemplateData counter;
  counter.set("bill_href", counter_href(record.code, "hoa-don"));
  counter.set("pos_href", counter_href(record.code, "thanh-toan-pos"));
  counter.set("cash_href", counter_href(record.code, "thu-tien-mat"));
  counter.set("pos_list_href", std::string(kPosListHref) + "?ma=" + percent_encoded(record.code));
  counter.set("issue_action", counter_href(record.code, "phat-hanh-bien-lai"));
  bool due = false, needs_receipt = false;
  for (const core::FeeLine& line : record.fee_lines) {
    if (line.amount <= core::Money{}) continue;
    if (!line.paid) due = true;
    if (line.paid && !line.receipt_id) needs_receipt = true;
  }
  counter.set("due", due);
  counter.set("needs_receipt", needs_receipt);
  data.set("counter", counter);
}

void add_counter_routes(WebState& state) {
  auto page = [&state](auto handler) {
    return staff_only(state, [&state, handler](HttpRequest& r, const app::StaffSession& s) {
      return handler(state, r, s);
    });
  };
  for (auto [path, kind] :
       {std::pair{"thanh-toan-pos", Kind::kPos}, std::pair{"thu-tien-mat", Kind::kCash}}) {
    std::string route = std::string("/can-bo/ho-so/{code}/") + path;
    state.router.add("GET", route,
                     page([kind](WebState& st, HttpRequest& r, const app::StaffSession& s) {
                       return form_page(st, r, s, kind, 200, CounterForm{}, "");
                     }));
    state.router.add("POST", route,
                     page([kind](WebState& st, HttpRequest& r, const app::StaffSession& s) {
                       return record(st, r, s, kind);
                     }));
  }
  state.router.add("GET", "/can-bo/ho-so/{code}/hoa-don",
                   page([](WebState& st, HttpRequest& r, const app::StaffSession& s) {
                     return bill_page(st, r, s, 200, "");
                   }));
  state.router.add("POST", "/can-bo/ho-so/{code}/phat-hanh-bien-lai",
                   page([](WebState& st, HttpRequest& r, const app::StaffSession& s) {
                     return issue_receipts(st, r, s);
                   }));
  state.router.add("GET", kPosListHref,
                   page([](WebState& st, HttpRequest& r, const app::StaffSession& s) {
                     return pos_list(st, r, s);
                   }));
}

}  // namespace motcua::adapters::web
