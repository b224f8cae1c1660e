#include "adapters/payment/platform_messages.h"

#include <boost/json.hpp>

#include "core/money.h"

namespace motcua::adapters::payment {
namespace {

namespace json = boost::json;
using core::PaymentState;

// Reads fields of one JSON object, remembering the first problem. `where` prefixes field names
// in messages ("bill.fee_lines[1].").
class FieldReader {
 public:
  FieldReader(const json::object& object, std::string where, core::Status* status)
      : object_(object), where_(std::move(where)), status_(status) {}

  std::string text(std::string_view name, bool required = true) {
    const json::value* v = object_.if_contains(name);
    if (v == nullptr || v->is_null()) {
      if (required) fail(name, "is required");
      return {};
    }
    if (!v->is_string()) {
      fail(name, "must be a string");
      return {};
    }
    std::string out(v->as_string());
    if (required && out.empty()) fail(name, "must not be empty");
    return out;
  }

  // A JSON integer; a decimal, a string or a number past int64 is refused.
  std::int64_t integer(std::string_view name) {
    const json::value* v = object_.if_contains(name);
    if (v == nullptr || v->is_null()) {
      fail(name, "is required");
      return 0;
    }
    if (v->is_int64()) return v->as_int64();
    fail(name, "must be a JSON integer (whole dong, no decimals, not a string)");
    return 0;
  }

  core::Money amount(std::string_view name) { return core::Money::dong(integer(name)); }

  // An RFC 3339 time; 0 when absent and not required.
  std::int64_t time(std::string_view name, bool required = true) {
    std::string raw = text(name, required);
    if (raw.empty()) return 0;
    auto parsed = parse_rfc3339(raw);
    if (!parsed) {
      fail(name, "must be an RFC 3339 time like 2024-04-26T07:27:52+07:00");
      return 0;
    }
    return *parsed;
  }

  void currency() {
    std::string value = text("currency");
    if (!value.empty() && value != "VND") fail("currency", "must be \"VND\"");
  }

  PaymentState status() {
    std::string raw = text("status");
    if (raw.empty()) return PaymentState::kPending;
    auto state = parse_wire_status(raw);
    if (!state) fail("status", "is not a platform status");
    return state ? *state : PaymentState::kPending;
  }

  const json::object* object(std::string_view name, bool required = true) {
    const json::value* v = object_.if_contains(name);
    if (v == nullptr || v->is_null()) {
      if (required) fail(name, "is required");
      return nullptr;
    }
    if (!v->is_object()) {
      fail(name, "must be an object");
      return nullptr;
    }
    return &v->as_object();
  }

  const json::array* array(std::string_view name) {
    const json::value* v = object_.if_contains(name);
    if (v == nullptr || !v->is_array()) {
      fail(name, "must be an array");
      return nullptr;
    }
    return &v->as_array();
  }

  // A reader for an object inside this one; the first problem of either is kept.
  FieldReader nested(const json::object& object, std::string where) const {
    return FieldReader(object, std::move(where), status_);
  }
  bool ok() const { return status_->ok(); }

  void fail(std::string_view name, std::string_view problem) {
    if (status_->ok()) {
      *status_ =
          core::invalid_input("field '" + where_ + std::string(name) + "' " + std::string(problem));
    }
  }

 private:
  const json::object& object_;
  std::string where_;
  core::Status* status_;
};

// Parses `text` as a JSON object and reads a T from it with read(FieldReader&); the first field
// problem, if any, is the result.
template <typename T, typename Read>
core::Result<T> decode_object(std::string_view text, Read read) {
  boost::system::error_code ec;
  json::value value = json::parse(text, ec);
  if (ec) return core::invalid_input("the body is not JSON: " + ec.message());
  if (!value.is_object()) return core::invalid_input("the body is not a JSON object");
  core::Status status;
  FieldReader reader(value.as_object(), "", &status);
  T out = read(reader);
  if (!status.ok()) return status.error();
  return out;
}

json::value time_or_null(std::int64_t unix_seconds) {
  if (unix_seconds == 0) return nullptr;
  return json::value(format_rfc3339_vietnam(unix_seconds));
}

json::value text_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  return json::value(text);
}

json::object channel_json(const app::GatewayChannel& channel) {
  return {{"type", channel.type}, {"code", channel.code}, {"name", channel.name}};
}

json::value channel_or_null(const app::GatewayChannel& channel) {
  if (channel.code.empty()) return nullptr;
  return channel_json(channel);
}

app::GatewayChannel read_channel(FieldReader r) {
  app::GatewayChannel channel{r.text("type"), r.text("code"), r.text("name")};
  if (r.ok() && channel.type != "bank" && channel.type != "wallet") {
    r.fail("type", "must be \"bank\" or \"wallet\"");
  }
  return channel;
}

// The fields a status answer and a callback event share.
json::object outcome_json(const app::GatewayOutcome& o) {
  return {{"transaction_id", o.transaction_id},
          {"client_transaction_id", o.reference},
          {"status", core::to_string(o.state)},
          {"amount", o.amount.in_dong()},
          {"currency", o.currency.empty() ? std::string("VND") : o.currency},
          {"paid_at", time_or_null(o.paid_at)},
          {"channel", channel_or_null(o.channel)},
          {"provider_reference", text_or_null(o.provider_reference)}};
}

void read_outcome(FieldReader& r, app::GatewayOutcome* o) {
  o->transaction_id = r.text("transaction_id");
  o->reference = r.text("client_transaction_id");
  o->amount = r.amount("amount");
  r.currency();
  o->currency = "VND";
  o->paid_at = r.time("paid_at", false);
  o->provider_reference = r.text("provider_reference", false);
  if (const json::object* channel = r.object("channel", false)) {
    o->channel = read_channel(r.nested(*channel, "channel."));
  }
}

}  // namespace

