// One of the two translation units that include toml++ (with calendar_file.cc): it is slow to
// compile, so nothing else includes it.
#include "adapters/config/app_config.h"

#include <toml++/toml.h>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/working_hours.h"

namespace motcua::adapters::config {
namespace {

using core::Result;

// Validates `value` and stores it; returns the reason when it is unacceptable.
using Setter = std::optional<std::string> (*)(AppConfig& config, std::string_view value);

// One setting: where it lives in the file, and how its value is checked and stored.
struct Field {
  std::string_view section;
  std::string_view key;
  bool integer;  // a TOML integer (else a TOML string)
  Setter set;
};

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::optional<std::string> set_database_url(AppConfig& config, std::string_view value) {
  bool sqlite = starts_with(value, "sqlite://") && value.size() > 9;
  bool postgres = starts_with(value, "postgresql://") || starts_with(value, "postgres://");
  if (!sqlite && !postgres) {
    return "must be sqlite://<path> or postgresql://... (got '" + std::string(value) + "')";
  }
  config.database_url = value;
  return std::nullopt;
}

std::optional<std::string> set_http_host(AppConfig& config, std::string_view value) {
  if (value.empty()) return "must not be empty";
  for (char c : value) {
    if (std::isspace(static_cast<unsigned char>(c))) return "must not contain spaces";
  }
  config.http_host = value;
  return std::nullopt;
}

std::optional<std::string> set_http_port(AppConfig& config, std::string_view value) {
  long long port = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), port);
  if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
    return "must be an integer (got '" + std::string(value) + "')";
  }
  if (port < 1 || port > 65535)
    return "must be between 1 and 65535 (got " + std::string(value) + ")";
  config.http_port = static_cast<int>(port);
  return std::nullopt;
}

std::optional<std::string> set_sandbox_url(AppConfig& config, std::string_view value) {
  bool http = starts_with(value, "http://") && value.size() > 7;
  bool https = starts_with(value, "https://") && value.size() > 8;
  if (!http && !https)
    return "must be an http:// or https:// URL (got '" + std::string(value) + "')";
  config.sandbox_url = value;
  return std::nullopt;
}

// A secret's shape only: the value is never echoed in an error.
std::optional<std::string> set_secret(std::string& field, std::string_view value, bool key_ids) {
  if (value.empty() || value.size() > 1000) return "must be 1 to 1000 characters";
  for (char c : value) {
    bool allowed = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' ||
                   c == '=' || c == '-' || c == '_' || (key_ids && (c == ':' || c == ','));
    if (!allowed) return key_ids ? "must be key_id:base64[,key_id:base64]" : "must be base64";
  }
  field = value;
  return std::nullopt;
}
std::optional<std::string> set_payment_client_id(AppConfig& config, std::string_view value) {
  return set_secret(config.payment_client_id, value, false);
}
std::optional<std::string> set_payment_request_key(AppConfig& config, std::string_view value) {
  return set_secret(config.payment_request_key, value, false);
}
std::optional<std::string> set_payment_callback_keys(AppConfig& config, std::string_view value) {
  return set_secret(config.payment_callback_keys, value, true);
}

// A whole number of seconds within [low, high].
std::optional<std::string> set_seconds(int& field, std::string_view value, int low, int high) {
  long long seconds = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
    return "must be an integer (got '" + std::string(value) + "')";
  }
  if (seconds < low || seconds > high) {
    return "must be between " + std::to_string(low) + " and " + std::to_string(high) + " (got " +
           std::string(value) + ")";
  }
  field = static_cast<int>(seconds);
  return std::nullopt;
}
std::optional<std::string> set_request_lifetime(AppConfig& config, std::string_view value) {
  return set_seconds(config.payment_request_lifetime_seconds, value, 5, 7 * 24 * 3600);
}
std::optional<std::string> set_recovery_interval(AppConfig& config, std::string_view value) {
  return set_seconds(config.payment_recovery_interval_seconds, value, 1, 24 * 3600);
}
std::optional<std::string> set_recovery_grace(AppConfig& config, std::string_view value) {
  return set_seconds(config.payment_recovery_grace_seconds, value, 0, 7 * 24 * 3600);
}

