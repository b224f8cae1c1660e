// `motcua reconcile --date YYYY-MM-DD`: the daily reconciliation (đối soát) of one day with the
// payment platform's signed file, printed in English. Exit 0 when the day was compared
// (mismatches included: they are reported and recorded), 1 for a bad date or configuration,
// 3 when the file could not be fetched or verified (the failed run is recorded).
#include <CLI/CLI.hpp>
#include <iomanip>
#include <memory>
#include <optional>

#include "adapters/cli/command_context.h"
#include "adapters/cli/payment_runtime.h"
#include "adapters/cli/runtime_settings.h"
#include "adapters/security/sodium_payment_links.h"
#include "adapters/storage/open_store.h"
#include "adapters/system_clock.h"
#include "app/reconciliation.h"
#include "core/civil_time.h"

namespace motcua::adapters::cli {
namespace {

constexpr int kPlatformFailure = 3;  // 2 is CLI11's usage error

void print_report(std::ostream& out, const app::ReconciliationReport& report) {
  const app::ReconciliationRunRecord& run = report.run;
  out << "reconciliation of "
      << core::format_iso_date(std::chrono::year_month_day(run.business_date)) << " (run " << run.id
      << ")\n"
      << "  platform: " << report.platform_count << " paid, "
      << core::format_vnd(report.platform_total) << "\n"
      << "  motcua:   " << report.local_count << " settled, "
      << core::format_vnd(report.local_total) << "\n"
      << "  matched:  " << report.matched_count << "\n";
  std::vector<const app::ReconciliationItemRecord*> mismatches = report.mismatches();
  out << "  mismatches: " << mismatches.size() << "\n";
  for (const app::ReconciliationItemRecord* item : mismatches) {
    out << "  - " << item->kind << " " << (item->reference.empty() ? "-" : item->reference) << " "
        << (item->transaction_id.empty() ? "-" : item->transaction_id) << ": platform "
        << (item->platform_state.empty() ? "-" : item->platform_state) << " "
        << core::format_vnd(item->platform_amount) << ", motcua "
        << (item->local_state.empty() ? "-" : item->local_state) << " "
        << core::format_vnd(item->local_amount) << "; action " << item->action;
    if (!item->note.empty()) out << " (" << item->note << ")";
    out << "\n";
  }
}

void reconcile(CommandContext& context, const std::string& database, const std::string& date) {
  core::Result<std::chrono::year_month_day> day = core::parse_date(date);
  if (!day.ok()) return context.fail("--date must be a day as YYYY-MM-DD (got '" + date + "')");
  core::Result<config::AppConfig> config = runtime_settings(database);
  if (!config.ok()) return context.fail(config.error().message);
  core::Result<std::unique_ptr<app::Store>> store = storage::open_store(config->database_url);
  if (!store.ok()) return context.fail(store.error().message);
  core::Result<std::string> link_key = security::installation_link_key(
      **store, config->payment_link_key.empty()
                   ? std::nullopt
                   : std::optional<std::string>(config->payment_link_key));
  if (!link_key.ok()) return context.fail(link_key.error().message);
  core::Result<security::SodiumPaymentLinks> links =
      security::SodiumPaymentLinks::from_key_text(*link_key);
  if (!links.ok()) return context.fail(links.error().message);
  SystemClock clock;
  std::string base = config->public_base_url.empty()
                         ? "http://" + config->http_host + ":" + std::to_string(config->http_port)
                         : config->public_base_url;
  core::Result<std::unique_ptr<PaymentRuntime>> runtime =
      PaymentRuntime::start(*config, base, **store, clock, *links, nullptr, false);
  if (!runtime.ok()) return context.fail(runtime.error().message);
  core::Result<app::ReconciliationReport> report = (*runtime)->reconciliation().run(*day, "cli");
  if (!report.ok()) {
    context.err << "error: the reconciliation of " << date << " failed: " << report.error().message
                << "\n";
    context.exit_code = report.error().kind == core::ErrorKind::kUnavailable ||
                                report.error().kind == core::ErrorKind::kInvalidInput
                            ? kPlatformFailure
                            : 1;
    return;
  }
  print_report(context.out, report.value());
}

}  // namespace

void add_reconcile_command(CLI::App& app, CommandContext& context) {
  CLI::App* command = app.add_subcommand(
      "reconcile", "Reconcile one day's online payments with the payment platform's daily file");
  auto database = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  command->add_option("--date", *date, "The day to reconcile, YYYY-MM-DD (Vietnam time)")
      ->required();
  command->add_option("--database", *database, "Database URL (default: from motcua.toml)");
  command->callback([&context, database, date] { reconcile(context, *database, *date); });
}

}  // namespace motcua::adapters::cli