core::Result<PaymentState> parse_wire_status(std::string_view text) {
  for (PaymentState state :
       {PaymentState::kPending, PaymentState::kSucceeded, PaymentState::kFailed,
        PaymentState::kCancelled, PaymentState::kExpired}) {
    if (core::to_string(state) == text) return state;
  }
  return core::invalid_input("'" + std::string(text) + "' is not a platform status");
}

std::string event_type_for(PaymentState state) {
  switch (state) {
    case PaymentState::kSucceeded:
    case PaymentState::kFailed:
    case PaymentState::kCancelled:
    case PaymentState::kExpired:
      return "transaction." + std::string(core::to_string(state));
    default:
      return "";
  }
}

std::string encode_create_request(const app::GatewayTransactionRequest& r) {
  json::array lines;
  for (const auto& line : r.fee_lines) {
    lines.push_back(json::object{
        {"line_id", line.line_id}, {"name", line.name}, {"amount", line.amount.in_dong()}});
  }
  json::object bill{{"case_code", r.case_code},
                    {"procedure_code", r.procedure_code},
                    {"procedure_name", r.procedure_name},
                    {"agency_code", r.agency_code},
                    {"agency_name", r.agency_name},
                    {"payer_name", r.payer_name},
                    {"payer_id_number", r.payer_id_number},
                    {"fee_lines", std::move(lines)},
                    {"beneficiary", json::object{{"bank_bin", r.beneficiary_bank_bin},
                                                 {"account_number", r.beneficiary_account},
                                                 {"account_name", r.beneficiary_name}}}};
  json::object body{{"client_transaction_id", r.reference},
                    {"amount", r.amount.in_dong()},
                    {"currency", "VND"},
                    {"description", r.description},
                    {"return_url", r.return_url},
                    {"callback_url", r.callback_url},
                    {"expires_at", format_rfc3339_vietnam(r.expires_at)},
                    {"bill", std::move(bill)}};
  return json::serialize(body);
}

namespace {

// The bill part of a create request.
void read_bill(FieldReader b, app::GatewayTransactionRequest* out) {
  out->case_code = b.text("case_code");
  out->procedure_code = b.text("procedure_code", false);
  out->procedure_name = b.text("procedure_name", false);
  out->agency_code = b.text("agency_code", false);
  out->agency_name = b.text("agency_name", false);
  out->payer_name = b.text("payer_name");
  out->payer_id_number = b.text("payer_id_number", false);
  if (const json::array* lines = b.array("fee_lines")) {
    if (lines->empty()) b.fail("fee_lines", "must not be empty");
    for (std::size_t i = 0; i < lines->size(); ++i) {
      if (!(*lines)[i].is_object()) {
        b.fail("fee_lines", "must hold objects");
        break;
      }
      FieldReader l =
          b.nested((*lines)[i].as_object(), "bill.fee_lines[" + std::to_string(i) + "].");
      app::GatewayFeeLine line{l.integer("line_id"), l.text("name"), l.amount("amount")};
      if (l.ok() && line.amount.in_dong() <= 0) l.fail("amount", "must be more than 0");
      out->fee_lines.push_back(std::move(line));
    }
  }
  if (const json::object* beneficiary = b.object("beneficiary", false)) {
    FieldReader n = b.nested(*beneficiary, "bill.beneficiary.");
    out->beneficiary_bank_bin = n.text("bank_bin", false);
    out->beneficiary_account = n.text("account_number", false);
    out->beneficiary_name = n.text("account_name", false);
  }
}

// amount > 0 and equal to the sum of the fee lines.
core::Status check_sum(const app::GatewayTransactionRequest& request) {
  if (request.amount.in_dong() <= 0) {
    return core::invalid_input("field 'amount' must be more than 0");
  }
  core::Money sum;
  for (const auto& line : request.fee_lines) {
    auto next = core::checked_add(sum, line.amount);
    if (!next) return core::invalid_input("the fee lines add up past the largest amount");
    sum = *next;
  }
  if (sum != request.amount) {
    return core::invalid_input("field 'amount' (" + std::to_string(request.amount.in_dong()) +
                               ") must equal the sum of bill.fee_lines (" +
                               std::to_string(sum.in_dong()) + ")");
  }
  return {};
}

}  // namespace

