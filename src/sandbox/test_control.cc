// The test-control API (docs/protocols/payment-platform.md, "Sandbox test-control API"): faults,
// finishing without the pages, resending, and the delivery log. Loopback callers only.
#include <boost/json.hpp>

#include "adapters/payment/platform_messages.h"
#include "sandbox/channel_table.h"
#include "sandbox/sandbox_state.h"

namespace motcua::sandbox {
namespace {

namespace json = boost::json;
namespace payment = adapters::payment;
using adapters::web::HttpRequest;
using adapters::web::HttpResponse;

HttpResponse problem(int status, std::string code, std::string message) {
  return HttpResponse::json(status, payment::encode_problem({std::move(code), std::move(message)}));
}

bool is_loopback(const std::string& address) {
  return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

// The body as a JSON object, or the 400 to send.
core::Result<json::object> body_object(const HttpRequest& request) {
  boost::system::error_code ec;
  json::value value = json::parse(request.body.empty() ? "{}" : request.body, ec);
  if (ec || !value.is_object()) return core::invalid_input("the body must be a JSON object");
  return std::move(value.as_object());
}

core::Result<CallbackFaults> read_faults(const json::object& o) {
  CallbackFaults f;
  for (const auto& [key, value] : o) {
    bool ok = true;
    if (key == "duplicate" || key == "delay_ms" || key == "wrong_amount" ||
        key == "file_wrong_amount") {
      ok = value.is_int64();
      if (ok) {
        std::int64_t n = value.as_int64();
        if (key == "duplicate") {
          ok = n >= 0 && n <= 1000;
          f.duplicate = static_cast<int>(n);
        } else if (key == "delay_ms") {
          ok = n >= 0 && n <= 3'600'000;
          f.delay_ms = n;
        } else if (key == "wrong_amount") {
          f.wrong_amount = n;
        } else {
          f.file_wrong_amount = n;
        }
      }
    } else if (key == "drop" || key == "reorder" || key == "bad_signature" ||
               key == "file_duplicate") {
      ok = value.is_bool();
      if (ok) {
        (key == "drop"             ? f.drop
         : key == "reorder"        ? f.reorder
         : key == "file_duplicate" ? f.file_duplicate
                                   : f.bad_signature) = value.as_bool();
      }
    } else {
      return core::invalid_input("unknown fault '" + std::string(key) + "'");
    }
    if (!ok) return core::invalid_input("fault '" + std::string(key) + "' has a bad value");
  }
  return f;
}

HttpResponse set_faults(SandboxState& state, HttpRequest& request) {
  const std::string& id = request.path_params.at("id");
  if (!state.book.find(id)) return problem(404, "not_found", "no transaction " + id);
  auto body = body_object(request);
  if (!body) return problem(400, "invalid_request", body.error().message);
  auto faults = read_faults(*body);
  if (!faults) return problem(400, "invalid_request", faults.error().message);
  state.dispatcher.set_faults(id, *faults);
  return HttpResponse::json(200, request.body.empty() ? "{}" : request.body);
}

HttpResponse complete(SandboxState& state, HttpRequest& request) {
  const std::string& id = request.path_params.at("id");
  auto body = body_object(request);
  if (!body) return problem(400, "invalid_request", body.error().message);
  const json::value* outcome = body->if_contains("outcome");
  auto wanted = outcome && outcome->is_string()
                    ? payment::parse_wire_status(outcome->as_string())
                    : core::Result<core::PaymentState>(core::invalid_input("outcome"));
  if (!wanted || *wanted == core::PaymentState::kPending) {
    return problem(400, "invalid_request",
                   "outcome must be succeeded, failed, cancelled or expired");
  }
  app::GatewayChannel channel;
  if (const json::value* code = body->if_contains("channel"); code && code->is_string()) {
    auto found = find_channel(code->as_string());
    if (!found) return problem(400, "invalid_request", "unknown channel");
    channel = *found;
  } else if (*wanted == core::PaymentState::kSucceeded) {
    channel = *find_channel("MOMO");
  }
  auto settled = state.settle(id, *wanted, channel, /*allow_late_success=*/true);
  if (!settled) {
    int status = settled.error().kind == core::ErrorKind::kNotFound ? 404 : 409;
    return problem(status, status == 404 ? "not_found" : "conflict", settled.error().message);
  }
  return HttpResponse::json(200, payment::encode_status_answer(settled->outcome()));
}

HttpResponse resend(SandboxState& state, HttpRequest& request) {
  if (!state.dispatcher.resend(request.path_params.at("id"))) {
    return problem(404, "not_found", "the transaction has no final event to resend");
  }
  return HttpResponse::json(200, R"({"resent":true})");
}

HttpResponse callback_log(SandboxState& state, HttpRequest& request) {
  json::array list;
  for (const auto& r : state.dispatcher.log(request.query_value("transaction_id"))) {
    list.push_back(json::object{{"event_id", r.event_id},
                                {"transaction_id", r.transaction_id},
                                {"event_type", r.event_type},
                                {"copy", r.copy},
                                {"attempt", r.attempt},
                                {"at_ms", r.at_ms},
                                {"status", r.status},
                                {"answer", r.answer},
                                {"result", r.result}});
  }
  return HttpResponse::json(200, json::serialize(json::object{{"callbacks", std::move(list)}}));
}

// Wraps a handler so that only loopback callers reach it.
adapters::web::HttpHandler loopback_only(SandboxState& state,
                                         HttpResponse (*handler)(SandboxState&, HttpRequest&)) {
  return [&state, handler](HttpRequest& request) {
    if (!is_loopback(request.remote_address)) {
      return problem(403, "forbidden", "the test-control API answers loopback callers only");
    }
    return handler(state, request);
  };
}

}  // namespace

void register_test_control(adapters::web::Router& router, SandboxState& state) {
  router.add("POST", "/test/v1/transactions/{id}/faults", loopback_only(state, set_faults));
  router.add("POST", "/test/v1/transactions/{id}/complete", loopback_only(state, complete));
  router.add("POST", "/test/v1/transactions/{id}/resend", loopback_only(state, resend));
  router.add("GET", "/test/v1/callbacks", loopback_only(state, callback_log));
}

}  // namespace motcua::sandbox
