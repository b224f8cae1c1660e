// `motcua serve`: migrate, load the demo on an empty database, and serve the web application
// until SIGINT or SIGTERM.
#include <CLI/CLI.hpp>
#include <atomic>
#include <memory>
#include <optional>

#include "adapters/catalogue/procedure_catalogue.h"
#include "adapters/cli/command_context.h"
#include "adapters/cli/payment_runtime.h"
#include "adapters/cli/runtime_settings.h"
#include "adapters/documents/cairo_printed_documents.h"
#include "adapters/files/local_file_store.h"
#include "adapters/files/magic_content_sniffer.h"
#include "adapters/log/event_log_outbox.h"
#include "adapters/log/json_event_log.h"
#include "adapters/qr/svg_qr_code_renderer.h"
#include "adapters/security/argon2_password_hasher.h"
#include "adapters/security/sodium_payment_links.h"
#include "adapters/security/sodium_token_service.h"
#include "adapters/storage/case_event_feed.h"
#include "adapters/storage/open_store.h"
#include "adapters/storage/timed_store.h"
#include "adapters/system_clock.h"
#include "adapters/web/http_server.h"
#include "adapters/web/submission_routes.h"
#include "adapters/web/web_app.h"
#include "app/demo_seed.h"
#include "app/staff_authentication.h"