// "HH:MM" (24-hour) as minutes after midnight.
std::optional<std::string> set_reconcile_at(AppConfig& config, std::string_view value) {
  auto digit = [&](std::size_t i) { return value[i] >= '0' && value[i] <= '9'; };
  if (value.size() != 5 || value[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) {
    return "must be HH:MM (got '" + std::string(value) + "')";
  }
  int hours = (value[0] - '0') * 10 + (value[1] - '0');
  int minutes = (value[3] - '0') * 10 + (value[4] - '0');
  if (hours > 23 || minutes > 59) return "must be a time of day, 00:00 to 23:59";
  config.payment_reconcile_at_minutes = hours * 60 + minutes;
  return std::nullopt;
}

std::optional<std::string> set_payment_link_key(AppConfig& config, std::string_view value) {
  // The bytes are checked where the key is used (security::SodiumPaymentLinks); here only the
  // shape, and never echoing the value, which is a secret.
  bool shaped = value.size() == 43 || value.size() == 64;
  for (char c : value) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') shaped = false;
  }
  if (!shaped) return "must be 32 bytes as base64url (43 characters) or hex (64 characters)";
  config.payment_link_key = value;
  return std::nullopt;
}

// The keys are checked where they are used (security::SodiumReceiptSigner); here only that
// the value is one line, never echoing it (the seeds are secrets).
std::optional<std::string> set_receipt_signing_keys(AppConfig& config, std::string_view value) {
  if (value.find_first_of("\r\n\"") != std::string_view::npos || value.find(':') == value.npos) {
    return "must be id:base64-seed[,id:base64-seed]";
  }
  config.receipt_signing_keys = value;
  return std::nullopt;
}
std::optional<std::string> set_receipt_active_key(AppConfig& config, std::string_view value) {
  if (value.empty() || value.size() > 64 || value.find_first_of(":, \r\n") != value.npos) {
    return "must be the id of one of the signing keys (got '" + std::string(value) + "')";
  }
  config.receipt_active_key = value;
  return std::nullopt;
}

std::optional<std::string> set_public_base_url(AppConfig& config, std::string_view value) {
  bool http = starts_with(value, "http://") && value.size() > 7;
  bool https = starts_with(value, "https://") && value.size() > 8;
  if (!http && !https)
    return "must be an http:// or https:// URL (got '" + std::string(value) + "')";
  for (char c : value) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '<' || c == '>')
      return "must not contain spaces, quotes or angle brackets";
  }
  while (value.size() > 8 && value.back() == '/') value.remove_suffix(1);
  config.public_base_url = value;
  return std::nullopt;
}

std::optional<std::string> set_public_lookups(AppConfig& config, std::string_view value) {
  long long limit = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), limit);
  if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
    return "must be an integer (got '" + std::string(value) + "')";
  }
  // Up to a million: a benchmark (bench/http_bench.sh) or a proxy for a whole province.
  if (limit < 1 || limit > 1000000)
    return "must be between 1 and 1000000 (got " + std::string(value) + ")";
  config.public_lookups_per_minute = static_cast<int>(limit);
  return std::nullopt;
}

// Free text shown on the public site (escaped there): any non-empty line.
std::optional<std::string> set_public_text(std::string& field, std::string_view value) {
  if (value.empty() || value.size() > 300) return "must be 1 to 300 characters";
  for (char c : value) {
    if (c == '\n' || c == '\r') return "must be one line";
  }
  field = value;
  return std::nullopt;
}
std::optional<std::string> set_trusted_proxy(AppConfig& config, std::string_view value) {
  for (char c : value) {
    if (!std::isxdigit(static_cast<unsigned char>(c)) && c != '.' && c != ':')
      return "must be an IPv4 or IPv6 address (got '" + std::string(value) + "')";
  }
  config.trusted_proxy = value;
  return std::nullopt;
}
std::optional<std::string> set_public_province(AppConfig& config, std::string_view value) {
  return set_public_text(config.public_province, value);
}
std::optional<std::string> set_office_address(AppConfig& config, std::string_view value) {
  return set_public_text(config.office_address, value);
}