core::Result<app::GatewayTransactionRequest> decode_create_request(std::string_view text) {
  auto decoded = decode_object<app::GatewayTransactionRequest>(text, [](FieldReader& r) {
    app::GatewayTransactionRequest out;
    out.reference = r.text("client_transaction_id");
    out.amount = r.amount("amount");
    r.currency();
    out.description = r.text("description");
    out.return_url = r.text("return_url");
    out.callback_url = r.text("callback_url");
    out.expires_at = r.time("expires_at");
    if (const json::object* bill = r.object("bill")) read_bill(r.nested(*bill, "bill."), &out);
    return out;
  });
  if (!decoded) return decoded;
  if (auto sum = check_sum(*decoded); !sum) return sum.error();
  return decoded;
}

std::string encode_create_answer(const app::GatewayTransaction& t) {
  return json::serialize(json::object{{"transaction_id", t.transaction_id},
                                      {"payment_url", t.payment_url},
                                      {"status", core::to_string(t.state)},
                                      {"expires_at", format_rfc3339_vietnam(t.expires_at)}});
}

core::Result<app::GatewayTransaction> decode_create_answer(std::string_view text) {
  return decode_object<app::GatewayTransaction>(text, [](FieldReader& r) {
    app::GatewayTransaction out;
    out.transaction_id = r.text("transaction_id");
    out.payment_url = r.text("payment_url");
    out.state = r.status();
    out.expires_at = r.time("expires_at");
    return out;
  });
}

std::string encode_status_answer(const app::GatewayOutcome& status) {
  json::object body = outcome_json(status);
  body["updated_at"] = time_or_null(status.occurred_at);
  return json::serialize(body);
}

core::Result<app::GatewayOutcome> decode_status_answer(std::string_view text) {
  return decode_object<app::GatewayOutcome>(text, [](FieldReader& r) {
    app::GatewayOutcome out;
    read_outcome(r, &out);
    out.state = r.status();
    out.occurred_at = r.time("updated_at", false);
    out.event_id = "query:" + out.transaction_id;
    return out;
  });
}

std::string encode_callback_event(const CallbackEvent& event) {
  json::object body = outcome_json(event.outcome);
  body.erase("status");
  json::object out{{"event_id", event.outcome.event_id},
                   {"event_type", event.event_type.empty() ? event_type_for(event.outcome.state)
                                                           : event.event_type}};
  for (auto& field : body) out.insert(field);
  out["occurred_at"] = format_rfc3339_vietnam(event.outcome.occurred_at);
  return json::serialize(out);
}

core::Result<CallbackEvent> decode_callback_event(std::string_view text) {
  auto decoded = decode_object<CallbackEvent>(text, [](FieldReader& r) {
    CallbackEvent out;
    out.outcome.event_id = r.text("event_id");
    out.event_type = r.text("event_type");
    read_outcome(r, &out.outcome);
    out.outcome.occurred_at = r.time("occurred_at");
    return out;
  });
  if (!decoded) return decoded;
  CallbackEvent out = std::move(decoded).value();
  constexpr std::string_view kPrefix = "transaction.";
  auto state = out.event_type.starts_with(kPrefix)
                   ? parse_wire_status(std::string_view(out.event_type).substr(kPrefix.size()))
                   : core::Result<PaymentState>(core::invalid_input(""));
  if (!state || *state == PaymentState::kPending) {
    return core::invalid_input("field 'event_type' is not a known event ('" + out.event_type +
                               "')");
  }
  out.outcome.state = *state;
  return out;
}

std::string encode_channel_list(const std::vector<app::GatewayChannel>& channels) {
  json::array list;
  for (const auto& channel : channels) list.push_back(channel_json(channel));
  return json::serialize(json::object{{"channels", std::move(list)}});
}

core::Result<std::vector<app::GatewayChannel>> decode_channel_list(std::string_view text) {
  return decode_object<std::vector<app::GatewayChannel>>(text, [](FieldReader& r) {
    std::vector<app::GatewayChannel> out;
    if (const json::array* list = r.array("channels")) {
      for (std::size_t i = 0; i < list->size() && r.ok(); ++i) {
        if (!(*list)[i].is_object()) {
          r.fail("channels", "must hold objects");
          break;
        }
        out.push_back(
            read_channel(r.nested((*list)[i].as_object(), "channels[" + std::to_string(i) + "].")));
      }
    }
    return out;
  });
}

std::string encode_problem(const Problem& problem) {
  return json::serialize(json::object{{"code", problem.code}, {"message", problem.message}});
}

core::Result<Problem> decode_problem(std::string_view text) {
  return decode_object<Problem>(text, [](FieldReader& r) {
    return Problem{r.text("code"), r.text("message", false)};
  });
}

}  // namespace motcua::adapters::payment
