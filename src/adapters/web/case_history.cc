#include "adapters/web/case_history.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "core/case_status.h"
#include "core/civil_time.h"

namespace motcua::adapters::web {
namespace {

// What an audit snapshot says about the case's status, when it says it.
struct Snapshot {
  std::string status;
  std::int64_t status_code = 0;
  std::string reason;
};

Snapshot read_snapshot(std::string_view json) {
  Snapshot snapshot;
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(json, error);
  if (error || !value.is_object()) return snapshot;
  const boost::json::object& object = value.get_object();
  if (const auto* s = object.if_contains("status"); s && s->is_string()) {
    snapshot.status = std::string(s->get_string());
  }
  if (const auto* c = object.if_contains("status_code"); c && c->is_int64()) {
    snapshot.status_code = c->get_int64();
  }
  if (const auto* r = object.if_contains("reason"); r && r->is_string()) {
    snapshot.reason = std::string(r->get_string());
  }
  return snapshot;
}

// The message key naming an audit action; empty for an action without one.
std::string_view action_key(std::string_view action) {
  if (action == "case.intake") return "history_intake";
  if (action == "case.submit") return "history_submit";
  if (action == "case.status") return "history_status";
  if (action == "case.deleted") return "history_deleted";
  if (action == "fee_line.paid") return "history_fee_paid";
  if (action == "payment.counter") return "ctr_history_counter";
  if (action == "receipt.issued") return "ctr_history_receipt";
  return "";
}

std::string actor_name(const app::CaseDetail& detail, const std::string& actor) {
  auto it = detail.actor_names.find(actor);
  return it == detail.actor_names.end() ? actor : it->second;
}

std::string shown_at(std::chrono::sys_seconds at) {
  return core::format_display_date_time(core::to_vietnam_local(at));
}

bool is_outcome(core::CaseStatus status) {
  using enum core::CaseStatus;
  return status == kProcessed || status == kResultReturned || status == kRejected ||
         status == kStopped || status == kCancelled || status == kWithdrawalRequested;
}

}  // namespace

std::vector<HistoryEvent> history_events(const app::CaseDetail& detail, Language language) {
  std::vector<HistoryEvent> events;
  for (const app::AuditEntry& entry : detail.history) {
    Snapshot snapshot = read_snapshot(entry.after);
    std::string_view key = action_key(entry.action);
    events.push_back({entry.at, entry.action,
                      key.empty() ? entry.action : std::string(text(language, key)),
                      actor_name(detail, entry.actor), snapshot.status, snapshot.reason});
  }
  return events;
}

TemplateData history_rows(const app::CaseDetail& detail, Language language) {
  TemplateData rows = TemplateData::list();
  for (const HistoryEvent& event : history_events(detail, language)) {
    TemplateData row;
    row.set("at", shown_at(event.at));
    row.set("action", event.action_text);
    row.set("actor", event.actor);
    row.set("status", event.status);
    if (!event.reason.empty()) row.set("reason", event.reason);
    rows.push(row);
  }
  return rows;
}

std::optional<TemplateData> processing_result(const app::CaseDetail& detail) {
  const core::CaseRecord& record = detail.summary.record;
  if (!is_outcome(record.status)) return std::nullopt;
  TemplateData result;
  result.set("outcome", detail.summary.status_label);
  // The latest entry that moved the case into its current status tells when, who and why.
  for (auto it = detail.history.rbegin(); it != detail.history.rend(); ++it) {
    Snapshot snapshot = read_snapshot(it->after);
    if (snapshot.status_code != static_cast<int>(record.status)) continue;
    result.set("at", shown_at(it->at));
    result.set("actor", actor_name(detail, it->actor));
    result.set("reason", snapshot.reason);
    break;
  }
  result.set("delivery", std::string(core::label_vi(record.result_delivery)));
  return result;
}

}  // namespace motcua::adapters::web
