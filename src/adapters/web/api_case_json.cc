#include "adapters/web/api_case_json.h"

#include <boost/json.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <cstdio>

#include "core/civil_time.h"
#include "core/personal_id.h"

namespace motcua::adapters::web {
namespace {

namespace json = boost::json;

// "2024-04-26T07:27:52+07:00"; null when absent.
json::value instant(const std::optional<std::chrono::sys_seconds>& at) {
  if (!at) return nullptr;
  std::chrono::local_seconds local = core::to_vietnam_local(*at);
  std::chrono::local_days day = core::local_day(local);
  std::chrono::hh_mm_ss time{local - day};
  char clock[16];
  std::snprintf(clock, sizeof clock, "T%02d:%02d:%02d+07:00",
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return json::string(core::format_iso_date(std::chrono::year_month_day{day}) + clock);
}

json::object status_json(core::CaseStatus status) {
  return {{"number", static_cast<int>(status)}, {"label", std::string(core::label_vi(status))}};
}

json::object person_json(const core::CasePerson& person) {
  return {{"name", person.name},
          {"id_number", person.id_number},
          {"address", person.address},
          {"phone", person.phone},
          {"email", person.email}};
}

const char* channel_code(core::IntakeChannel channel) {
  switch (channel) {
    case core::IntakeChannel::kOnline:
      return "online";
    case core::IntakeChannel::kPostal:
      return "postal";
    case core::IntakeChannel::kCounter:
      break;
  }
  return "counter";
}

const char* delivery_code(core::ResultDelivery delivery) {
  switch (delivery) {
    case core::ResultDelivery::kPostal:
      return "postal";
    case core::ResultDelivery::kOnline:
      return "online";
    case core::ResultDelivery::kAtCounter:
      break;
  }
  return "at_counter";
}

const char* method_code(core::PaymentMethod method) {
  switch (method) {
    case core::PaymentMethod::kPaymentPlatform:
      return "payment_platform";
    case core::PaymentMethod::kVnpay:
      return "vnpay";
    case core::PaymentMethod::kBankTransfer:
      return "bank_transfer";
    case core::PaymentMethod::kPos:
      return "pos";
    case core::PaymentMethod::kCash:
      break;
  }
  return "cash";
}

json::object fees_json(const app::CaseListItem& item) {
  json::array lines;
  for (const core::FeeLine& line : item.record.fee_lines) {
    json::value method = nullptr;
    if (line.method) {
      method = json::object{{"code", method_code(*line.method)},
                            {"label", std::string(core::label_vi(*line.method))}};
    }
    lines.push_back(json::object{{"item", line.name},
                                 {"quantity", line.quantity},
                                 {"unit_amount", line.unit_amount.in_dong()},
                                 {"amount", line.amount.in_dong()},
                                 {"description", line.description},
                                 {"paid", line.paid},
                                 {"payment_method", std::move(method)}});
  }
  return {{"lines", std::move(lines)},
          {"total", item.payment.total.in_dong()},
          {"paid", item.payment.paid.in_dong()},
          {"remaining", item.payment.outstanding.in_dong()},
          {"payment_state", item.payment_label}};
}

}  // namespace

json::value json_instant(const std::optional<std::chrono::sys_seconds>& at) { return instant(at); }

json::object case_summary_json(const app::CaseListItem& item, const StaffNames& names) {
  const core::CaseRecord& c = item.record;
  json::value officer = nullptr;
  if (c.assigned_staff_id) {
    auto name = names.find(*c.assigned_staff_id);
    officer = json::object{{"id", *c.assigned_staff_id},
                           {"name", name == names.end() ? std::string() : name->second}};
  }
  return {{"code", c.code},
          {"procedure", json::object{{"code", c.procedure_code}, {"name", c.procedure_name}}},
          {"submitter",
           json::object{{"name", c.submitter.name},
                        {"id_number_masked", core::mask_personal_id(c.submitter.id_number)}}},
          {"status", status_json(c.status)},
          {"submitted_at", instant(c.submitted_at)},
          {"received_at", instant(c.received_at)},
          {"deadline", instant(c.deadline_at)},
          {"appointment", instant(c.appointment_at)},
          {"remaining_time", item.remaining_text},
          {"agency",
           c.processing_agency_code.empty() ? c.receiving_agency_code : c.processing_agency_code},
          {"receiving_agency", c.receiving_agency_code},
          {"officer", std::move(officer)}};
}

json::object case_detail_json(const app::CaseDetail& detail, const StaffNames& names) {
  const app::CaseListItem& item = detail.summary;
  const core::CaseRecord& c = item.record;
  json::object out = case_summary_json(item, names);
  out["submitter"] = person_json(c.submitter);
  out["owner"] = person_json(c.owner);
  out["channel"] = json::object{{"code", channel_code(c.channel)},
                                {"label", std::string(core::label_vi(c.channel))}};
  out["result_delivery"] = json::object{{"code", delivery_code(c.result_delivery)},
                                        {"label", std::string(core::label_vi(c.result_delivery))}};
  out["version"] = c.version;
  out["can_change"] = item.rights.change;
  out["fees"] = fees_json(item);
  json::array history;
  for (const app::AuditEntry& entry : detail.history) {
    history.push_back(
        json::object{{"at", instant(entry.at)}, {"action", entry.action}, {"actor", entry.actor}});
  }
  out["history"] = std::move(history);
  return out;
}

std::string api_case_href(std::string_view code) {
  return "/api/v1/cases/" + boost::urls::encode(code, boost::urls::unreserved_chars);
}

}  // namespace motcua::adapters::web
