#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "adapters/payment/platform_signing.h"
#include "adapters/web/router.h"
#include "adapters/web/template_engine.h"
#include "app/clock.h"
#include "core/result.h"
#include "sandbox/callback_dispatcher.h"
#include "sandbox/sandbox_options.h"
#include "sandbox/transaction_book.h"

namespace motcua::sandbox {

// What the sandbox's handlers share. Each route file registers its routes over it.
class SandboxState {
 public:
  SandboxState(SandboxOptions options, const app::Clock& clock,
               std::shared_ptr<const adapters::web::TemplateEngine> templates);

  std::int64_t now() const;
  // Moves a transaction to a final state and publishes its callback event (a fresh event_id).
  // Errors as TransactionBook::finish.
  core::Result<SandboxTransaction> settle(const std::string& id, core::PaymentState state,
                                          const app::GatewayChannel& channel,
                                          bool allow_late_success = false);
  // Expires what is due and publishes the events; returns how many expired.
  std::size_t expire_due();
  std::string payment_url(const std::string& transaction_id) const;

  SandboxOptions options;
  std::string public_url;  // set once the port is known
  const app::Clock& clock;
  std::shared_ptr<const adapters::web::TemplateEngine> templates;
  TransactionBook book;
  CallbackDispatcher dispatcher;
  adapters::payment::NonceCache request_nonces;

 private:
  std::string next_event_id();
  void publish(const SandboxTransaction& transaction);

  std::string boot_tag_;  // random per process, so event ids never repeat across restarts
  std::atomic<std::uint64_t> event_counter_{0};
};

void register_platform_api(adapters::web::Router& router, SandboxState& state);
void register_checkout_pages(adapters::web::Router& router, SandboxState& state);
void register_test_control(adapters::web::Router& router, SandboxState& state);

}  // namespace motcua::sandbox
