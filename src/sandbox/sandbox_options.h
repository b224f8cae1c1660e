#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/payment/platform_signing.h"
#include "core/result.h"

namespace motcua::sandbox {

// Development keys, the defaults of a sandbox and of motcua's [payment] section in development.
// Never use them outside a developer's machine.
inline constexpr std::string_view kDevRequestKeyBase64 =
    "bW90Y3VhLXNhbmRib3gtZGV2LXJlcXVlc3Qta2V5ISE=";
inline constexpr std::string_view kDevCallbackKeyBase64 =
    "bW90Y3VhLXNhbmRib3gtZGV2LWNhbGxiYWNrLWtleSE=";

struct SandboxOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8090;  // 0: any free port (printed on stdout)
  std::string public_url;     // base of payment_url; "" = http://<host>:<bound port>
  std::string client_id = "motcua-dev";
  std::string request_key;  // raw bytes
  adapters::payment::SigningKey callback_key;
  // Waits before the 2nd, 3rd, ... delivery attempt of a callback; then it gives up.
  std::vector<std::chrono::milliseconds> retry_delays;
  int delivery_threads = 4;
  std::chrono::milliseconds callback_timeout{10000};
  std::chrono::milliseconds sweep_interval{250};  // how often expiry is checked
};

// Reads flags (argv without the program name), falling back to MOTCUA_SANDBOX_* variables read
// through `env` (nullopt when unset), then to the defaults above:
//   --host / MOTCUA_SANDBOX_HOST                 --port / MOTCUA_SANDBOX_PORT
//   --public-url / MOTCUA_SANDBOX_PUBLIC_URL     --client-id / MOTCUA_SANDBOX_CLIENT_ID
//   --request-key / MOTCUA_SANDBOX_REQUEST_KEY   (base64)
//   --callback-key-id / MOTCUA_SANDBOX_CALLBACK_KEY_ID
//   --callback-key / MOTCUA_SANDBOX_CALLBACK_KEY (base64)
//   --retry-delays / MOTCUA_SANDBOX_RETRY_DELAYS ("10s,30s,1m,5m,15m,1h,3h,6h,24h"; units ms s m h)
//   --retry-delays-ms (plain milliseconds, "100,200,400"; for tests)
//   --delivery-threads / MOTCUA_SANDBOX_DELIVERY_THREADS
// "--help" gives kNotFound with the usage text as message. Anything malformed: kInvalidInput.
core::Result<SandboxOptions> parse_sandbox_options(
    const std::vector<std::string>& args,
    const std::function<std::optional<std::string>(std::string_view)>& env);

// "10s,30s,1m" -> durations; plain numbers are milliseconds.
core::Result<std::vector<std::chrono::milliseconds>> parse_delays(std::string_view text);

std::string sandbox_usage();

}  // namespace motcua::sandbox
