#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/payment_gateway.h"
#include "core/payment_state.h"
#include "core/result.h"

namespace motcua::sandbox {

// One transaction as the sandbox platform holds it.
struct SandboxTransaction {
  std::string id;  // "PP" + yymmdd (Vietnam date of creation) + 5-digit counter of that day
  app::GatewayTransactionRequest request;
  std::string request_json;  // the request re-encoded: idempotency compares this
  core::PaymentState state = core::PaymentState::kPending;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;  // last state change
  std::int64_t paid_at = 0;
  app::GatewayChannel channel;
  std::string provider_reference;

  bool is_final() const { return state != core::PaymentState::kPending; }
  // The facts a status answer or a callback carries (event_id left empty).
  app::GatewayOutcome outcome() const;
};

// Every transaction, in memory, thread-safe. Times are Unix seconds given by the caller.
class TransactionBook {
 public:
  struct Created {
    SandboxTransaction transaction;
    bool is_new = false;  // false: the same request was seen before (idempotent replay)
  };
  // A new pending transaction, or the existing one for the same client_transaction_id and the
  // same request_json (whatever its state now); kConflict when that id came with another
  // request; kInvalidInput for a new one whose expires_at is not after now.
  core::Result<Created> create(const app::GatewayTransactionRequest& request,
                               std::string request_json, std::int64_t now);
  std::optional<SandboxTransaction> find(const std::string& id) const;

  // Moves a pending transaction to a final state (kSucceeded records channel and paid_at).
  // kNotFound for an unknown id; kIllegalTransition when it is final already, except that a
  // late success may follow failed, cancelled or expired when `allow_late_success` (the
  // test-control API; a bank's late confirmation).
  core::Result<SandboxTransaction> finish(const std::string& id, core::PaymentState state,
                                          const app::GatewayChannel& channel, std::int64_t now,
                                          bool allow_late_success = false);
  // Moves every pending transaction whose expires_at <= now to kExpired and returns them.
  std::vector<SandboxTransaction> expire_due(std::int64_t now);
  // Transactions whose last state change fell on this Vietnam-local day, by id.
  std::vector<SandboxTransaction> changed_on(std::chrono::year_month_day day) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, SandboxTransaction> by_id_;
  std::map<std::string, std::string> id_by_reference_;
  std::map<std::string, int> counter_by_day_;  // "240426" -> last number
  std::uint64_t provider_counter_ = 0;
};

}  // namespace motcua::sandbox
