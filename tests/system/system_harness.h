#pragma once

#include <soci/soci.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "adapters/web/http_client.h"
#include "child_process.h"
#include "temp_dir.h"

// The pieces of the system tests (tests/system): the real motcua, motcua-sandbox and nginx as
// child processes, plain HTTP to them, and the database read directly through SOCI.
namespace motcua::testing {

// The sandbox's development keys (src/sandbox/sandbox_options.h), which `motcua serve` uses
// by default.
inline constexpr const char* kSandboxCallbackKeyId = "sandbox-1";
inline constexpr const char* kSandboxCallbackKey = "bW90Y3VhLXNhbmRib3gtZGV2LWNhbGxiYWNrLWtleSE=";
inline constexpr const char* kClientId = "motcua-dev";
// The guide's case in the demo seed: 2.000 + 1.000 VND unpaid.
inline constexpr const char* kGuideCase = "H34.22.6-240426-0002";
// Short sandbox retries, so a refused or lost callback is retried within seconds.
inline constexpr const char* kShortRetries = "100,200,400,800,1600,3200";

// A port free now (bound to 127.0.0.1:0 and released), for a process that must be restarted
// on the same port.
std::uint16_t free_port();

// Polls `done` every `every` until it is true or `timeout` passes; returns its last value.
bool eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout,
                std::chrono::milliseconds every = std::chrono::milliseconds(50));

// An environment variable as a count, or `fallback` (local runs may shrink the big tests).
int env_count(const char* name, int fallback);

using web_response = adapters::web::HttpClientResponse;

// One plain HTTP exchange; a response with status 0 and the reason in body when nothing came.
web_response http(const std::string& method, const std::string& url, const std::string& body = "",
                  std::vector<std::pair<std::string, std::string>> headers = {},
                  std::chrono::milliseconds timeout = std::chrono::seconds(20));

// motcua-sandbox with short retries on a free port.
class Sandbox {
 public:
  explicit Sandbox(std::vector<std::string> extra_args = {});
  const std::string& url() const { return url_; }
  ChildProcess& process() { return *process_; }

  // The test-control API. complete() answers the status answer (status 200) or a refusal.
  web_response complete(const std::string& transaction_id, const std::string& outcome,
                        const std::string& channel = "MOMO");
  web_response set_faults(const std::string& transaction_id, const std::string& faults_json);
  web_response resend(const std::string& transaction_id);
  // The delivery attempts of one transaction's callbacks: (status, result) pairs, oldest first.
  std::vector<std::pair<int, std::string>> attempts(const std::string& transaction_id);

 private:
  std::unique_ptr<ChildProcess> process_;
  std::string url_;
};

// `motcua serve` on a given port (0: any) over a database URL, with payment settings.
class Motcua {
 public:
  Motcua(std::string database_url, std::string sandbox_url, std::uint16_t port,
         std::vector<std::string> env, std::string cwd, bool demo = true);
  ~Motcua();
  // Starts (or restarts) the process and waits for /healthz; fails the test when it does not
  // come up.
  void start();
  // SIGKILL, no goodbye.
  void kill();
  bool running() { return process_ && process_->running(); }
  std::uint16_t port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string output();  // stdout and stderr so far, for failure messages
  // How often `text` occurs in the output of every run so far (e.g. an access log's path).
  std::size_t occurrences(const std::string& text);

 private:
  std::string database_url_;
  std::string sandbox_url_;
  std::uint16_t port_;
  std::vector<std::string> env_;
  std::string cwd_;
  bool demo_;
  std::unique_ptr<ChildProcess> process_;
  std::string earlier_output_;  // of the runs before a restart
};

// Runs `motcua <args...>` to its end; its exit code (output appended to *output if given).
int run_motcua(const std::vector<std::string>& args, std::string* output = nullptr);

// A database session on a motcua database URL ("sqlite://path" or a libpq URI).
std::unique_ptr<soci::session> open_database(const std::string& url);

// A database URL for a fresh PostgreSQL schema of its own on the server of
// scripts/with-postgres.sh; fails the test (never skips) when MOTCUA_TEST_POSTGRES_URL is unset.
std::string fresh_postgres_url(const std::string& schema);

// What the public API says a case owes: (amount_due, absolute pay_url or "").
struct PaymentInfo {
  int status = 0;
  std::int64_t amount_due = -1;
  std::string pay_url;
};
PaymentInfo payment_info(const std::string& base_url, const std::string& case_code);

// Opens a pay link without following the redirect: the transaction id from the 303's
// Location (…/checkout/<id>), or "" with *status set to what came instead.
std::string open_pay_link(const std::string& pay_url, int* status = nullptr,
                          std::string* location = nullptr);

// The money of the database, as the invariants need it.
struct RequestRow {
  std::int64_t id = 0;
  std::string reference;
  std::string transaction_id;
  std::int64_t amount = 0;
  int state = 0;  // core::PaymentState: 2 succeeded
  std::string case_code;
};
struct Ledger {
  std::vector<RequestRow> requests;
  std::map<std::int64_t, int> receipts_per_request;           // request id -> receipts
  std::map<std::int64_t, std::int64_t> receipt_amount;        // request id -> receipt amount
  std::map<std::int64_t, int> applied_callbacks_per_request;  // verdict "applied"
  std::map<std::int64_t, int> lines_paid_by_request;          // fee_lines.payment_request_id
  std::map<std::int64_t, int> unpaid_lines_of_request;        // its lines still unpaid
  std::int64_t receipts = 0;
  std::int64_t receipt_total = 0;
  std::int64_t overpayments = 0;
  std::int64_t overpayment_total = 0;
  std::vector<std::string> numbering_problems;  // series whose numbers are not exactly 1..N
};
Ledger read_ledger(soci::session& db);

// Counts rows: `SELECT COUNT(*) ...`.
std::int64_t count(soci::session& db, const std::string& sql);

// A signed callback to motcua, as the platform would send it (or a forgery of one).
struct CallbackToSend {
  std::string body;
  std::string key_id = kSandboxCallbackKeyId;
  std::string key_base64 = kSandboxCallbackKey;
  std::int64_t timestamp = 0;  // 0: now
};
web_response post_callback(const std::string& motcua_url, const CallbackToSend& callback);
std::string callback_body(const std::string& event_id, const std::string& event_type,
                          const std::string& transaction_id, const std::string& reference,
                          std::int64_t amount);

// nginx as a round-robin load balancer over motcua ports, in `dir`.
class Nginx {
 public:
  Nginx(const std::string& dir, const std::vector<std::uint16_t>& upstream_ports);
  std::uint16_t port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  std::uint16_t port_ = 0;
  std::unique_ptr<ChildProcess> process_;
};

}  // namespace motcua::testing
