#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "adapters/web/http_server.h"
#include "adapters/web/router.h"
#include "app/clock.h"
#include "core/result.h"
#include "sandbox/sandbox_options.h"
#include "sandbox/sandbox_state.h"

namespace motcua::sandbox {

// The whole sandbox platform: HTTP server (API, checkout pages, test control), the callback
// delivery workers and the expiry sweeper.
class SandboxApp {
 public:
  // kInvalidInput when a shipped template does not parse.
  static core::Result<std::unique_ptr<SandboxApp>> create(SandboxOptions options,
                                                          const app::Clock& clock);
  ~SandboxApp();
  SandboxApp(const SandboxApp&) = delete;
  SandboxApp& operator=(const SandboxApp&) = delete;

  // Binds, then starts serving, delivering and sweeping.
  core::Status start();
  // REQUIRES: start() succeeded.
  std::uint16_t port() const;
  // Blocks SIGINT and SIGTERM in the calling thread, so that every thread started later
  // inherits the block and run_until_signal() receives them, even one sent the moment the
  // "listening" line is out. REQUIRES: called before start(), on the main thread.
  static void block_stop_signals();
  // Waits for SIGINT or SIGTERM, then stop()s. REQUIRES: block_stop_signals() was called.
  void run_until_signal();
  // Stops the server (requests in flight finish), the sweeper and the delivery workers.
  void stop();

 private:
  SandboxApp(SandboxOptions options, const app::Clock& clock,
             std::shared_ptr<const adapters::web::TemplateEngine> templates);
  void sweep();

  SandboxState state_;
  adapters::web::Router router_;
  std::unique_ptr<adapters::web::HttpServer> server_;
  std::thread sweeper_;
  std::mutex sweeper_mutex_;
  std::condition_variable sweeper_wake_;
  bool stopping_ = false;
  bool stopped_ = false;
};

}  // namespace motcua::sandbox