std::optional<std::string> set_counter_screen_idle(AppConfig& config, std::string_view value) {
  return set_seconds(config.counter_screen_idle_seconds, value, 5, 24 * 3600);
}

std::optional<std::string> set_uploads_dir(AppConfig& config, std::string_view value) {
  if (value.empty() || value.size() > 1000) return "must be 1 to 1000 characters";
  if (value.find_first_of("\r\n") != std::string_view::npos) return "must be one line";
  config.uploads_dir = value;
  return std::nullopt;
}

// A byte count within [1 KiB, 1 GiB].
std::optional<std::string> set_bytes(std::int64_t& field, std::string_view value) {
  long long bytes = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), bytes);
  if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
    return "must be an integer (got '" + std::string(value) + "')";
  }
  if (bytes < 1024 || bytes > (1LL << 30)) {
    return "must be between 1024 and 1073741824 (got " + std::string(value) + ")";
  }
  field = bytes;
  return std::nullopt;
}
std::optional<std::string> set_uploads_max_file(AppConfig& config, std::string_view value) {
  return set_bytes(config.uploads_max_file_bytes, value);
}
std::optional<std::string> set_uploads_max_total(AppConfig& config, std::string_view value) {
  return set_bytes(config.uploads_max_total_bytes, value);
}

std::optional<std::string> set_working_hours(AppConfig& config, std::string_view value) {
  Result<core::WorkingHours> hours = core::WorkingHours::parse(value);
  if (!hours.ok()) return hours.error().message;
  config.working_hours = value;
  return std::nullopt;
}

std::optional<std::string> set_log_level(AppConfig& config, std::string_view value) {
  for (std::string_view level : {"trace", "debug", "info", "warn", "error", "critical", "off"}) {
    if (value == level) {
      config.log_level = value;
      return std::nullopt;
    }
  }
  return "must be one of trace, debug, info, warn, error, critical, off (got '" +
         std::string(value) + "')";
}

constexpr std::array<Field, 25> kFields = {{
    {"database", "url", false, set_database_url},
    {"http", "host", false, set_http_host},
    {"http", "port", true, set_http_port},
    {"payment", "sandbox_url", false, set_sandbox_url},
    {"payment", "link_key", false, set_payment_link_key},
    {"payment", "client_id", false, set_payment_client_id},
    {"payment", "request_key", false, set_payment_request_key},
    {"payment", "callback_keys", false, set_payment_callback_keys},
    {"payment", "request_lifetime_seconds", true, set_request_lifetime},
    {"payment", "recovery_interval_seconds", true, set_recovery_interval},
    {"payment", "recovery_grace_seconds", true, set_recovery_grace},
    {"payment", "reconcile_at", false, set_reconcile_at},
    {"receipts", "signing_keys", false, set_receipt_signing_keys},
    {"receipts", "active_key", false, set_receipt_active_key},
    {"server", "public_base_url", false, set_public_base_url},
    {"server", "public_lookups_per_minute", true, set_public_lookups},
    {"server", "trusted_proxy", false, set_trusted_proxy},
    {"server", "province", false, set_public_province},
    {"server", "office_address", false, set_office_address},
    {"server", "counter_screen_idle_seconds", true, set_counter_screen_idle},
    {"uploads", "dir", false, set_uploads_dir},
    {"uploads", "max_file_bytes", true, set_uploads_max_file},
    {"uploads", "max_total_bytes", true, set_uploads_max_total},
    {"calendar", "working_hours", false, set_working_hours},
    {"log", "level", false, set_log_level},
}};

