#include "adapters/cli/payment_runtime.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "adapters/jobs/periodic_task.h"
#include "adapters/payment/payment_platform_gateway.h"
#include "adapters/payment/platform_callback_reader.h"
#include "adapters/payment/platform_signing.h"
#include "adapters/security/sodium_receipt_signer.h"
#include "adapters/web/public_site.h"

namespace motcua::adapters::cli {

struct PaymentRuntime::Parts {
  std::unique_ptr<payment::PaymentPlatformGateway> gateway;
  std::unique_ptr<payment::PlatformCallbackReader> reader;
  std::unique_ptr<security::SodiumReceiptSigner> signer;
  std::unique_ptr<app::OnlinePayment> payments;
  std::unique_ptr<app::Reconciliation> reconciliation;
  std::unique_ptr<jobs::PeriodicTask> recovery;  // the jobs last: stopped first
  std::unique_ptr<jobs::PeriodicTask> daily_reconciliation;
};

namespace {

// "key_id:base64[,key_id:base64]" -> key id -> raw key.
core::Result<std::map<std::string, std::string>> callback_keys(std::string_view text) {
  std::map<std::string, std::string> keys;
  while (!text.empty()) {
    std::size_t comma = text.find(',');
    std::string_view entry = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    std::size_t colon = entry.find(':');
    if (colon == 0 || colon == std::string_view::npos) {
      return core::invalid_input("[payment] callback_keys: must be key_id:base64[,key_id:base64]");
    }
    core::Result<std::string> key = payment::decode_key(entry.substr(colon + 1));
    if (!key.ok()) {
      return core::invalid_input("[payment] callback_keys: key " +
                                 std::string(entry.substr(0, colon)) + ": " + key.error().message);
    }
    keys.emplace(std::string(entry.substr(0, colon)), std::move(key).value());
  }
  if (keys.empty() || keys.size() > 2) {
    return core::invalid_input("[payment] callback_keys: one key, or two while rotating");
  }
  return keys;
}

// Checks every `every` whether the previous day is due (app::scheduled_reconciliation_day) and
// not yet reconciled, and runs it. A failed run is tried again 10 minutes later, not at every
// check, so a platform that is down is not asked every minute.
std::unique_ptr<jobs::PeriodicTask> schedule_reconciliation(app::Reconciliation& reconciliation,
                                                            const app::Clock& clock, int at_minutes,
                                                            std::chrono::seconds every,
                                                            app::EventLog* log) {
  struct Attempt {
    std::optional<std::chrono::year_month_day> day;
    std::chrono::sys_seconds at{};
  };
  auto last_failure = std::make_shared<Attempt>();
  return std::make_unique<jobs::PeriodicTask>(
      every, [&reconciliation, &clock, at_minutes, log, last_failure] {
        std::chrono::sys_seconds now = clock.now();
        std::optional<std::chrono::year_month_day> day =
            app::scheduled_reconciliation_day(now, at_minutes);
        if (!day) return;
        if (last_failure->day == day && now - last_failure->at < std::chrono::minutes(10)) return;
        core::Result<bool> done = reconciliation.reconciled(*day);
        if (!done.ok() || done.value()) return;
        core::Result<app::ReconciliationReport> report = reconciliation.run(*day, "schedule");
        if (!report.ok()) {
          *last_failure = Attempt{day, now};
          if (log != nullptr) {
            log->log(app::LogLevel::kError, "reconciliation.schedule_failed",
                     {{"error", report.error().message}});
          }
        }
      });
}

}  // namespace

core::Result<std::unique_ptr<PaymentRuntime>> PaymentRuntime::start(
    const config::AppConfig& config, const std::string& public_base_url, app::Store& store,
    const app::Clock& clock, const app::PaymentLinks& links, app::EventLog* log,
    bool background_jobs) {
  core::Result<std::string> request_key = payment::decode_key(config.payment_request_key);
  if (!request_key.ok()) {
    return core::invalid_input("[payment] request_key: " + request_key.error().message);
  }
  core::Result<std::map<std::string, std::string>> keys =
      callback_keys(config.payment_callback_keys);
  if (!keys.ok()) return keys.error();

  // Receipts are signed with the configured key, else one the installation generates once and
  // keeps in the database (like the pay-link key, docs/adr/0004).
  bool generated = false;
  core::Result<security::SodiumReceiptSigner> signer = security::installation_receipt_signer(
      store, config.receipt_signing_keys, config.receipt_active_key, &generated);
  if (!signer.ok()) return signer.error();
  if (generated && log != nullptr) {
    log->log(app::LogLevel::kWarn, "receipts.generated_signing_key",
             {{"key_id", signer->active_key_id()},
              {"hint",
               "set [receipts] signing_keys and active_key (MOTCUA_RECEIPTS_SIGNING_KEYS, "
               "MOTCUA_RECEIPTS_ACTIVE_KEY) to sign with a managed key"}});
  }

  auto parts = std::make_unique<Parts>();
  parts->signer = std::make_unique<security::SodiumReceiptSigner>(std::move(signer).value());
  payment::PaymentPlatformOptions options{config.sandbox_url, config.payment_client_id,
                                          std::move(request_key).value()};
  options.file_keys = keys.value();
  parts->gateway = std::make_unique<payment::PaymentPlatformGateway>(std::move(options), clock);
  parts->reader = std::make_unique<payment::PlatformCallbackReader>(std::move(keys).value(), clock);
  app::OnlinePaymentSettings settings;
  settings.public_base_url = public_base_url;
  settings.request_lifetime = std::chrono::seconds(config.payment_request_lifetime_seconds);
  settings.recovery_grace = std::chrono::seconds(config.payment_recovery_grace_seconds);
  // The payer comes back under the case's pay-link token: only the payer sees the receipt link.
  settings.return_url = web::payment_return_url(links, public_base_url);
  settings.receipt_signer = parts->signer.get();
  parts->payments =
      std::make_unique<app::OnlinePayment>(store, *parts->gateway, clock, settings, log);
  app::OnlinePayment& payments = *parts->payments;
  parts->reconciliation = std::make_unique<app::Reconciliation>(
      store, *parts->gateway, payments, clock, std::string(parts->gateway->name()), log);
  if (!background_jobs)
    return std::unique_ptr<PaymentRuntime>(new PaymentRuntime(std::move(parts)));
  parts->daily_reconciliation = schedule_reconciliation(
      *parts->reconciliation, clock, config.payment_reconcile_at_minutes,
      std::chrono::seconds(std::min(60, config.payment_recovery_interval_seconds)), log);
  parts->recovery = std::make_unique<jobs::PeriodicTask>(
      std::chrono::seconds(config.payment_recovery_interval_seconds), [&payments, log] {
        core::Result<app::RecoveryCounts> counts = payments.recover_pending();
        if (log == nullptr) return;
        if (!counts.ok()) {
          log->log(app::LogLevel::kError, "payment.recovery_failed",
                   {{"error", counts.error().message}});
        } else if (counts->checked > 0) {
          log->log(app::LogLevel::kInfo, "payment.recovery",
                   {{"checked", counts->checked},
                    {"settled", counts->settled},
                    {"still_pending", counts->still_pending},
                    {"expired_locally", counts->expired_locally},
                    {"failed", counts->failed}});
        }
      });
  return std::unique_ptr<PaymentRuntime>(new PaymentRuntime(std::move(parts)));
}

PaymentRuntime::PaymentRuntime(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

PaymentRuntime::~PaymentRuntime() {
  if (parts_ && parts_->daily_reconciliation) parts_->daily_reconciliation->stop();
  if (parts_ && parts_->recovery) parts_->recovery->stop();
}

app::OnlinePayment& PaymentRuntime::payments() { return *parts_->payments; }
app::PaymentCallbackReader& PaymentRuntime::callback_reader() { return *parts_->reader; }
app::Reconciliation& PaymentRuntime::reconciliation() { return *parts_->reconciliation; }
const app::ReceiptSigner& PaymentRuntime::receipt_signer() { return *parts_->signer; }

}  // namespace motcua::adapters::cli
