// The live pages' event streams (Server-Sent Events, issue 6 "Live status"): each stream sends
// the case's state at once, then again whenever the change feed (app::CaseEventFeed) reports a
// committed change to it, in whichever process it was made. The data is the JSON that
// static/live_status.js draws the page from; the pages work without it by reloading.
#include <set>

#include "adapters/web/case_table.h"
#include "adapters/web/event_stream.h"
#include "adapters/web/page_support.h"
#include "adapters/web/payment_views.h"
#include "adapters/web/public_site.h"
#include "adapters/web/receipt_views.h"
#include "adapters/web/web_state.h"
#include "app/case_lookup.h"
#include "app/json_object.h"
#include "app/public_payment.h"
#include "core/money.h"

namespace motcua::adapters::web {
namespace {

constexpr int kRetryMs = 3000;              // the browser reconnects after this (another process)
constexpr std::size_t kMaxListCodes = 100;  // cases one list stream follows

using Render = std::function<core::Result<std::string>(std::string_view code)>;

std::string_view progress_name(core::PaymentProgress progress) {
  switch (progress) {
    case core::PaymentProgress::kUnpaid:
      return "unpaid";
    case core::PaymentProgress::kPartlyPaid:
      return "partly";
    case core::PaymentProgress::kPaid:
      return "paid";
    case core::PaymentProgress::kNothingDue:
      break;
  }
  return "none";
}

// The list badge: "" when the case has no fees.
std::string badge_text(Language language, core::PaymentProgress progress) {
  std::string_view name = progress_name(progress);
  if (name == "none") return "";
  return std::string(text(language, "live_badge_" + std::string(name)));
}

// A JSON array of already-encoded values.
std::string json_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + items[i];
  return out + "]";
}

// Appends `"key":<raw JSON>` to an object string "{...}".
std::string with_raw(std::string object, std::string_view key, const std::string& raw) {
  object.pop_back();
  if (object.size() > 1) object += ",";
  object += app::json_string(key) + ":" + raw + "}";
  return object;
}

std::string receipts_json(const std::vector<app::ReceiptSummary>& receipts,
                          const std::string& href_base, Language language) {
  std::vector<std::string> items;
  for (const app::ReceiptSummary& r : receipts) {
    app::JsonObject item;
    item.add("form_symbol", r.form_symbol)
        .add("series", r.series)
        .add("number", r.number)
        .add("amount", core::format_vnd(r.amount))
        .add("issued_at", shown_at(r.issued_at))
        .add("href", href_base + "/" + std::to_string(r.id) + "/pdf")
        .add("page_href", href_base + "/" + std::to_string(r.id))
        .add("state_label", text(language, receipt_state_key(r.state)))
        .add("details", text(language, "rcpt_details"))
        .add("label", std::string(text(language, "pay_receipt_information")) + " " + r.series +
                          " " + r.number)
        .add("view", text(language, "pay_view_receipt"));
    items.push_back(item.str());
  }
  return json_array(items);
}

// What the officer's case page and the console's lists draw: status, totals, each line's
// payment, receipts, badge. kNotFound / kForbidden as app::CaseLookup::open_case.
core::Result<std::string> staff_case_json(WebState& state, const core::StaffMember& staff,
                                          std::string_view code, Language language) {
  core::Result<app::CaseDetail> detail =
      app::CaseLookup(state.deps.store, state.deps.clock).open_case(staff, code);
  if (!detail.ok()) return detail.error();
  const app::CaseListItem& item = detail->summary;
  const core::CaseRecord& c = item.record;
  app::JsonObject object;
  object.add("code", c.code)
      .add("status", item.status_label)
      .add("progress", progress_name(item.payment.progress))
      .add("badge", badge_text(language, item.payment.progress))
      .add("total", core::format_vnd(item.payment.total))
      .add("paid_total", core::format_vnd(item.payment.paid))
      .add("outstanding", detail->outstanding_text);
  std::vector<std::string> lines;
  for (const core::FeeLine& line : c.fee_lines) {
    app::JsonObject row;
    row.add("paid", line.paid)
        .add("paid_text", text(language, line.paid ? "paid" : "unpaid"))
        .add("method", line_payment_text(line));
    lines.push_back(row.str());
  }
  std::string json = with_raw(object.str(), "lines", json_array(lines));
  std::string waiting;
  std::vector<app::ReceiptSummary> receipts;
  if (state.deps.payments != nullptr) {
    core::Result<app::CasePayments> payments = state.deps.payments->case_payments(c.code);
    if (payments.ok()) {
      if (payments->open) waiting = std::string(text(language, "pay_waiting"));
      receipts = payments->receipts;
    }
  }
  json = with_raw(json, "waiting", app::json_string(waiting));
  return with_raw(json, "receipts",
                  receipts_json(receipts, case_href(c.code) + "/bien-lai", language));
}

// What the public payment page draws: the amount still due, the settled message and the
// receipts' links under the pay link.
core::Result<std::string> public_case_json(WebState& state, std::string_view code,
                                           Language language) {
  core::Result<app::PublicPayment> found = app::find_public_payment(state.deps.store, code);
  if (!found.ok()) return found.error();
  const app::PublicPayment& p = *found;
  app::JsonObject object;
  object.add("code", p.case_code)
      .add("progress", progress_name(p.progress))
      .add("amount_due", core::format_vnd(p.amount_due))
      .add("due", p.amount_due.in_dong() > 0);
  std::string settled;
  if (p.amount_due.in_dong() <= 0) {
    settled =
        text(language, p.progress == core::PaymentProgress::kPaid ? "pub_all_paid" : "pub_no_fees");
  }
  object.add("settled", settled);
  std::vector<app::ReceiptSummary> receipts;
  std::string link = payment_link_path(state, p.case_code);
  if (p.progress != core::PaymentProgress::kUnpaid && state.deps.payments != nullptr) {
    core::Result<app::CasePayments> payments = state.deps.payments->case_payments(p.case_code);
    if (payments.ok()) receipts = payments->receipts;
  }
  return with_raw(object.str(), "receipts", receipts_json(receipts, link + "/bien-lai", language));
}

HttpResponse plain(int status, std::string body) {
  return HttpResponse::text(status, std::move(body) + "\n")
      .with_header("Cache-Control", "no-store");
}

// Opens a stream of `first` (one event per case) followed by a fresh rendering of each case of
// `codes` that the feed reports changed. 429 when the client or the process is at its bound.
HttpResponse open_stream(WebState& state, const HttpRequest& request, std::set<std::string> codes,
                         Render render, const std::vector<std::string>& first) {
  app::CaseEventFeed* feed = state.deps.case_events;
  std::string client = client_address(state, request);
  if (!state.live_streams.acquire(client)) {
    return plain(429, "Too Many Requests").with_header("Retry-After", "30");
  }
  auto stream = std::make_shared<EventStream>(kRetryMs);
  for (const std::string& json : first) stream->send("case", json);
  std::weak_ptr<EventStream> weak = stream;
  std::uint64_t subscription =
      feed->subscribe([weak, codes = std::move(codes), render](const app::CaseEvent& event) {
        if (!codes.contains(event.case_code)) return;
        std::shared_ptr<EventStream> live = weak.lock();
        if (!live) return;
        core::Result<std::string> json = render(event.case_code);
        if (json.ok()) {
          live->send("case", *json, std::to_string(event.id));
        } else if (json.error().kind != core::ErrorKind::kStorage) {
          live->close();  // no longer readable (moved out of scope, cancelled): stop
        }
      });
  stream->on_end([&state, feed, subscription, client] {
    feed->unsubscribe(subscription);
    state.live_streams.release(client);
  });
  return HttpResponse::event_stream(stream);
}

HttpResponse staff_stream(WebState& state, HttpRequest& request, bool list) {
  std::optional<app::StaffSession> session = signed_in_staff(state, request);
  if (!session) return plain(401, "Unauthorized");
  if (state.deps.case_events == nullptr) return plain(503, "Service Unavailable");
  Language language = language_of(request);
  core::StaffMember staff = session->staff;
  Render render = [&state, staff, language](std::string_view code) {
    return staff_case_json(state, staff, code, language);
  };
  std::vector<std::string> asked;
  if (list) {
    auto [from, to] = request.query.equal_range("ma");
    for (auto it = from; it != to && asked.size() < kMaxListCodes; ++it) {
      if (!it->second.empty()) asked.push_back(it->second);
    }
  } else {
    asked.push_back(request.path_params["code"]);
  }
  std::set<std::string> codes;
  std::vector<std::string> first;
  for (const std::string& code : asked) {
    if (codes.contains(code)) continue;
    core::Result<std::string> json = render(code);
    if (!json.ok()) {
      if (json.error().kind == core::ErrorKind::kStorage) return plain(503, "Service Unavailable");
      if (!list) return plain(404, "Not Found");  // out of scope reads as unknown, as the page
      continue;                                   // a list follows the cases it may read
    }
    codes.insert(code);
    first.push_back(std::move(json).value());
  }
  if (codes.empty()) return plain(204, "");  // nothing to follow: EventSource stops
  return open_stream(state, request, std::move(codes), render, first);
}

HttpResponse public_stream(WebState& state, HttpRequest& request) {
  const std::string& code = request.path_params["code"];
  if (!payment_link_valid(state, code, request.path_params["token"])) {
    return plain(404, "Not Found");
  }
  if (state.deps.case_events == nullptr) return plain(503, "Service Unavailable");
  Language language = language_of(request);
  Render render = [&state, language](std::string_view c) {
    return public_case_json(state, c, language);
  };
  core::Result<std::string> json = render(code);
  if (!json.ok()) {
    return plain(json.error().kind == core::ErrorKind::kNotFound ? 404 : 503, "Unavailable");
  }
  return open_stream(state, request, {code}, render, {*json});
}

}  // namespace

void add_live_routes(WebState& state) {
  state.router.add("GET", "/can-bo/ho-so/{code}/su-kien",
                   [&state](HttpRequest& r) { return staff_stream(state, r, false); });
  state.router.add("GET", "/can-bo/su-kien",
                   [&state](HttpRequest& r) { return staff_stream(state, r, true); });
  state.router.add("GET", "/tt/{code}/{token}/su-kien",
                   [&state](HttpRequest& r) { return public_stream(state, r); });
}

}  // namespace motcua::adapters::web