const Field* find_field(std::string_view section, std::string_view key) {
  for (const Field& field : kFields) {
    if (field.section == section && field.key == key) return &field;
  }
  return nullptr;
}

bool known_section(std::string_view section) {
  for (const Field& field : kFields) {
    if (field.section == section) return true;
  }
  return false;
}

// "MOTCUA_<SECTION>_<KEY>", upper-cased.
std::string env_name(const Field& field) {
  std::string name = "MOTCUA_" + std::string(field.section) + "_" + std::string(field.key);
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

core::Error error_at(std::string_view origin, const toml::source_region& where,
                     const std::string& message) {
  return core::invalid_input(std::string(origin) + ":" + std::to_string(where.begin.line) + ":" +
                             std::to_string(where.begin.column) + ": " + message);
}

core::Status apply_file(const toml::table& root, std::string_view origin, AppConfig& config) {
  for (auto&& [section_key, section_node] : root) {
    std::string section(section_key.str());
    if (!known_section(section)) {
      return error_at(origin, section_key.source(), "unknown section [" + section + "]");
    }
    const toml::table* table = section_node.as_table();
    if (table == nullptr) {
      return error_at(origin, section_node.source(), "'" + section + "' must be a section");
    }
    for (auto&& [key, node] : *table) {
      std::string name = "[" + section + "] " + std::string(key.str());
      const Field* field = find_field(section, key.str());
      if (field == nullptr) return error_at(origin, key.source(), "unknown key " + name);
      std::string text;
      if (field->integer) {
        if (!node.is_integer())
          return error_at(origin, node.source(), name + ": must be an integer");
        text = std::to_string(node.as_integer()->get());
      } else {
        if (!node.is_string()) return error_at(origin, node.source(), name + ": must be a string");
        text = node.as_string()->get();
      }
      if (std::optional<std::string> reason = field->set(config, text)) {
        return error_at(origin, node.source(), name + ": " + *reason);
      }
    }
  }
  return {};
}

core::Status apply_environment(const EnvLookup& env, AppConfig& config) {
  for (const Field& field : kFields) {
    std::string name = env_name(field);
    std::optional<std::string> value = env(name);
    if (!value) continue;
    if (std::optional<std::string> reason = field.set(config, *value)) {
      return core::invalid_input(name + ": " + *reason);
    }
  }
  return {};
}

}  // namespace

std::string uploads_directory(const AppConfig& config) {
  if (!config.uploads_dir.empty()) return config.uploads_dir;
  std::string_view url = config.database_url;
  if (!starts_with(url, "sqlite://")) return "data/uploads";
  std::filesystem::path database(std::string(url.substr(9)));
  std::filesystem::path parent = database.parent_path();
  return (parent.empty() ? std::filesystem::path("uploads") : parent / "uploads").string();
}

EnvLookup process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Result<AppConfig> parse_app_config(std::string_view toml_text, std::string_view origin,
                                   const EnvLookup& env) {
  toml::table root;
  try {
    root = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
    return error_at(origin, e.source(), std::string(e.description()));
  }
  AppConfig config;
  if (core::Status s = apply_file(root, origin, config); !s.ok()) return s.error();
  if (core::Status s = apply_environment(env, config); !s.ok()) return s.error();
  return config;
}

Result<AppConfig> load_app_config(const std::string& path, const EnvLookup& env) {
  std::error_code ec;
  std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (status.type() == std::filesystem::file_type::not_found) {
    return parse_app_config("", path, env);
  }
  if (ec || status.type() == std::filesystem::file_type::directory) {
    return core::invalid_input(path + ": cannot read the configuration file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::invalid_input(path + ": cannot open the configuration file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return core::invalid_input(path + ": cannot read the configuration file");
  return parse_app_config(text.str(), path, env);
}

}  // namespace motcua::adapters::config
