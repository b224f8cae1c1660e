// motcua-sandbox: the payment platform's side for development and tests
// (docs/protocols/payment-platform.md). Prints "listening on http://HOST:PORT" once bound.
#include <cstdlib>
#include <exception>
#include <iostream>

#include "adapters/system_clock.h"
#include "sandbox/sandbox_app.h"

int main(int argc, char** argv) {
  try {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto options = motcua::sandbox::parse_sandbox_options(
        args, [](std::string_view name) -> std::optional<std::string> {
          const char* value = std::getenv(std::string(name).c_str());
          if (value == nullptr) return std::nullopt;
          return std::string(value);
        });
    if (!options) {
      bool help = options.error().kind == motcua::core::ErrorKind::kNotFound;
      (help ? std::cout : std::cerr)
          << (help ? "" : "error: ") << options.error().message << (help ? "" : "\n");
      return help ? 0 : 64;  // EX_USAGE
    }
    motcua::adapters::SystemClock clock;
    std::string host = options->host;
    auto app = motcua::sandbox::SandboxApp::create(std::move(options).value(), clock);
    if (!app) {
      std::cerr << "error: " << app.error().message << "\n";
      return 70;
    }
    motcua::sandbox::SandboxApp::block_stop_signals();
    if (auto started = (*app)->start(); !started) {
      std::cerr << "error: " << started.error().message << "\n";
      return 69;  // EX_UNAVAILABLE
    }
    std::cout << "listening on http://" << host << ":" << (*app)->port() << std::endl;
    (*app)->run_until_signal();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "error: internal failure: " << e.what() << "\n";
    return 70;  // EX_SOFTWARE
  }
}
