#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "adapters/payment/platform_signing.h"
#include "app/payment_gateway.h"

namespace motcua::sandbox {

// How the callbacks of one transaction misbehave, on request of a test (test-control API).
struct CallbackFaults {
  int duplicate = 0;              // extra copies of each event (same event_id)
  std::int64_t delay_ms = 0;      // before the first attempt
  bool drop = false;              // never deliver (logged as "dropped")
  bool reorder = false;           // hold events; turning it off releases them newest first
  bool bad_signature = false;     // sign with a key the receiver does not hold
  std::int64_t wrong_amount = 0;  // added to the amount in the callback
  // The daily reconciliation file's view of the transaction (its callbacks are untouched):
  std::int64_t file_wrong_amount = 0;  // added to its amount in the file
  bool file_duplicate = false;         // its row is listed twice
};

// One delivery attempt (or a decision not to deliver), as GET /test/v1/callbacks shows it.
struct DeliveryRecord {
  std::string event_id;
  std::string transaction_id;
  std::string event_type;
  int copy = 0;            // 0: the event itself; 1, 2, ...: duplicates asked for by a fault
  int attempt = 0;         // 1-based; 0 for "dropped" and "held"
  std::int64_t at_ms = 0;  // Unix milliseconds
  int status = 0;          // HTTP status of the answer; 0 when none came
  std::string answer;      // the answer's body, or why there was none
  std::string result;      // "delivered", "retry", "gave_up", "dropped", "held"
};

// Delivers signed callback events at least once: POST to the callback URL, success only on
// 200 with body code "00"; otherwise retried after each of retry_delays in turn, then given
// up. Several worker threads take due deliveries without pausing between them. Thread-safe.
class CallbackDispatcher {
 public:
  struct Options {
    std::string client_id;
    adapters::payment::SigningKey key;
    std::vector<std::chrono::milliseconds> retry_delays;
    int threads = 4;
    std::chrono::milliseconds timeout{10000};
  };
  explicit CallbackDispatcher(Options options);
  ~CallbackDispatcher();
  CallbackDispatcher(const CallbackDispatcher&) = delete;
  CallbackDispatcher& operator=(const CallbackDispatcher&) = delete;

  void start();
  // Stops the workers after the attempts in flight; queued deliveries are abandoned.
  void stop();

  // Faults for the transaction's next callbacks. Turning reorder off releases held events,
  // newest first, 100 ms apart.
  void set_faults(const std::string& transaction_id, const CallbackFaults& faults);
  // The transaction's faults as last set (all off when never set).
  CallbackFaults faults(const std::string& transaction_id) const;
  // Queues a final event (event.event_id set) for delivery to callback_url, applying the
  // transaction's faults; remembers it as the transaction's latest event.
  void publish(const app::GatewayOutcome& event, const std::string& callback_url);
  // Queues the transaction's latest event again, same event_id. false when it has none.
  bool resend(const std::string& transaction_id);
  // The attempts for one transaction ("" for all), oldest first.
  std::vector<DeliveryRecord> log(const std::string& transaction_id) const;

 private:
  struct Delivery {
    std::string event_id;
    std::string transaction_id;
    std::string event_type;
    std::string url;
    std::string body;
    bool bad_signature = false;
    int copy = 0;
    int attempt = 1;
  };
  using Due = std::pair<std::chrono::steady_clock::time_point, std::uint64_t>;

  void work();
  // Sends one attempt; returns the record (result "delivered" or not yet decided).
  DeliveryRecord attempt(const Delivery& delivery);
  void queue(Delivery delivery, std::chrono::steady_clock::time_point due);      // REQUIRES: mutex_
  void enqueue_event(const app::GatewayOutcome& event, const std::string& url);  // REQUIRES: mutex_
  void record(DeliveryRecord record);                                            // REQUIRES: mutex_

  Options options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::uint64_t sequence_ = 0;
  std::map<Due, Delivery> queue_;
  std::map<std::string, CallbackFaults> faults_;
  std::map<std::string, std::vector<Delivery>> held_;
  std::map<std::string, std::pair<app::GatewayOutcome, std::string>> latest_;
  std::vector<DeliveryRecord> log_;
  std::vector<std::thread> workers_;
};

}  // namespace motcua::sandbox
