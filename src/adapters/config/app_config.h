#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace motcua::adapters::config {

// motcua's settings. Every field has a default, so a missing motcua.toml is a working setup: a
// SQLite file under ./data, the web server on loopback and the local sandbox as payment platform.
struct AppConfig {
  // [database] url: "sqlite://<path>" (relative to the working directory; "sqlite:///abs/path"
  // for an absolute one) or "postgresql://..." / "postgres://..." (a libpq URI).
  std::string database_url = "sqlite://data/motcua.db";
  // [http] host, port: where the web server listens.
  std::string http_host = "127.0.0.1";
  int http_port = 8080;
  // [payment] sandbox_url: the base URL of the payment platform (motcua-sandbox by default).
  std::string sandbox_url = "http://127.0.0.1:8090";
  // [payment] client_id, request_key, callback_keys: motcua's credentials at the platform
  // (docs/protocols/payment-platform.md). The request key is base64; callback_keys is
  // "key_id:base64" or two of them, comma-separated, while a key is rotated. Secrets: give them
  // as MOTCUA_PAYMENT_REQUEST_KEY and MOTCUA_PAYMENT_CALLBACK_KEYS. The defaults are
  // motcua-sandbox's development keys, for a developer's machine only.
  std::string payment_client_id = "motcua-dev";
  std::string payment_request_key = "bW90Y3VhLXNhbmRib3gtZGV2LXJlcXVlc3Qta2V5ISE=";
  std::string payment_callback_keys = "sandbox-1:bW90Y3VhLXNhbmRib3gtZGV2LWNhbGxiYWNrLWtleSE=";
  // [payment] request_lifetime_seconds: how long a payment request stays open at the platform.
  int payment_request_lifetime_seconds = 15 * 60;
  // [payment] recovery_interval_seconds, recovery_grace_seconds: how often the recovery job
  // asks the platform about requests still pending, once they are past expiry + grace.
  int payment_recovery_interval_seconds = 60;
  int payment_recovery_grace_seconds = 120;
  // [payment] link_key: the 32-byte key of the pay links' tokens (base64url, 43 characters, or
  // hex), a secret best given as MOTCUA_PAYMENT_LINK_KEY. Empty: the installation generates one
  // once and keeps it in the database (docs/adr/0004-payment-link-tokens.md). Changing it
  // invalidates every printed QR code.
  std::string payment_link_key;
  // [payment] reconcile_at: "HH:MM", Vietnam time. `motcua serve` reconciles the previous day
  // with the platform's daily file once per day after this time (skipped when a run of that
  // day already succeeded). Stored as minutes after midnight.
  int payment_reconcile_at_minutes = 90;
  // [receipts] signing_keys, active_key: the Ed25519 keys receipts are signed with, as
  // "id:base64-seed[,id:base64-seed]" (32-byte seeds), and the id of the one that signs; the
  // others only verify (rotation). Secrets: give them as MOTCUA_RECEIPTS_SIGNING_KEYS and
  // MOTCUA_RECEIPTS_ACTIVE_KEY. Empty: the installation generates one key once and keeps it in
  // the database (docs/protocols/receipt-signature.md).
  std::string receipt_signing_keys;
  std::string receipt_active_key;
  // [server] public_base_url: how citizens reach this server, the start of the pay links in QR
  // codes ("https://dichvucong.example.gov.vn"). Empty: http://<http host>:<port>.
  std::string public_base_url;
  // [server] public_lookups_per_minute: typed-code lookups allowed per client address and
  // minute on the public payment page and its API.
  int public_lookups_per_minute = 30;
  // [server] trusted_proxy: the address of a reverse proxy in front of motcua. A request whose
  // socket peer is this address is counted, for the lookup limit, under the last address of its
  // X-Forwarded-For (the one that proxy appended). Empty: X-Forwarded-For is never trusted.
  std::string trusted_proxy;
  // [server] province: the province line of the public site's header ("Tỉnh Kon Tum"). Empty:
  // the one top-level agency active today, from the database.
  std::string public_province;
  // [server] office_address: the address in the public site's footer ("Địa điểm trụ sở").
  std::string office_address = "70 Lê Hồng Phong, thành phố Kon Tum, tỉnh Kon Tum";
  // [server] counter_screen_idle_seconds: how long a counter screen ("màn hình phụ") shows a
  // pushed case or its success with nothing happening before it returns to its welcome screen.
  int counter_screen_idle_seconds = 120;
  // [uploads] dir: where online submissions' attached files are kept, outside any web root.
  // Empty: "uploads" beside the SQLite database file ("data/uploads" by default), or
  // "data/uploads" with PostgreSQL (see uploads_directory()).
  std::string uploads_dir;
  // [uploads] max_file_bytes, max_total_bytes: the largest attached file, and all of one
  // submission's files together (1 KiB to 1 GiB each).
  std::int64_t uploads_max_file_bytes = 10 * 1024 * 1024;
  std::int64_t uploads_max_total_bytes = 30 * 1024 * 1024;
  // [calendar] working_hours: office hours of a working day, core::WorkingHours::parse syntax.
  std::string working_hours = "07:00-11:00,13:00-17:00";
  // [log] level: trace, debug, info, warn, error, critical or off.
  std::string log_level = "info";
};

// [uploads] dir, or its default beside the SQLite database (see AppConfig::uploads_dir).
std::string uploads_directory(const AppConfig& config);

// Looks up an environment variable by name; nullopt when it is unset. Injected so that tests
// never touch the process environment.
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

// The real process environment (std::getenv).
EnvLookup process_environment();

// Parses motcua.toml text, then applies environment overrides. `origin` names the text in
// errors (the file name). The file has the sections and keys of AppConfig's comments; the
// variable for [section] key is MOTCUA_<SECTION>_<KEY> upper-cased (MOTCUA_DATABASE_URL,
// MOTCUA_HTTP_PORT, MOTCUA_PAYMENT_SANDBOX_URL, MOTCUA_CALENDAR_WORKING_HOURS, ...).
//
// Errors are kInvalidInput and name where the bad value came from: a TOML syntax error, an
// unknown section or key, a value of the wrong type or out of range gives
// "motcua.toml:7:8: [http] port: must be between 1 and 65535"; a bad environment value gives
// "MOTCUA_HTTP_PORT: must be an integer".
core::Result<AppConfig> parse_app_config(std::string_view toml_text, std::string_view origin,
                                         const EnvLookup& env);

// Reads `path` and parses it as parse_app_config. A missing file means the defaults (plus the
// environment's overrides); a file that exists but cannot be read is an error.
core::Result<AppConfig> load_app_config(const std::string& path, const EnvLookup& env);

}  // namespace motcua::adapters::config
