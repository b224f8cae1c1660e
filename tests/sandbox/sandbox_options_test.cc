// motcua-sandbox's options: flags, MOTCUA_SANDBOX_* variables and defaults.
#include "sandbox/sandbox_options.h"

#include <gtest/gtest.h>

#include <map>

namespace motcua::sandbox {
namespace {

using namespace std::chrono_literals;

core::Result<SandboxOptions> parse(
    const std::vector<std::string>& args,
    const std::map<std::string, std::string, std::less<>>& env = {}) {
  return parse_sandbox_options(args, [&](std::string_view name) -> std::optional<std::string> {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  });
}

TEST(SandboxOptions, DefaultsListOn8090WithTheDocumentedRetrySchedule) {
  auto options = parse({});
  ASSERT_TRUE(options.ok()) << options.error().message;
  EXPECT_EQ(options->host, "127.0.0.1");
  EXPECT_EQ(options->port, 8090);
  EXPECT_EQ(options->client_id, "motcua-dev");
  EXPECT_EQ(options->request_key, "motcua-sandbox-dev-request-key!!");
  EXPECT_EQ(options->callback_key.key_id, "sandbox-1");
  EXPECT_EQ(options->callback_key.secret, "motcua-sandbox-dev-callback-key!");
  std::vector<std::chrono::milliseconds> expected{10s, 30s, 1min, 5min, 15min, 1h, 3h, 6h, 24h};
  EXPECT_EQ(options->retry_delays, expected);
  EXPECT_EQ(options->delivery_threads, 4);
}

TEST(SandboxOptions, FlagsWinOverVariables) {
  auto options = parse({"--port", "0", "--client-id=motcua-h34", "--retry-delays-ms", "100,200"},
                       {{"MOTCUA_SANDBOX_PORT", "9000"},
                        {"MOTCUA_SANDBOX_HOST", "0.0.0.0"},
                        {"MOTCUA_SANDBOX_CLIENT_ID", "from-env"},
                        {"MOTCUA_SANDBOX_CALLBACK_KEY_ID", "cb-2"}});
  ASSERT_TRUE(options.ok()) << options.error().message;
  EXPECT_EQ(options->port, 0);
  EXPECT_EQ(options->host, "0.0.0.0");
  EXPECT_EQ(options->client_id, "motcua-h34");
  EXPECT_EQ(options->callback_key.key_id, "cb-2");
  EXPECT_EQ(options->retry_delays, (std::vector<std::chrono::milliseconds>{100ms, 200ms}));
}

TEST(SandboxOptions, RefusesMalformedValues) {
  EXPECT_FALSE(parse({"--port", "70000"}).ok());
  EXPECT_FALSE(parse({"--port"}).ok());
  EXPECT_FALSE(parse({"--colour", "red"}).ok());
  EXPECT_FALSE(parse({"--request-key", "c2hvcnQ="}).ok());  // 5 bytes
  EXPECT_FALSE(parse({"--retry-delays", "10s,soon"}).ok());
  EXPECT_FALSE(parse({"--delivery-threads", "0"}).ok());
  auto help = parse({"--help"});
  ASSERT_FALSE(help.ok());
  EXPECT_EQ(help.error().kind, core::ErrorKind::kNotFound);
  EXPECT_NE(help.error().message.find("MOTCUA_SANDBOX_REQUEST_KEY"), std::string::npos);
}

TEST(SandboxOptions, DelaysTakeUnits) {
  auto delays = parse_delays("250,2s,1m,1h,5ms");
  ASSERT_TRUE(delays.ok());
  EXPECT_EQ(*delays, (std::vector<std::chrono::milliseconds>{250ms, 2s, 1min, 1h, 5ms}));
}

}  // namespace
}  // namespace motcua::sandbox
