#include "sandbox/sandbox_options.h"

#include <charconv>
#include <map>

namespace motcua::sandbox {
namespace {

constexpr std::string_view kDefaultRetryDelays = "10s,30s,1m,5m,15m,1h,3h,6h,24h";

struct Flag {
  std::string_view name;
  std::string_view env;  // "" when the flag has no variable
};

constexpr Flag kFlags[] = {
    {"--host", "MOTCUA_SANDBOX_HOST"},
    {"--port", "MOTCUA_SANDBOX_PORT"},
    {"--public-url", "MOTCUA_SANDBOX_PUBLIC_URL"},
    {"--client-id", "MOTCUA_SANDBOX_CLIENT_ID"},
    {"--request-key", "MOTCUA_SANDBOX_REQUEST_KEY"},
    {"--callback-key-id", "MOTCUA_SANDBOX_CALLBACK_KEY_ID"},
    {"--callback-key", "MOTCUA_SANDBOX_CALLBACK_KEY"},
    {"--retry-delays", "MOTCUA_SANDBOX_RETRY_DELAYS"},
    {"--retry-delays-ms", ""},
    {"--delivery-threads", "MOTCUA_SANDBOX_DELIVERY_THREADS"},
};

bool read_number(std::string_view text, long long* out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string sandbox_usage() {
  std::string out =
      "motcua-sandbox: the payment platform's side, for development and tests\n"
      "(docs/protocols/payment-platform.md).\n\nOptions (or the MOTCUA_SANDBOX_* variable):\n";
  for (const auto& flag : kFlags) {
    out.append("  ").append(flag.name);
    if (!flag.env.empty()) out.append(" VALUE   (").append(flag.env).append(")");
    out.append("\n");
  }
  out.append(
      "Defaults: --host 127.0.0.1 --port 8090 --client-id motcua-dev, development keys,\n"
      "--retry-delays 10s,30s,1m,5m,15m,1h,3h,6h,24h, --delivery-threads 4.\n");
  return out;
}

core::Result<std::vector<std::chrono::milliseconds>> parse_delays(std::string_view text) {
  std::vector<std::chrono::milliseconds> out;
  while (!text.empty()) {
    auto comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    long long scale = 1;
    if (item.ends_with("ms")) {
      item.remove_suffix(2);
    } else if (item.ends_with("s")) {
      scale = 1000, item.remove_suffix(1);
    } else if (item.ends_with("m")) {
      scale = 60'000, item.remove_suffix(1);
    } else if (item.ends_with("h")) {
      scale = 3'600'000, item.remove_suffix(1);
    }
    long long value = 0;
    if (!read_number(item, &value) || value < 0 || value > 7LL * 24 * 3'600'000 / scale) {
      return core::invalid_input("'" + std::string(item) +
                                 "' is not a delay like 10s, 1m, 1h or 250 (ms)");
    }
    out.emplace_back(value * scale);
  }
  return out;
}

core::Result<SandboxOptions> parse_sandbox_options(
    const std::vector<std::string>& args,
    const std::function<std::optional<std::string>(std::string_view)>& env) {
  std::map<std::string, std::string, std::less<>> given;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h")
      return core::Error{core::ErrorKind::kNotFound, sandbox_usage()};
    std::string name = args[i];
    std::string value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return core::invalid_input("option " + name + " needs a value");
    }
    bool known = false;
    for (const auto& flag : kFlags) known = known || flag.name == name;
    if (!known) return core::invalid_input("unknown option " + name + " (see --help)");
    given[name] = value;
  }
  auto get = [&](std::string_view flag) -> std::optional<std::string> {
    if (auto it = given.find(flag); it != given.end()) return it->second;
    for (const auto& f : kFlags) {
      if (f.name == flag && !f.env.empty()) return env(f.env);
    }
    return std::nullopt;
  };

  SandboxOptions options;
  if (auto host = get("--host")) options.host = *host;
  if (auto port = get("--port")) {
    long long value = 0;
    if (!read_number(*port, &value) || value < 0 || value > 65535) {
      return core::invalid_input("--port must be 0..65535, not '" + *port + "'");
    }
    options.port = static_cast<std::uint16_t>(value);
  }
  if (auto url = get("--public-url")) options.public_url = *url;
  if (auto id = get("--client-id")) options.client_id = *id;
  if (options.client_id.empty()) return core::invalid_input("--client-id must not be empty");
  auto request_key = adapters::payment::decode_key(
      get("--request-key").value_or(std::string(kDevRequestKeyBase64)));
  if (!request_key) return core::invalid_input("--request-key: " + request_key.error().message);
  options.request_key = *request_key;
  options.callback_key.key_id = get("--callback-key-id").value_or("sandbox-1");
  auto callback_key = adapters::payment::decode_key(
      get("--callback-key").value_or(std::string(kDevCallbackKeyBase64)));
  if (!callback_key) return core::invalid_input("--callback-key: " + callback_key.error().message);
  options.callback_key.secret = *callback_key;
  std::string delays = get("--retry-delays").value_or(std::string(kDefaultRetryDelays));
  if (auto it = given.find("--retry-delays-ms"); it != given.end()) delays = it->second;
  auto parsed = parse_delays(delays);
  if (!parsed) return parsed.error();
  options.retry_delays = *parsed;
  if (auto threads = get("--delivery-threads")) {
    long long value = 0;
    if (!read_number(*threads, &value) || value < 1 || value > 64) {
      return core::invalid_input("--delivery-threads must be 1..64");
    }
    options.delivery_threads = static_cast<int>(value);
  }
  return options;
}

}  // namespace motcua::sandbox
