#include "sandbox/sandbox_state.h"

#include <cstdio>

namespace motcua::sandbox {

SandboxState::SandboxState(SandboxOptions o, const app::Clock& c,
                           std::shared_ptr<const adapters::web::TemplateEngine> t)
    : options(std::move(o)),
      clock(c),
      templates(std::move(t)),
      dispatcher({options.client_id, options.callback_key, options.retry_delays,
                  options.delivery_threads, options.callback_timeout}),
      boot_tag_(adapters::payment::random_nonce().substr(0, 8)) {}

std::int64_t SandboxState::now() const {
  return static_cast<std::int64_t>(clock.now().time_since_epoch().count());
}

std::string SandboxState::next_event_id() {
  char id[40];
  std::snprintf(id, sizeof id, "EV%s%010llu", boot_tag_.c_str(),
                static_cast<unsigned long long>(++event_counter_));
  return id;
}

void SandboxState::publish(const SandboxTransaction& transaction) {
  app::GatewayOutcome event = transaction.outcome();
  event.event_id = next_event_id();
  dispatcher.publish(event, transaction.request.callback_url);
}

core::Result<SandboxTransaction> SandboxState::settle(const std::string& id,
                                                      core::PaymentState state,
                                                      const app::GatewayChannel& channel,
                                                      bool allow_late_success) {
  auto settled = book.finish(id, state, channel, now(), allow_late_success);
  if (settled) publish(*settled);
  return settled;
}

std::size_t SandboxState::expire_due() {
  auto expired = book.expire_due(now());
  for (const auto& transaction : expired) publish(transaction);
  return expired.size();
}

std::string SandboxState::payment_url(const std::string& transaction_id) const {
  return public_url + "/checkout/" + transaction_id;
}

}  // namespace motcua::sandbox
