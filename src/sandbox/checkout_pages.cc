// The payer's pages (docs/protocols/payment-platform.md, "Checkout pages"): the bill and the
// banks and wallets, one page per channel with the outcome buttons, then a 303 back to motcua's
// return_url. Plain HTML forms, no JavaScript; every value escaped by the templates.
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include "adapters/payment/platform_messages.h"
#include "adapters/web/form.h"
#include "core/civil_time.h"
#include "core/money.h"
#include "sandbox/channel_table.h"
#include "sandbox/sandbox_state.h"

namespace motcua::sandbox {
namespace {

using adapters::web::HttpRequest;
using adapters::web::HttpResponse;
using adapters::web::TemplateData;
using core::PaymentState;

std::string display_time(std::int64_t unix_seconds) {
  return core::format_display_date_time(
      core::to_vietnam_local(std::chrono::sys_seconds{std::chrono::seconds{unix_seconds}}));
}

// return_url with ref and status set (replacing any already there); "" when it is not a URL.
std::string return_to(const SandboxTransaction& t) {
  auto parsed = boost::urls::parse_uri_reference(t.request.return_url);
  if (!parsed) return "";
  boost::urls::url url(*parsed);
  url.params().set("ref", t.request.reference);
  url.params().set("status", core::to_string(t.state));
  return std::string(url.buffer());
}

HttpResponse page(const SandboxState& state, int status, const std::string& title,
                  const std::string& name, const TemplateData& data,
                  const std::string& refresh_url = "") {
  auto body = state.templates->render(name, data);
  TemplateData layout;
  layout.set("title", title);
  layout.set("body", body ? *body : std::string());
  if (!refresh_url.empty()) layout.set("refresh_url", refresh_url);
  auto html = state.templates->render("layout", layout);
  HttpResponse response = HttpResponse::html(status, html ? *html : std::string());
  response.with_header("Content-Security-Policy",
                       "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
                       "frame-ancestors 'none'");
  response.with_header("Cache-Control", "no-store");
  return response;
}

std::string bill_html(const SandboxState& state, const SandboxTransaction& t) {
  TemplateData data;
  const auto& r = t.request;
  data.set("transaction_id", t.id);
  data.set("case_code", r.case_code);
  data.set("procedure_name", r.procedure_name);
  data.set("agency_name", r.agency_name);
  data.set("payer_name", r.payer_name);
  data.set("expires_at", display_time(r.expires_at));
  TemplateData lines = TemplateData::list();
  for (const auto& line : r.fee_lines) {
    TemplateData row;
    row.set("name", line.name);
    row.set("amount", core::format_vnd(line.amount));
    lines.push(std::move(row));
  }
  data.set("lines", std::move(lines));
  data.set("total", core::format_vnd(r.amount));
  auto html = state.templates->render("bill", data);
  return html ? *html : std::string();
}

// The page for a transaction that can no longer be paid: expired, or already finished.
HttpResponse finished_page(const SandboxState& state, const SandboxTransaction& t) {
  TemplateData data;
  data.set("transaction_id", t.id);
  std::string back = return_to(t);
  if (!back.empty()) data.set("return_url", back);
  if (t.state == PaymentState::kExpired) {
    data.set("heading", "Giao dịch đã hết hạn");
    data.set("message",
             "Giao dịch đã hết hạn. Vui lòng quay lại hệ thống một cửa để tạo giao "
             "dịch mới.");
    return page(state, 410, "Giao dịch đã hết hạn", "state", data, back);
  }
  data.set("heading", std::string(core::label_vi(t.state)));
  data.set("message", "Giao dịch này đã kết thúc: " + std::string(core::label_vi(t.state)) +
                          ". Không thể thanh toán lại.");
  return page(state, 409, std::string(core::label_vi(t.state)), "state", data, back);
}

// The transaction, expired first if its time has passed; nullopt when unknown.
std::optional<SandboxTransaction> current(SandboxState& state, const std::string& id) {
  state.expire_due();
  return state.book.find(id);
}

HttpResponse not_found(const SandboxState& state) {
  TemplateData data;
  data.set("heading", "Không tìm thấy giao dịch");
  data.set("message", "Không tìm thấy giao dịch. Vui lòng kiểm tra lại đường dẫn thanh toán.");
  data.set("transaction_id", "—");
  return page(state, 404, "Không tìm thấy giao dịch", "state", data);
}

HttpResponse checkout(SandboxState& state, HttpRequest& request) {
  auto t = current(state, request.path_params.at("id"));
  if (!t) return not_found(state);
  if (t->is_final()) return finished_page(state, *t);
  TemplateData data;
  data.set("bill", bill_html(state, *t));
  TemplateData banks = TemplateData::list();
  TemplateData wallets = TemplateData::list();
  for (const auto& channel : sandbox_channels()) {
    TemplateData item;
    item.set("name", channel.name);
    item.set("code", channel.code);
    item.set("url", "/checkout/" + t->id + "/" + channel.code);
    (channel.type == "bank" ? banks : wallets).push(std::move(item));
  }
  data.set("banks", std::move(banks));
  data.set("wallets", std::move(wallets));
  data.set("cancel_action", "/checkout/" + t->id + "/outcome");
  return page(state, 200, "Thông tin thanh toán", "checkout", data);
}

HttpResponse channel_page(SandboxState& state, HttpRequest& request) {
  auto t = current(state, request.path_params.at("id"));
  if (!t) return not_found(state);
  if (t->is_final()) return finished_page(state, *t);
  auto channel = find_channel(request.path_params.at("channel"));
  if (!channel) return not_found(state);
  TemplateData data;
  data.set("channel_name", channel->name);
  data.set("channel_code", channel->code);
  data.set("transaction_id", t->id);
  data.set("case_code", t->request.case_code);
  data.set("total", core::format_vnd(t->request.amount));
  data.set("action", "/checkout/" + t->id + "/outcome");
  data.set("back_url", "/checkout/" + t->id);
  return page(state, 200, channel->name, "channel", data);
}

// POST outcome=succeeded|failed|cancelled, channel=<code> (empty only for cancelled).
HttpResponse outcome(SandboxState& state, HttpRequest& request) {
  auto t = current(state, request.path_params.at("id"));
  if (!t) return not_found(state);
  if (t->is_final()) return finished_page(state, *t);
  auto form = adapters::web::parse_form(request.body);
  auto wanted = adapters::payment::parse_wire_status(form["outcome"]);
  auto channel = find_channel(form["channel"]);
  bool cancel = wanted && *wanted == PaymentState::kCancelled;
  if (!wanted || *wanted == PaymentState::kPending || *wanted == PaymentState::kExpired ||
      (!channel && !cancel)) {
    TemplateData data;
    data.set("heading", "Yêu cầu không hợp lệ");
    data.set("message",
             "Yêu cầu không hợp lệ. Vui lòng chọn lại ngân hàng hoặc trung gian "
             "thanh toán.");
    data.set("transaction_id", t->id);
    return page(state, 400, "Yêu cầu không hợp lệ", "state", data);
  }
  auto settled = state.settle(t->id, *wanted, channel.value_or(app::GatewayChannel{}));
  if (!settled) {
    // Finished meanwhile (another tab, the sweeper): show what it is now.
    auto now = state.book.find(t->id);
    return finished_page(state, now ? *now : *t);
  }
  std::string back = return_to(*settled);
  if (back.empty()) return finished_page(state, *settled);
  HttpResponse response = HttpResponse::text(303, "");
  response.with_header("Location", back);
  return response;
}

}  // namespace

void register_checkout_pages(adapters::web::Router& router, SandboxState& state) {
  router.add("GET", "/checkout/{id}", [&state](HttpRequest& r) { return checkout(state, r); });
  router.add("GET", "/checkout/{id}/{channel}",
             [&state](HttpRequest& r) { return channel_page(state, r); });
  router.add("POST", "/checkout/{id}/outcome",
             [&state](HttpRequest& r) { return outcome(state, r); });
}

}  // namespace motcua::sandbox
