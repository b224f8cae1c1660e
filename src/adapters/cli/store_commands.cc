// `motcua migrate` and `motcua seed demo|synthetic`: the database's schema and its data.
#include <CLI/CLI.hpp>

#include <charconv>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "adapters/catalogue/procedure_catalogue.h"
#include "adapters/cli/command_context.h"
#include "adapters/cli/runtime_settings.h"
#include "adapters/config/app_config.h"
#include "adapters/config/shipped_calendars.h"
#include "adapters/security/argon2_password_hasher.h"
#include "adapters/storage/open_store.h"
#include "adapters/system_clock.h"
#include "app/clock.h"
#include "app/demo_seed.h"
#include "app/synthetic_seed.h"
#include "core/working_hours.h"

namespace motcua::adapters::cli {
namespace {

using adapters::SystemClock;

// A whole number >= minimum, strictly (no sign, no spaces, no fraction).
bool parse_number(const std::string& text, std::int64_t minimum, std::int64_t* value) {
  if (text.empty() || text.front() < '0' || text.front() > '9') return false;
  long long parsed = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  if (ec != std::errc{} || end != text.data() + text.size() || parsed < minimum) return false;
  *value = parsed;
  return true;
}

// "[##########----------]  50%  500000/1000000 cases", redrawn in place on stderr when the
// whole percentage changes.
class ProgressBar {
 public:
  explicit ProgressBar(std::ostream& err) : err_(err) {}
  void operator()(std::int64_t done, std::int64_t total) {
    int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
    if (percent == last_percent_ && done != total) return;
    last_percent_ = percent;
    constexpr int kWidth = 30;
    int filled = percent * kWidth / 100;
    err_ << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
         << std::string(static_cast<std::size_t>(kWidth - filled), '-') << "] " << percent << "%  "
         << done << "/" << total << " cases" << std::flush;
    if (done == total) err_ << "\n";
  }

 private:
  std::ostream& err_;
  int last_percent_ = -1;
};

// What both seeds need: the configured store, the shipped catalogue, the working calendar.
struct SeedingInputs {
  std::unique_ptr<app::Store> store;
  std::vector<core::Procedure> catalogue;
  core::WorkingCalendar calendar;
};

core::Result<SeedingInputs> open_seeding_inputs(const std::string& database) {
  core::Result<config::AppConfig> config = runtime_settings(database);
  if (!config.ok()) return config.error();
  core::Result<std::unique_ptr<app::Store>> store = storage::open_store(config->database_url);
  if (!store.ok()) return store.error();
  core::Result<std::vector<core::Procedure>> procedures = catalogue::shipped_procedure_catalogue();
  if (!procedures.ok()) return procedures.error();
  core::Result<core::WorkingCalendar> calendar = working_calendar(*config);
  if (!calendar.ok()) return calendar.error();
  return SeedingInputs{std::move(store).value(), std::move(procedures).value(),
                       std::move(calendar).value()};
}

void add_migrate_command(CLI::App& app, CommandContext& context) {
  CLI::App* migrate =
      app.add_subcommand("migrate", "Create or upgrade the database to this binary's schema");
  auto database = std::make_shared<std::string>();
  migrate->add_option("--database", *database,
                      "Database URL: sqlite:///path.db, sqlite://relative.db or postgresql://...");
  migrate->callback([&context, database] {
    core::Result<config::AppConfig> config = runtime_settings(*database);
    if (!config.ok()) return context.fail(config.error().message);
    core::Result<storage::MigrationReport> report = storage::migrate(config->database_url);
    if (!report.ok()) return context.fail(report.error().message);
    if (report->from_version == report->to_version) {
      context.out << "database is up to date (schema version " << report->to_version << ")\n";
    } else {
      context.out << "migrated the database from schema version " << report->from_version << " to "
                  << report->to_version << "\n";
    }
  });
}

void add_seed_demo_command(CLI::App* seed, CommandContext& context) {
  CLI::App* demo = seed->add_subcommand(
      "demo", "Load the guide's agencies, staff, procedures, citizen and cases (idempotent)");
  auto database = std::make_shared<std::string>();
  demo->add_option("--database", *database, "Database URL (default: from motcua.toml)");
  demo->callback([&context, database] {
    core::Result<SeedingInputs> inputs = open_seeding_inputs(*database);
    if (!inputs.ok()) return context.fail(inputs.error().message);
    security::Argon2PasswordHasher hasher;
    SystemClock clock;
    app::DemoSeed seed(*inputs->store, hasher, inputs->calendar, clock);
    core::Result<app::DemoSeedReport> report = seed.run(inputs->catalogue);
    if (!report.ok()) return context.fail(report.error().message);
    if (!report->changed()) {
      context.out << "the demo data is already loaded; nothing changed\n";
    } else {
      context.out << "loaded the demo: " << report->agencies << " agencies, " << report->staff
                  << " staff, " << report->citizens << " citizen accounts, " << report->procedures
                  << " procedures, " << report->cases << " cases\n";
    }
    context.out << "demo logins (public, for demonstrations only):\n";
    for (const app::DemoLogin& login : app::demo_logins()) {
      context.out << "  " << login.username << " / " << login.password << "  (" << login.role
                  << ")\n";
    }
  });
}

void add_seed_synthetic_command(CLI::App* seed, CommandContext& context) {
  CLI::App* synthetic = seed->add_subcommand(
      "synthetic", "Add N realistic generated cases (deterministic for a given --seed)");
  auto database = std::make_shared<std::string>();
  auto cases = std::make_shared<std::string>();
  auto seed_text = std::make_shared<std::string>("1");
  synthetic->add_option("--cases", *cases, "How many cases to add")->required();
  synthetic->add_option("--seed", *seed_text, "Random seed (default 1)");
  synthetic->add_option("--database", *database, "Database URL (default: from motcua.toml)");
  synthetic->callback([&context, database, cases, seed_text] {
    std::int64_t count = 0;
    if (!parse_number(*cases, 1, &count)) {
      return context.fail("--cases: '" + *cases + "' is not a whole number of 1 or more");
    }
    std::int64_t seed_value = 0;
    if (!parse_number(*seed_text, 0, &seed_value)) {
      return context.fail("--seed: '" + *seed_text + "' is not a whole number of 0 or more");
    }
    core::Result<SeedingInputs> inputs = open_seeding_inputs(*database);
    if (!inputs.ok()) return context.fail(inputs.error().message);

    SystemClock clock;
    app::SplitMix64 random(static_cast<std::uint64_t>(seed_value));
    ProgressBar bar(context.err);
    auto started = std::chrono::steady_clock::now();
    app::SyntheticSeed seeder(*inputs->store, inputs->calendar);
    core::Result<app::SyntheticSeedReport> report =
        seeder.run(std::move(inputs->catalogue), {.cases = count, .now = clock.now()}, random,
                   [&bar](std::int64_t done, std::int64_t total) { bar(done, total); });
    if (!report.ok()) {
      context.err << "\n";
      return context.fail(report.error().message);
    }
    auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
    context.out << "added " << report->cases << " cases with " << report->fee_lines
                << " fee lines in " << static_cast<std::int64_t>(elapsed.count() * 10) / 10.0
                << " s\n";
  });
}

}  // namespace

void add_store_commands(CLI::App& app, CommandContext& context) {
  add_migrate_command(app, context);
  CLI::App* seed = app.add_subcommand("seed", "Load demo or synthetic data into the database");
  seed->require_subcommand(1);
  add_seed_demo_command(seed, context);
  add_seed_synthetic_command(seed, context);
}

}  // namespace motcua::adapters::cli
