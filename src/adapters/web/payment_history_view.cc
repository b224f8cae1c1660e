#include "adapters/web/payment_history_view.h"

#include "adapters/web/payment_views.h"
#include "app/payment_history.h"
#include "core/money.h"

namespace motcua::adapters::web {
namespace {

std::string state_text(Language language, core::PaymentState state) {
  return std::string(text(language, "rec_state_" + std::string(core::to_string(state))));
}

TemplateData callback_row(Language language, const app::PaymentCallbackRecord& c) {
  TemplateData row;
  row.set("at", shown_at(c.at));
  bool query = c.event_id.starts_with("query:");
  row.set("source",
          std::string(text(language, query ? "rec_source_query" : "rec_source_callback")));
  row.set("event_id", c.event_id);
  bool refused = c.verdict == "refused";
  row.set("refused", refused);
  std::string verdict(text(language, refused ? "rec_verdict_refused" : "rec_verdict_verified"));
  if (!refused) verdict += ", " + std::string(text(language, "rec_verdict_" + c.verdict));
  row.set("verdict", verdict);
  row.set("reason", c.reason);
  row.set("payload", c.payload);
  return row;
}

TemplateData attempt_data(Language language, const app::PaymentAttempt& attempt) {
  const app::PaymentRequestRecord& r = attempt.request;
  TemplateData data;
  data.set("reference", r.reference);
  data.set("state", state_text(language, r.state));
  data.set("succeeded", r.state == core::PaymentState::kSucceeded);
  data.set("amount", core::format_vnd(r.amount));
  data.set("created_at", shown_at(r.created_at));
  data.set("expires_at", shown_at(r.expires_at));
  data.set("settled_at", r.settled_at ? shown_at(*r.settled_at) : "");
  data.set("transaction_id", r.transaction_id);
  data.set("provider_reference", r.provider_reference);
  std::string channel;
  if (!r.channel_type.empty() || !r.channel_name.empty()) {
    std::string type = r.channel_type == "bank" ? std::string(text(language, "rec_channel_bank"))
                       : r.channel_type == "wallet"
                           ? std::string(text(language, "rec_channel_wallet"))
                           : r.channel_type;
    channel = type + ": " + (r.channel_name.empty() ? r.channel_code : r.channel_name);
  }
  data.set("channel", channel);
  TemplateData lines = TemplateData::list();
  for (const app::PaymentHistoryLine& line : attempt.lines) {
    TemplateData row;
    row.set("name", line.name);
    row.set("amount", core::format_vnd(line.amount));
    lines.push(row);
  }
  data.set("lines", lines);
  TemplateData callbacks = TemplateData::list();
  for (const app::PaymentCallbackRecord& c : attempt.callbacks) {
    callbacks.push(callback_row(language, c));
  }
  data.set("callbacks", callbacks);
  data.set("has_callbacks", !attempt.callbacks.empty());
  TemplateData events = TemplateData::list();
  for (const app::AppliedEventRecord& e : attempt.applied_events) {
    TemplateData row;
    row.set("event_id", e.event_id);
    row.set("applied_at", shown_at(e.applied_at));
    events.push(row);
  }
  data.set("applied_events", events);
  data.set("has_applied_events", !attempt.applied_events.empty());
  TemplateData overpayments = TemplateData::list();
  for (const app::OverpaymentRecord& o : attempt.overpayments) {
    TemplateData row;
    row.set("amount", core::format_vnd(o.amount));
    row.set("recorded_at", shown_at(o.recorded_at));
    overpayments.push(row);
  }
  data.set("overpayments", overpayments);
  data.set("has_overpayments", !attempt.overpayments.empty());
  return data;
}

}  // namespace

std::string payment_history_html(WebState& state, std::string_view case_code, Language language) {
  core::Result<app::CasePaymentHistory> history =
      app::PaymentHistory(state.deps.store).for_case(case_code);
  if (!history.ok()) return "";
  TemplateData data;
  data.set("t", messages(language));
  TemplateData attempts = TemplateData::list();
  for (const app::PaymentAttempt& attempt : history->attempts) {
    attempts.push(attempt_data(language, attempt));
  }
  data.set("attempts", attempts);
  data.set("has_attempts", !history->attempts.empty());
  core::Result<std::string> html = state.deps.templates->render("payment_history", data);
  return html.ok() ? html.value() : "";
}

}  // namespace motcua::adapters::web
