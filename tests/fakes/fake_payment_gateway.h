#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "app/payment_gateway.h"

namespace motcua::testing {

// A payment gateway in memory: records every create request, answers with a transaction id
// derived from the reference ("TX-PR-000001") unless told to fail, and answers status queries
// from states the test sets. Thread-safe.
class FakePaymentGateway : public app::PaymentGateway {
 public:
  std::string_view name() const override { return "payment-platform"; }

  core::Result<app::GatewayTransaction> create_transaction(
      const app::GatewayTransactionRequest& request) override {
    std::lock_guard lock(mutex_);
    created_.push_back(request);
    if (down_) return core::Error{core::ErrorKind::kUnavailable, "the platform did not answer"};
    app::GatewayTransaction t;
    t.transaction_id = "TX-" + request.reference;
    t.payment_url = "https://pay.example/checkout/" + t.transaction_id;
    t.expires_at = request.expires_at;
    known_.try_emplace(t.transaction_id, request);
    return t;
  }

  core::Result<app::GatewayOutcome> query_transaction(std::string_view transaction_id) override {
    std::lock_guard lock(mutex_);
    ++queries_;
    if (down_) return core::Error{core::ErrorKind::kUnavailable, "the platform did not answer"};
    auto known = known_.find(std::string(transaction_id));
    if (known == known_.end()) {
      return core::Error{core::ErrorKind::kNotFound, "unknown transaction"};
    }
    app::GatewayOutcome o;
    o.event_id = "ignored-by-motcua";
    o.transaction_id = known->first;
    o.reference = known->second.reference;
    auto state = states_.find(known->first);
    o.state = state == states_.end() ? core::PaymentState::kPending : state->second;
    o.amount = known->second.amount;
    o.currency = "VND";
    if (o.state == core::PaymentState::kSucceeded) o.paid_at = paid_at_;
    o.channel = {"wallet", "MOMO", "Ví MoMo"};
    o.provider_reference = "MOMO-" + known->first;
    return o;
  }

  void set_down(bool down) {
    std::lock_guard lock(mutex_);
    down_ = down;
  }
  // What the next status query of `transaction_id` answers.
  void set_state(const std::string& transaction_id, core::PaymentState state,
                 std::int64_t paid_at = 0) {
    std::lock_guard lock(mutex_);
    states_[transaction_id] = state;
    paid_at_ = paid_at;
  }
  std::vector<app::GatewayTransactionRequest> created() const {
    std::lock_guard lock(mutex_);
    return created_;
  }
  int queries() const {
    std::lock_guard lock(mutex_);
    return queries_;
  }

 private:
  mutable std::mutex mutex_;
  bool down_ = false;
  std::vector<app::GatewayTransactionRequest> created_;
  std::map<std::string, app::GatewayTransactionRequest> known_;
  std::map<std::string, core::PaymentState> states_;
  std::int64_t paid_at_ = 0;
  int queries_ = 0;
};

}  // namespace motcua::testing
