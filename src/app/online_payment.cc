#include "app/online_payment.h"

#include <algorithm>
#include <set>

#include "app/json_object.h"
#include "app/payment_bill.h"
#include "app/receipt_issue.h"
#include "core/money.h"
#include "core/payable_lines.h"
#include "core/payment_reference.h"
#include "core/payment_settlement.h"

namespace motcua::app {
namespace {

using core::PaymentState;

constexpr std::string_view kReferenceScope = "payment_request";

bool awaiting(const PaymentRequestRecord& r, std::chrono::sys_seconds now) {
  return (r.state == PaymentState::kCreated || r.state == PaymentState::kPending) &&
         now < r.expires_at;
}

std::set<std::int64_t> line_set(const std::vector<PaymentRequestLine>& lines) {
  std::set<std::int64_t> out;
  for (const PaymentRequestLine& l : lines) out.insert(l.fee_line_id);
  return out;
}

std::string query_event_id(const std::string& transaction_id, PaymentState state) {
  return "query:" + transaction_id + ":" + std::string(core::to_string(state));
}

core::Error not_found(std::string message) {
  return core::Error{core::ErrorKind::kNotFound, std::move(message)};
}

}  // namespace

std::string_view to_string(ApplyVerdict verdict) {
  switch (verdict) {
    case ApplyVerdict::kApplied:
      return "applied";
    case ApplyVerdict::kDuplicate:
      return "duplicate";
    case ApplyVerdict::kStale:
      return "stale";
  }
  return "";
}

OnlinePayment::OnlinePayment(Store& store, PaymentGateway& gateway, const Clock& clock,
                             OnlinePaymentSettings settings, EventLog* log)
    : store_(store), gateway_(gateway), clock_(clock), settings_(std::move(settings)), log_(log) {}

core::Result<PaymentStart> OnlinePayment::start(std::string_view case_code,
                                                const std::vector<std::int64_t>& line_ids) {
  const std::chrono::sys_seconds now = clock_.now();
  PaymentRequestRecord request;
  GatewayTransactionRequest bill;
  bool nothing_due = false;
  bool reused = false;
  core::Status stored = store_.transact([&](Repositories& r) -> core::Status {
    request = {};
    nothing_due = reused = false;
    auto found = r.cases().find_by_code(case_code);
    if (!found.ok()) return found.error();
    if (!found->has_value()) return not_found("there is no case " + std::string(case_code));
    const core::CaseRecord& record = **found;
    if (core::Status locked = r.payments().lock_case(record.id); !locked.ok()) return locked;
    auto payable = core::choose_payable_lines(record.fee_lines, line_ids);
    if (!payable.ok()) return payable.error();
    if (payable->lines.empty()) {
      nothing_due = true;
      return {};
    }
    auto requests = r.payments().list_for_case(record.id);
    if (!requests.ok()) return requests.error();
    std::vector<PaymentRequestRecord> open;
    for (const PaymentRequestRecord& p : requests.value()) {
      if (awaiting(p, now)) open.push_back(p);
    }
    std::set<std::int64_t> wanted;
    for (const core::FeeLine& l : payable->lines) wanted.insert(l.id);
    auto same = std::find_if(open.begin(), open.end(), [&](const PaymentRequestRecord& p) {
      return line_set(p.lines) == wanted;
    });
    // Lines awaiting another open request are not requested twice.
    std::vector<PaymentRequestLine> lines;
    core::Money total;
    for (const core::FeeLine& l : payable->lines) {
      if (same != open.end()) break;
      auto holder = std::find_if(open.begin(), open.end(), [&](const PaymentRequestRecord& p) {
        return line_set(p.lines).contains(l.id);
      });
      if (holder != open.end()) {
        if (!line_ids.empty()) {
          return core::Error{
              core::ErrorKind::kConflict,
              "fee line " + std::to_string(l.id) + " awaits payment request " + holder->reference};
        }
        continue;
      }
      lines.push_back({l.id, l.amount});
      auto sum = core::checked_add(total, l.amount);
      if (!sum.ok()) return sum.error();
      total = sum.value();
    }
    if (same != open.end()) {
      request = *same;
      reused = true;
    } else if (lines.empty()) {
      request = open.front();  // every unpaid line awaits an open request: the newest
      reused = true;
    } else {
      auto sequence = r.sequences().next(kReferenceScope);
      if (!sequence.ok()) return sequence.error();
      auto reference = core::format_payment_reference(sequence.value());
      if (!reference.ok()) return reference.error();
      request.case_id = record.id;
      request.case_code = record.code;
      request.gateway = std::string(gateway_.name());
      request.reference = reference.value();
      request.amount = total;
      request.state = PaymentState::kCreated;
      request.created_at = request.updated_at = now;
      request.expires_at = now + settings_.request_lifetime;
      request.lines = lines;
      auto id = r.payments().create(request);
      if (!id.ok()) return id.error();
      request.id = id.value();
    }
    auto unit = r.agencies().find(record.receiving_agency_code);
    if (!unit.ok()) return unit.error();
    if (!unit->has_value()) {
      return core::invalid_input("the receiving unit " + record.receiving_agency_code +
                                 " does not exist");
    }
    auto built = payment_bill(request, record, **unit);
    if (!built.ok()) return built.error();
    bill = std::move(built.value());
    return {};
  });
  if (!stored.ok()) return stored.error();
  if (nothing_due) return PaymentStart{true, "", "", core::Money{}, false};
  if (request.state != PaymentState::kCreated && !request.payment_url.empty()) {
    return PaymentStart{false, request.reference, request.payment_url, request.amount, reused};
  }
  bill.return_url = settings_.return_url ? settings_.return_url(bill.case_code, request.reference)
                                         : settings_.public_base_url +
                                               "/thanh-toan/ket-qua?ref=" + request.reference;
  bill.callback_url = settings_.public_base_url + "/api/v1/payment-platform/callbacks";
  return call_gateway(bill, request.id, reused);
}

core::Result<PaymentStart> OnlinePayment::call_gateway(const GatewayTransactionRequest& bill,
                                                       std::int64_t request_id, bool reused) {
  core::Result<GatewayTransaction> created = gateway_.create_transaction(bill);
  if (!created.ok()) {
    if (log_) {
      log_->log(LogLevel::kWarn, "payment.gateway_failed",
                {{"reference", bill.reference}, {"error", created.error().message}});
    }
    return created.error();
  }
  core::Status stored = store_.transact([&](Repositories& r) -> core::Status {
    return r.payments().record_gateway_answer(request_id, created->transaction_id,
                                              created->payment_url, clock_.now());
  });
  if (!stored.ok()) return stored.error();
  return PaymentStart{false, bill.reference, created->payment_url, bill.amount, reused};
}

core::Status OnlinePayment::record_callback(PaymentCallbackRecord callback) {
  callback.gateway = std::string(gateway_.name());
  callback.at = clock_.now();
  return store_.transact(
      [&](Repositories& r) -> core::Status { return r.payments().record_callback(callback); });
}

core::Error OnlinePayment::refuse(const GatewayOutcome& outcome,
                                  std::optional<std::int64_t> request_id,
                                  std::string_view raw_payload, core::Error error) {
  if (log_) {
    log_->log(LogLevel::kWarn, "payment.callback_refused",
              {{"reference", outcome.reference},
               {"transaction_id", outcome.transaction_id},
               {"reason", error.message}});
  }
  PaymentCallbackRecord callback;
  callback.event_id = outcome.event_id;
  callback.reference = outcome.reference;
  callback.request_id = request_id;
  callback.verdict = "refused";
  callback.reason = error.message;
  callback.payload = std::string(raw_payload);
  if (core::Status recorded = record_callback(callback); !recorded.ok()) return recorded.error();
  return error;
}

core::Status OnlinePayment::record_refused(std::string_view raw_payload, std::string_view reason) {
  PaymentCallbackRecord callback;
  callback.verdict = "refused";
  callback.reason = std::string(reason);
  callback.payload = std::string(raw_payload);
  if (log_) log_->log(LogLevel::kWarn, "payment.callback_refused", {{"reason", reason}});
  return record_callback(callback);
}

core::Result<ApplyResult> OnlinePayment::apply(const GatewayOutcome& outcome,
                                               std::string_view raw_payload) {
  const std::string gateway(gateway_.name());
  std::optional<PaymentRequestRecord> found;
  core::Status read = store_.read([&](Repositories& r) -> core::Status {
    auto request = outcome.reference.empty()
                       ? r.payments().find_by_transaction(gateway, outcome.transaction_id)
                       : r.payments().find_by_reference(outcome.reference);
    if (!request.ok()) return request.error();
    found = std::move(request.value());
    return {};
  });
  if (!read.ok()) return read.error();
  if (!found) {
    return refuse(outcome, std::nullopt, raw_payload,
                  not_found("unknown transaction " + outcome.transaction_id + " (" +
                            outcome.reference + ")"));
  }
  const PaymentRequestRecord known = *found;
  if (!outcome.transaction_id.empty() && !known.transaction_id.empty() &&
      outcome.transaction_id != known.transaction_id) {
    return refuse(outcome, known.id, raw_payload,
                  not_found("transaction " + outcome.transaction_id + " is not the one of " +
                            known.reference + " (" + known.transaction_id + ")"));
  }
  if (outcome.event_id.empty()) {
    return refuse(outcome, known.id, raw_payload, core::invalid_input("the event has no id"));
  }
  if (outcome.amount != known.amount) {
    return refuse(
        outcome, known.id, raw_payload,
        core::invalid_input("amount " + core::format_vnd(outcome.amount) +
                            " differs from the request's " + core::format_vnd(known.amount)));
  }
  if (outcome.currency != known.currency) {
    return refuse(outcome, known.id, raw_payload,
                  core::invalid_input("currency " + outcome.currency +
                                      " differs from the request's " + known.currency));
  }

  const std::chrono::sys_seconds now = clock_.now();
  ApplyResult result;
  core::Status applied = store_.transact([&](Repositories& r) -> core::Status {
    result = ApplyResult{};
    result.reference = known.reference;
    PaymentCallbackRecord callback;
    callback.gateway = gateway;
    callback.event_id = outcome.event_id;
    callback.reference = outcome.reference;
    callback.request_id = known.id;
    callback.payload = std::string(raw_payload);
    callback.at = now;
    auto claimed = r.payments().claim_event(gateway, outcome.event_id, known.id, now);
    if (!claimed.ok()) return claimed.error();
    auto locked = r.payments().lock(known.id);
    if (!locked.ok()) return locked.error();
    if (!locked->has_value()) return not_found("payment request " + known.reference + " is gone");
    const PaymentRequestRecord current = **locked;
    result.state = current.state;
    if (!claimed.value() || current.state == outcome.state) {
      result.verdict = ApplyVerdict::kDuplicate;
      callback.verdict = "duplicate";
      callback.reason =
          claimed.value() ? "the request is already " + std::string(core::to_string(current.state))
                          : "the event was applied before";
      return r.payments().record_callback(callback);
    }
    if (!core::transition_payment(current.state, outcome.state).ok()) {
      result.verdict = ApplyVerdict::kStale;
      callback.verdict = "stale";
      callback.reason = "the request is already " + std::string(core::to_string(current.state)) +
                        "; " + std::string(core::to_string(outcome.state)) + " comes too late";
      return r.payments().record_callback(callback);
    }
    PaymentRequestRecord next = current;
    next.state = outcome.state;
    next.updated_at = now;
    if (next.transaction_id.empty()) next.transaction_id = outcome.transaction_id;
    if (outcome.state == PaymentState::kSucceeded) {
      next.settled_at = outcome.paid_at > 0
                            ? std::chrono::sys_seconds{std::chrono::seconds{outcome.paid_at}}
                            : now;
      next.channel_type = outcome.channel.type;
      next.channel_code = outcome.channel.code;
      next.channel_name = outcome.channel.name;
      next.provider_reference = outcome.provider_reference;
      auto record = r.cases().find_by_id(current.case_id);
      if (!record.ok()) return record.error();
      if (!record->has_value()) return not_found("the case of " + known.reference + " is gone");
      std::vector<core::SettlingLine> settling;
      for (const PaymentRequestLine& line : current.lines) {
        auto stored_line =
            std::find_if((*record)->fee_lines.begin(), (*record)->fee_lines.end(),
                         [&](const core::FeeLine& l) { return l.id == line.fee_line_id; });
        bool paid = stored_line == (*record)->fee_lines.end() || stored_line->paid;
        settling.push_back({line.fee_line_id, line.amount, paid});
      }
      auto settlement = core::settle_success(settling);
      if (!settlement.ok()) return settlement.error();
      core::Settlement plan = settlement.value();
      LineSettlement how{core::PaymentMethod::kPaymentPlatform, *next.settled_at, current.id,
                         next.transaction_id};
      for (const core::SettlingLine& line : settling) {
        if (line.already_paid) continue;
        auto marked = r.payments().settle_line(line.fee_line_id, how);
        if (!marked.ok()) return marked.error();
        // Paid meanwhile by another payment: the conditional update found it paid.
        if (!marked.value()) {
          if (auto moved = core::mark_lost_race(plan, line.fee_line_id, line.amount); !moved.ok()) {
            return moved;
          }
        }
      }
      if (!plan.to_mark_paid.empty()) {
        auto receipt = issue_receipt(r, **record, next, plan.to_mark_paid, plan.receipt_amount, now,
                                     settings_.receipt_signer);
        if (!receipt.ok()) return receipt.error();
        if (receipt->has_value()) {
          result.receipt_id = (*receipt)->id;
        } else if (log_) {
          log_->log(LogLevel::kWarn, "payment.receipt_deferred",
                    {{"reference", current.reference},
                     {"reason", "the receiving unit has no receipt series configured"}});
        }
      }
      if (plan.overpayment > core::Money{}) {
        OverpaymentRecord over;
        over.case_id = current.case_id;
        over.request_id = current.id;
        over.amount = plan.overpayment;
        over.fee_line_ids = plan.overpaid_line_ids;
        over.recorded_at = now;
        auto id = r.payments().record_overpayment(over);
        if (!id.ok()) return id.error();
        result.overpayment = plan.overpayment;
      }
      core::Status audited =
          r.audit().append({0, now, "system", "payment.succeeded", "case", (*record)->code, "",
                            JsonObject()
                                .add("reference", current.reference)
                                .add("transaction_id", next.transaction_id)
                                .add("amount", current.amount.in_dong())
                                .add("paid_amount", plan.receipt_amount.in_dong())
                                .add("overpayment", plan.overpayment.in_dong())
                                .add("receipt_id", result.receipt_id)
                                .str()});
      if (!audited.ok()) return audited;
    }
    auto moved = r.payments().move(next, current.state);
    if (!moved.ok()) return moved.error();
    if (!moved.value()) {
      return core::Error{core::ErrorKind::kConflict,
                         "payment request " + known.reference + " changed while locked"};
    }
    result.verdict = ApplyVerdict::kApplied;
    result.state = next.state;
    callback.verdict = "applied";
    return r.payments().record_callback(callback);
  });
  if (!applied.ok()) {
    if (log_) {
      log_->log(LogLevel::kError, "payment.apply_failed",
                {{"reference", known.reference}, {"error", applied.error().message}});
    }
    return applied.error();
  }
  if (log_) {
    log_->log(LogLevel::kInfo, "payment.callback",
              {{"reference", known.reference},
               {"event_id", outcome.event_id},
               {"verdict", to_string(result.verdict)},
               {"state", core::to_string(result.state)}});
  }
  return result;
}

core::Result<RecoveryCounts> OnlinePayment::recover_pending() {
  const std::chrono::sys_seconds now = clock_.now();
  std::vector<PaymentRequestRecord> due;
  core::Status listed = store_.read([&](Repositories& r) -> core::Status {
    auto found =
        r.payments().due_for_recovery(now - settings_.recovery_grace, settings_.recovery_batch);
    if (!found.ok()) return found.error();
    due = std::move(found.value());
    return {};
  });
  if (!listed.ok()) return listed.error();
  RecoveryCounts counts;
  for (const PaymentRequestRecord& request : due) {
    ++counts.checked;
    if (request.transaction_id.empty()) {
      // The gateway never answered, so the payer never got a payment URL from motcua.
      bool expired = false;
      core::Status s = store_.transact([&](Repositories& r) -> core::Status {
        expired = false;
        auto locked = r.payments().lock(request.id);
        if (!locked.ok()) return locked.error();
        if (!locked->has_value() || (*locked)->state != PaymentState::kCreated ||
            !(*locked)->transaction_id.empty()) {
          return {};
        }
        PaymentRequestRecord next = **locked;
        next.state = PaymentState::kExpired;
        next.updated_at = now;
        auto moved = r.payments().move(next, PaymentState::kCreated);
        if (!moved.ok()) return moved.error();
        expired = moved.value();
        return {};
      });
      if (!s.ok()) {
        ++counts.failed;
      } else if (expired) {
        ++counts.expired_locally;
      }
      continue;
    }
    core::Result<GatewayOutcome> answer = gateway_.query_transaction(request.transaction_id);
    if (!answer.ok()) {
      ++counts.failed;
      if (log_) {
        log_->log(LogLevel::kWarn, "payment.recovery_failed",
                  {{"reference", request.reference}, {"error", answer.error().message}});
      }
      continue;
    }
    GatewayOutcome outcome = answer.value();
    if (outcome.state == PaymentState::kPending || outcome.state == PaymentState::kCreated) {
      ++counts.still_pending;
      continue;
    }
    outcome.event_id = query_event_id(request.transaction_id, outcome.state);
    if (outcome.reference.empty()) outcome.reference = request.reference;
    if (outcome.transaction_id.empty()) outcome.transaction_id = request.transaction_id;
    core::Result<ApplyResult> applied = apply(outcome, "status query " + request.transaction_id);
    if (!applied.ok()) {
      ++counts.failed;
    } else if (applied->verdict == ApplyVerdict::kApplied) {
      ++counts.settled;
    } else {
      ++counts.still_pending;
    }
  }
  return counts;
}

core::Result<PaymentRequestView> OnlinePayment::refresh(std::string_view reference) {
  core::Result<PaymentRequestView> view = request_by_reference(reference);
  if (!view.ok()) return view;
  if ((view->state != PaymentState::kCreated && view->state != PaymentState::kPending) ||
      view->transaction_id.empty()) {
    return view;
  }
  core::Result<GatewayOutcome> answer = gateway_.query_transaction(view->transaction_id);
  if (!answer.ok() || answer->state == PaymentState::kPending ||
      answer->state == PaymentState::kCreated) {
    return view;
  }
  GatewayOutcome outcome = answer.value();
  outcome.event_id = query_event_id(view->transaction_id, outcome.state);
  if (outcome.reference.empty()) outcome.reference = view->reference;
  if (outcome.transaction_id.empty()) outcome.transaction_id = view->transaction_id;
  core::Result<ApplyResult> applied = apply(outcome, "status query " + view->transaction_id);
  if (!applied.ok() && applied.error().kind == core::ErrorKind::kStorage) return applied.error();
  return request_by_reference(reference);
}

core::Result<PaymentRequestView> OnlinePayment::settle_by_query(std::string_view reference,
                                                                std::string_view transaction_id) {
  core::Result<PaymentRequestView> view = request_by_reference(reference);
  if (!view.ok() || view->state == PaymentState::kSucceeded) return view;
  std::string transaction =
      view->transaction_id.empty() ? std::string(transaction_id) : view->transaction_id;
  if (transaction.empty()) {
    return core::invalid_input("payment request " + std::string(reference) +
                               " has no gateway transaction to ask about");
  }
  core::Result<GatewayOutcome> answer = gateway_.query_transaction(transaction);
  if (!answer.ok()) return answer.error();
  if (answer->state == PaymentState::kPending || answer->state == PaymentState::kCreated) {
    return view;
  }
  GatewayOutcome outcome = answer.value();
  outcome.event_id = query_event_id(transaction, outcome.state);
  if (outcome.reference.empty()) outcome.reference = view->reference;
  if (outcome.transaction_id.empty()) outcome.transaction_id = transaction;
  core::Result<ApplyResult> applied = apply(outcome, "status query " + transaction);
  if (!applied.ok()) return applied.error();
  return request_by_reference(reference);
}

}  // namespace motcua::app