namespace motcua::adapters::cli {
namespace {

// True when the database holds no agency yet: a first start.
core::Result<bool> is_empty(app::Store& store) {
  bool empty = false;
  core::Status read = store.read([&](app::Repositories& r) -> core::Status {
    auto agencies = r.agencies().list();
    if (!agencies.ok()) return agencies.error();
    empty = agencies->empty();
    return {};
  });
  if (!read.ok()) return read.error();
  return empty;
}

core::Status serve(CommandContext& context, const std::string& database, bool demo, int port) {
  core::Result<config::AppConfig> config = runtime_settings(database);
  if (!config.ok()) return config.error();
  if (port >= 0) config.value().http_port = port;
  // JSON lines on stderr ([log] level / MOTCUA_LOG_LEVEL); the console output stays on stdout.
  core::Result<std::unique_ptr<log::JsonEventLog>> event_log =
      log::JsonEventLog::to_stderr(config->log_level);
  if (!event_log.ok()) return event_log.error();
  core::Result<storage::MigrationReport> migrated = storage::migrate(config->database_url);
  if (!migrated.ok()) return migrated.error();
  storage::StoreOptions pool{8};
  core::Result<std::unique_ptr<app::Store>> opened =
      storage::open_store(config->database_url, pool);
  if (!opened.ok()) return opened.error();
  // Every transaction timed for GET /metrics.
  auto store = std::make_unique<storage::TimedStore>(std::move(opened).value());
  core::Result<std::unique_ptr<app::WebSessionStore>> sessions =
      storage::open_web_session_store(config->database_url);
  if (!sessions.ok()) return sessions.error();

  SystemClock clock;
  security::Argon2PasswordHasher hasher;
  core::Result<core::WorkingCalendar> calendar = working_calendar(*config, *store);
  if (!calendar.ok()) return calendar.error();
  core::Result<bool> empty = is_empty(*store);
  if (!empty.ok()) return empty.error();
  if (demo && empty.value()) {
    core::Result<std::vector<core::Procedure>> catalogue = catalogue::shipped_procedure_catalogue();
    if (!catalogue.ok()) return catalogue.error();
    app::DemoSeed seed(*store, hasher, *calendar, clock);
    core::Result<app::DemoSeedReport> report = seed.run(*catalogue);
    if (!report.ok()) return report.error();
    context.out << "first start: loaded the demo data\n";
  }

  core::Result<std::shared_ptr<const web::TemplateEngine>> templates =
      web::load_shipped_templates();
  if (!templates.ok()) return templates.error();
  security::SodiumTokenService tokens;
  app::StaffAuthentication auth(*store, **sessions, hasher, tokens, clock);
  app::CitizenSessions citizen_sessions(*store, **sessions, tokens, clock);
  // The pay links in QR codes: the configured key, else the installation's stored one.
  core::Result<std::string> link_key = security::installation_link_key(
      *store, config->payment_link_key.empty()
                  ? std::nullopt
                  : std::optional<std::string>(config->payment_link_key));
  if (!link_key.ok()) return link_key.error();
  core::Result<security::SodiumPaymentLinks> payment_links =
      security::SodiumPaymentLinks::from_key_text(*link_key);
  if (!payment_links.ok()) return payment_links.error();
  // The change feed of live pages: LISTEN on PostgreSQL, a cheap poll on SQLite. Declared
  // before the server, so it stops after every stream has ended.
  core::Result<std::unique_ptr<storage::DatabaseCaseEventFeed>> case_events =
      storage::DatabaseCaseEventFeed::start(config->database_url, clock, {.log = event_log->get()});
  if (!case_events.ok()) return case_events.error();
  web::WebDependencies dependencies{*store, auth, tokens, clock, *calendar, *templates, false};
  dependencies.case_events = case_events->get();
  dependencies.citizen_sessions = &citizen_sessions;
  dependencies.web_sessions = sessions->get();
  // Password-reset codes go to the event log (event "outbox") until a mail or SMS gateway is
  // configured: development only (README).
  log::EventLogOutbox outbox(**event_log);
  dependencies.outbox = &outbox;
  dependencies.log = event_log->get();
  dependencies.store_metrics = store.get();
  dependencies.password_hasher = &hasher;
  // Calendar edits from the admin page apply at once, in every process sharing the database.
  dependencies.load_calendar = [&config, &store] { return working_calendar(*config, *store); };
  dependencies.payment_links = &payment_links.value();
  qr::SvgQrCodeRenderer qr_codes;
  dependencies.qr_codes = &qr_codes;
  documents::CairoPrintedDocuments printed_documents;  // receipts and intake slips as PDF
  dependencies.documents = &printed_documents;
  dependencies.public_lookups_per_minute = config->public_lookups_per_minute;
  dependencies.public_province = config->public_province;
  dependencies.trusted_proxy = config->trusted_proxy;
  dependencies.office_address = config->office_address;
  dependencies.counter_screen_idle = std::chrono::seconds(config->counter_screen_idle_seconds);
  // Online submissions' attachments: [uploads] dir on this disk, types sniffed by libmagic.
  core::Result<files::LocalFileStore> uploads =
      files::LocalFileStore::open(config::uploads_directory(*config), tokens);
  if (!uploads.ok()) return uploads.error();
  core::Result<std::unique_ptr<files::MagicContentSniffer>> sniffer =
      files::MagicContentSniffer::open();
  if (!sniffer.ok()) return sniffer.error();
  dependencies.files = &uploads.value();
  dependencies.sniffer = sniffer->get();
  dependencies.upload_limits = {config->uploads_max_file_bytes, config->uploads_max_total_bytes};
  // The application is built once the port is known: with --port 0 the default public base
  // URL names the port the server got. Until then (microseconds, before the address is even
  // printed) a request is answered 503.
  std::unique_ptr<web::WebApp> application;
  std::atomic<web::WebApp*> ready{nullptr};
  web::ServerOptions options;
  options.host = config->http_host;
  options.port = static_cast<std::uint16_t>(config->http_port);
  options.log = event_log->get();
  // The upload route may take a submission's files; every other request keeps 1 MiB.
  options.body_limit = [limits = dependencies.upload_limits, base = options.max_body_bytes](
                           std::string_view method, std::string_view target,
                           std::string_view content_type) {
    return web::request_body_limit(limits, base, method, target, content_type);
  };
  web::HttpServer server(options, [&ready](web::HttpRequest& r) {
    web::WebApp* app = ready.load(std::memory_order_acquire);
    return app != nullptr ? app->handle(r) : web::HttpResponse::text(503, "starting\n");
  });
  if (core::Status started = server.start(); !started.ok()) return started;

  std::string base = "http://" + config->http_host + ":" + std::to_string(server.port());
  dependencies.public_base_url = config->public_base_url.empty() ? base : config->public_base_url;
  // Online payment through the platform ([payment]; the sandbox by default) and its recovery
  // job, stopped before the store goes away.
  core::Result<std::unique_ptr<PaymentRuntime>> payment_runtime =
      PaymentRuntime::start(*config, dependencies.public_base_url, *store, clock,
                            payment_links.value(), event_log->get());
  if (!payment_runtime.ok()) return payment_runtime.error();
  dependencies.payments = &(*payment_runtime)->payments();
  dependencies.callback_reader = &(*payment_runtime)->callback_reader();
  dependencies.reconciliation = &(*payment_runtime)->reconciliation();
  dependencies.receipt_signer = &(*payment_runtime)->receipt_signer();
  application = std::make_unique<web::WebApp>(dependencies);
  ready.store(application.get(), std::memory_order_release);
  context.out << "motcua is serving " << config->database_url << "\n"
              << "  public site: " << dependencies.public_base_url << "/\n"
              << "  console (Bộ phận Một cửa): " << base << "/can-bo\n"
              << "  payment platform: " << config->sandbox_url << "\n"
              << "  health: " << base << "/healthz   metrics: " << base << "/metrics\n";
  if (demo) {
    context.out << "demo logins (public, for demonstrations only):\n";
    for (const app::DemoLogin& login : app::demo_logins()) {
      context.out << "  " << login.username << " / " << login.password << "  (" << login.role
                  << ")\n";
    }
  }
  context.out << "stop with Ctrl+C (finishes requests in flight)\n" << std::flush;
  server.run_until_signal();
  context.out << "stopped\n";
  return {};
}

}  // namespace

void add_serve_command(CLI::App& app, CommandContext& context) {
  CLI::App* command =
      app.add_subcommand("serve", "Run the web server (migrates first; loads the demo when empty)");
  auto database = std::make_shared<std::string>();
  auto no_demo = std::make_shared<bool>(false);
  auto port = std::make_shared<int>(-1);
  command->add_option("--database", *database, "Database URL (default: from motcua.toml)");
  command->add_option("--port", *port, "Port (default: from motcua.toml; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  command->add_flag("--no-demo", *no_demo, "Do not load the demo data into an empty database");
  command->callback([&context, database, no_demo, port] {
    core::Status served = serve(context, *database, !*no_demo, *port);
    if (!served.ok()) context.fail(served.error().message);
  });
}

}  // namespace motcua::adapters::cli
