#include "sandbox/transaction_book.h"

#include <cstdio>

#include "core/civil_time.h"

namespace motcua::sandbox {
namespace {

using core::PaymentState;

std::chrono::local_days vietnam_day(std::int64_t unix_seconds) {
  return core::local_day(
      core::to_vietnam_local(std::chrono::sys_seconds{std::chrono::seconds{unix_seconds}}));
}

}  // namespace

app::GatewayOutcome SandboxTransaction::outcome() const {
  app::GatewayOutcome o;
  o.transaction_id = id;
  o.reference = request.reference;
  o.state = state;
  o.amount = request.amount;
  o.currency = "VND";
  o.paid_at = paid_at;
  o.channel = channel;
  o.provider_reference = provider_reference;
  o.occurred_at = updated_at;
  return o;
}

core::Result<TransactionBook::Created> TransactionBook::create(
    const app::GatewayTransactionRequest& request, std::string request_json, std::int64_t now) {
  std::lock_guard lock(mutex_);
  if (auto it = id_by_reference_.find(request.reference); it != id_by_reference_.end()) {
    const SandboxTransaction& existing = by_id_.at(it->second);
    if (existing.request_json != request_json) {
      return core::Error{core::ErrorKind::kConflict,
                         "client_transaction_id " + request.reference +
                             " was created with another request (transaction " + existing.id + ")"};
    }
    return Created{existing, false};
  }
  if (request.expires_at <= now) {
    return core::invalid_input("field 'expires_at' is not in the future");
  }
  std::chrono::year_month_day ymd{vietnam_day(now)};
  char day[8];
  std::snprintf(day, sizeof day, "%02d%02u%02u", static_cast<int>(ymd.year()) % 100,
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  int number = ++counter_by_day_[day];
  char id[32];
  std::snprintf(id, sizeof id, "PP%s%05d", day, number);
  SandboxTransaction transaction;
  transaction.id = id;
  transaction.request = request;
  transaction.request_json = std::move(request_json);
  transaction.created_at = now;
  transaction.updated_at = now;
  by_id_[transaction.id] = transaction;
  id_by_reference_[request.reference] = transaction.id;
  return Created{std::move(transaction), true};
}

std::optional<SandboxTransaction> TransactionBook::find(const std::string& id) const {
  std::lock_guard lock(mutex_);
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

core::Result<SandboxTransaction> TransactionBook::finish(const std::string& id, PaymentState state,
                                                         const app::GatewayChannel& channel,
                                                         std::int64_t now,
                                                         bool allow_late_success) {
  std::lock_guard lock(mutex_);
  auto it = by_id_.find(id);
  if (it == by_id_.end()) {
    return core::Error{core::ErrorKind::kNotFound, "no transaction " + id};
  }
  SandboxTransaction& t = it->second;
  bool late_success = allow_late_success && state == PaymentState::kSucceeded &&
                      (t.state == PaymentState::kFailed || t.state == PaymentState::kCancelled ||
                       t.state == PaymentState::kExpired);
  if ((t.is_final() && !late_success) || state == PaymentState::kPending) {
    return core::Error{
        core::ErrorKind::kIllegalTransition,
        "transaction " + id + " is already " + std::string(core::to_string(t.state))};
  }
  t.state = state;
  t.updated_at = now;
  if (!channel.code.empty()) t.channel = channel;
  if (state == PaymentState::kSucceeded) {
    t.paid_at = now;
    char reference[32];
    std::snprintf(reference, sizeof reference, "SBX%010llu",
                  static_cast<unsigned long long>(++provider_counter_));
    t.provider_reference = reference;
  }
  return t;
}

std::vector<SandboxTransaction> TransactionBook::expire_due(std::int64_t now) {
  std::lock_guard lock(mutex_);
  std::vector<SandboxTransaction> expired;
  for (auto& [id, t] : by_id_) {
    if (t.state == PaymentState::kPending && t.request.expires_at <= now) {
      t.state = PaymentState::kExpired;
      t.updated_at = now;
      expired.push_back(t);
    }
  }
  return expired;
}

std::vector<SandboxTransaction> TransactionBook::changed_on(std::chrono::year_month_day day) const {
  std::lock_guard lock(mutex_);
  std::vector<SandboxTransaction> out;
  std::chrono::local_days wanted{day};
  for (const auto& [id, t] : by_id_) {
    if (vietnam_day(t.updated_at) == wanted) out.push_back(t);
  }
  return out;
}

}  // namespace motcua::sandbox
