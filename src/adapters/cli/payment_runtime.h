#pragma once

#include <memory>
#include <string>

#include "adapters/config/app_config.h"
#include "app/clock.h"
#include "app/event_log.h"
#include "app/online_payment.h"
#include "app/payment_callbacks.h"
#include "app/payment_links.h"
#include "app/receipt_signer.h"
#include "app/reconciliation.h"
#include "app/store.h"

namespace motcua::adapters::cli {

// What `motcua serve` runs for online payment: the payment platform's gateway and callback
// reader from the [payment] settings, the OnlinePayment use case, and the recovery job that
// settles requests whose confirmation never came (every recovery interval, on its own thread
// until the runtime is destroyed), and the daily reconciliation with its once-a-day job
// (previous day after [payment] reconcile_at; a failed attempt is retried after 10 minutes),
// and the signer of the receipts it issues.
class PaymentRuntime {
 public:
  // Without `background_jobs` (a one-shot command) neither job runs.
  // kInvalidInput for unusable keys ("[payment] request_key: ..."), never echoing a secret.
  static core::Result<std::unique_ptr<PaymentRuntime>> start(
      const config::AppConfig& config, const std::string& public_base_url, app::Store& store,
      const app::Clock& clock, const app::PaymentLinks& links, app::EventLog* log,
      bool background_jobs = true);
  ~PaymentRuntime();

  app::OnlinePayment& payments();
  app::PaymentCallbackReader& callback_reader();
  app::Reconciliation& reconciliation();
  // The receipts' Ed25519 signer ([receipts], else the installation's generated key).
  const app::ReceiptSigner& receipt_signer();

  struct Parts;

 private:
  explicit PaymentRuntime(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

}  // namespace motcua::adapters::cli
