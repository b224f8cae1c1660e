#include "adapters/config/app_config.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>

#include "../support/temp_dir.h"

namespace motcua::adapters::config {
namespace {

// An environment made of a map, so the tests never touch the process's.
EnvLookup env_of(std::map<std::string, std::string> values) {
  return [values = std::move(values)](std::string_view name) -> std::optional<std::string> {
    auto it = values.find(std::string(name));
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

const EnvLookup kNoEnv = env_of({});

std::string error_of(const std::string& text, const EnvLookup& env = kNoEnv) {
  core::Result<AppConfig> r = parse_app_config(text, "motcua.toml", env);
  return r.ok() ? std::string("(accepted)") : r.error().message;
}

TEST(AppConfig, EmptyFileGivesTheDefaults) {
  AppConfig c = parse_app_config("", "motcua.toml", kNoEnv).value();
  EXPECT_EQ(c.database_url, "sqlite://data/motcua.db");
  EXPECT_EQ(c.http_host, "127.0.0.1");
  EXPECT_EQ(c.http_port, 8080);
  EXPECT_EQ(c.sandbox_url, "http://127.0.0.1:8090");
  EXPECT_EQ(c.working_hours, "07:00-11:00,13:00-17:00");
  EXPECT_EQ(c.log_level, "info");
}

TEST(AppConfig, FileSetsEverySection) {
  AppConfig c = parse_app_config(R"(
[database]
url = "postgresql://motcua@db/motcua"
[http]
host = "0.0.0.0"
port = 9000
[payment]
sandbox_url = "https://sandbox.example"
[calendar]
working_hours = "07:30-11:30,13:30-17:30"
[log]
level = "debug"
)",
                                 "motcua.toml", kNoEnv)
                    .value();
  EXPECT_EQ(c.database_url, "postgresql://motcua@db/motcua");
  EXPECT_EQ(c.http_host, "0.0.0.0");
  EXPECT_EQ(c.http_port, 9000);
  EXPECT_EQ(c.sandbox_url, "https://sandbox.example");
  EXPECT_EQ(c.working_hours, "07:30-11:30,13:30-17:30");
  EXPECT_EQ(c.log_level, "debug");
}

TEST(AppConfig, EnvironmentOverridesTheFile) {
  EnvLookup env = env_of({{"MOTCUA_DATABASE_URL", "sqlite:///var/lib/motcua/motcua.db"},
                          {"MOTCUA_HTTP_PORT", "8181"},
                          {"MOTCUA_HTTP_HOST", "::1"},
                          {"MOTCUA_PAYMENT_SANDBOX_URL", "http://sandbox:1"},
                          {"MOTCUA_CALENDAR_WORKING_HOURS", "08:00-12:00"},
                          {"MOTCUA_LOG_LEVEL", "warn"}});
  AppConfig c =
      parse_app_config("[http]\nport = 9000\n[log]\nlevel = \"debug\"\n", "motcua.toml", env)
          .value();
  EXPECT_EQ(c.database_url, "sqlite:///var/lib/motcua/motcua.db");
  EXPECT_EQ(c.http_port, 8181);
  EXPECT_EQ(c.http_host, "::1");
  EXPECT_EQ(c.sandbox_url, "http://sandbox:1");
  EXPECT_EQ(c.working_hours, "08:00-12:00");
  EXPECT_EQ(c.log_level, "warn");
}

TEST(AppConfig, UnknownKeyNamesFileLineAndKey) {
  EXPECT_EQ(error_of("[database]\n\nulr = \"sqlite://x.db\"\n"),
            "motcua.toml:3:1: unknown key [database] ulr");
}

TEST(AppConfig, UnknownSectionIsAnError) {
  EXPECT_EQ(error_of("[databse]\nurl = \"sqlite://x.db\"\n"),
            "motcua.toml:1:2: unknown section [databse]");
}

TEST(AppConfig, WrongTypeNamesFileLineAndKey) {
  EXPECT_EQ(error_of("[http]\nport = \"8080\"\n"),
            "motcua.toml:2:8: [http] port: must be an integer");
  EXPECT_EQ(error_of("[log]\nlevel = 3\n"), "motcua.toml:2:9: [log] level: must be a string");
}

TEST(AppConfig, BadValuesAreRejectedWithTheReason) {
  EXPECT_EQ(error_of("[http]\nport = 70000\n"),
            "motcua.toml:2:8: [http] port: must be between 1 and 65535 (got 70000)");
  EXPECT_EQ(error_of("[database]\nurl = \"mysql://x\"\n"),
            "motcua.toml:2:7: [database] url: must be sqlite://<path> or postgresql://... (got "
            "'mysql://x')");
  EXPECT_NE(error_of("[calendar]\nworking_hours = \"13:00-11:00\"\n")
                .find("motcua.toml:2:17: [calendar] working_hours: "),
            std::string::npos);
  EXPECT_NE(error_of("[log]\nlevel = \"verbose\"\n").find("[log] level: must be one of"),
            std::string::npos);
  EXPECT_NE(error_of("[payment]\nsandbox_url = \"ftp://x\"\n").find("[payment] sandbox_url"),
            std::string::npos);
}

TEST(AppConfig, SectionThatIsAValueIsAnError) {
  EXPECT_EQ(error_of("http = 1\n"), "motcua.toml:1:8: 'http' must be a section");
}

TEST(AppConfig, MalformedTomlNamesFileAndLine) {
  EXPECT_EQ(error_of("[http]\nport = = 1\n").rfind("motcua.toml:2:", 0), 0u);
}

TEST(AppConfig, BadEnvironmentValueNamesTheVariable) {
  EXPECT_EQ(error_of("", env_of({{"MOTCUA_HTTP_PORT", "80a"}})),
            "MOTCUA_HTTP_PORT: must be an integer (got '80a')");
  EXPECT_EQ(error_of("", env_of({{"MOTCUA_HTTP_PORT", "0"}})),
            "MOTCUA_HTTP_PORT: must be between 1 and 65535 (got 0)");
}

TEST(AppConfig, MissingFileMeansDefaultsPlusEnvironment) {
  testing::TempDir dir;
  AppConfig c =
      load_app_config(dir.file("motcua.toml"), env_of({{"MOTCUA_LOG_LEVEL", "error"}})).value();
  EXPECT_EQ(c.http_port, 8080);
  EXPECT_EQ(c.log_level, "error");
}

TEST(AppConfig, FileErrorsNameThePath) {
  testing::TempDir dir;
  std::string path = dir.file("motcua.toml");
  std::ofstream(path) << "[http]\nport = 0\n";
  core::Result<AppConfig> r = load_app_config(path, kNoEnv);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, path + ":2:8: [http] port: must be between 1 and 65535 (got 0)");
}

TEST(AppConfig, DirectoryInsteadOfFileIsAnError) {
  testing::TempDir dir;
  EXPECT_FALSE(load_app_config(dir.path().string(), kNoEnv).ok());
}

TEST(AppConfig, ShippedExampleLoadsAsTheDefaults) {
  AppConfig c = load_app_config(MOTCUA_SOURCE_DIR "/motcua.toml.example", kNoEnv).value();
  AppConfig defaults;
  EXPECT_EQ(c.database_url, defaults.database_url);
  EXPECT_EQ(c.http_host, defaults.http_host);
  EXPECT_EQ(c.http_port, defaults.http_port);
  EXPECT_EQ(c.sandbox_url, defaults.sandbox_url);
  EXPECT_EQ(c.working_hours, defaults.working_hours);
  EXPECT_EQ(c.log_level, defaults.log_level);
  EXPECT_EQ(c.payment_link_key, defaults.payment_link_key);
  EXPECT_EQ(c.public_base_url, defaults.public_base_url);
  EXPECT_EQ(c.public_lookups_per_minute, defaults.public_lookups_per_minute);
  EXPECT_EQ(c.public_province, defaults.public_province);
  EXPECT_EQ(c.office_address, defaults.office_address);
  EXPECT_EQ(c.trusted_proxy, defaults.trusted_proxy);
  EXPECT_EQ(c.counter_screen_idle_seconds, defaults.counter_screen_idle_seconds);
}

TEST(AppConfig, CounterScreenIdleTime) {
  EXPECT_EQ(parse_app_config("", "motcua.toml", kNoEnv)->counter_screen_idle_seconds, 120);
  EXPECT_EQ(parse_app_config("[server]\ncounter_screen_idle_seconds = 45\n", "motcua.toml", kNoEnv)
                ->counter_screen_idle_seconds,
            45);
  EXPECT_EQ(parse_app_config("", "motcua.toml",
                             env_of({{"MOTCUA_SERVER_COUNTER_SCREEN_IDLE_SECONDS", "300"}}))
                ->counter_screen_idle_seconds,
            300);
  EXPECT_NE(error_of("[server]\ncounter_screen_idle_seconds = 0\n")
                .find("[server] counter_screen_idle_seconds: must be between 5 and 86400"),
            std::string::npos);
}

TEST(AppConfig, PublicSiteSettings) {
  AppConfig defaults = parse_app_config("", "motcua.toml", kNoEnv).value();
  EXPECT_EQ(defaults.public_base_url, "") << "serve derives it from [http]";
  EXPECT_EQ(defaults.public_lookups_per_minute, 30);
  EXPECT_EQ(defaults.payment_link_key, "") << "the installation generates one";
  std::string key(43, 'A');
  AppConfig c = parse_app_config(
                    "[server]\npublic_base_url = \"https://dvc.example.vn/\"\n"
                    "public_lookups_per_minute = 5\n[payment]\nlink_key = \"" +
                        key + "\"\n",
                    "motcua.toml", kNoEnv)
                    .value();
  EXPECT_EQ(c.public_base_url, "https://dvc.example.vn") << "without the trailing slash";
  EXPECT_EQ(c.public_lookups_per_minute, 5);
  EXPECT_EQ(c.payment_link_key, key);
  AppConfig from_env = parse_app_config("", "motcua.toml",
                                        env_of({{"MOTCUA_PAYMENT_LINK_KEY", std::string(64, 'a')}}))
                           .value();
  EXPECT_EQ(from_env.payment_link_key, std::string(64, 'a'));
  // The HTTP benchmark lifts the limit to a million a minute (bench/http_bench.sh).
  AppConfig bench =
      parse_app_config("", "motcua.toml",
                       env_of({{"MOTCUA_SERVER_PUBLIC_LOOKUPS_PER_MINUTE", "1000000"}}))
          .value();
  EXPECT_EQ(bench.public_lookups_per_minute, 1000000);
}

TEST(AppConfig, ReceiptSigningKeysFromTheFileOrTheEnvironment) {
  AppConfig defaults = parse_app_config("", "motcua.toml", kNoEnv).value();
  EXPECT_EQ(defaults.receipt_signing_keys, "") << "the installation generates one";
  AppConfig c =
      parse_app_config("[receipts]\nsigning_keys = \"a:AAAA,b:BBBB\"\nactive_key = \"b\"\n",
                       "motcua.toml", kNoEnv)
          .value();
  EXPECT_EQ(c.receipt_signing_keys, "a:AAAA,b:BBBB");
  EXPECT_EQ(c.receipt_active_key, "b");
  AppConfig from_env =
      parse_app_config(
          "", "motcua.toml",
          env_of({{"MOTCUA_RECEIPTS_SIGNING_KEYS", "k:CCCC"}, {"MOTCUA_RECEIPTS_ACTIVE_KEY", "k"}}))
          .value();
  EXPECT_EQ(from_env.receipt_signing_keys, "k:CCCC");
  EXPECT_EQ(from_env.receipt_active_key, "k");
  std::string bad = error_of("[receipts]\nsigning_keys = \"secretseed\"\n");
  EXPECT_NE(bad.find("[receipts] signing_keys: must be id:base64-seed"), std::string::npos) << bad;
  EXPECT_EQ(bad.find("secretseed"), std::string::npos) << "a secret is never echoed";
  EXPECT_NE(error_of("[receipts]\nactive_key = \"a,b\"\n").find("[receipts] active_key"),
            std::string::npos);
}

TEST(AppConfig, BadPublicSettingsAreRejectedWithoutEchoingTheKey) {
  EXPECT_NE(error_of("[server]\npublic_base_url = \"javascript:x\"\n")
                .find("[server] public_base_url: must be an http"),
            std::string::npos);
  EXPECT_NE(error_of("[server]\npublic_lookups_per_minute = 0\n")
                .find("[server] public_lookups_per_minute: must be between 1 and 1000000"),
            std::string::npos);
  EXPECT_NE(error_of("[server]\npublic_lookups_per_minute = 1000001\n")
                .find("must be between 1 and 1000000 (got 1000001)"),
            std::string::npos);
  EXPECT_NE(error_of("[server]\ntrusted_proxy = \"proxy.example\"\n")
                .find("[server] trusted_proxy: must be an IPv4 or IPv6 address"),
            std::string::npos);
  std::string bad = error_of("[payment]\nlink_key = \"secret-but-short\"\n");
  EXPECT_NE(bad.find("[payment] link_key: must be 32 bytes"), std::string::npos) << bad;
  EXPECT_EQ(bad.find("secret-but-short"), std::string::npos) << "a secret is never echoed";
}

}  // namespace
}  // namespace motcua::adapters::config
