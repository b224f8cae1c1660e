#include "sandbox/callback_dispatcher.h"

#include "adapters/payment/platform_messages.h"
#include "adapters/web/http_client.h"

namespace motcua::sandbox {
namespace {

namespace payment = adapters::payment;
namespace web = adapters::web;
using Clock = std::chrono::steady_clock;

std::int64_t unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

CallbackDispatcher::CallbackDispatcher(Options options) : options_(std::move(options)) {}

CallbackDispatcher::~CallbackDispatcher() { stop(); }

void CallbackDispatcher::start() {
  int threads = std::max(1, options_.threads);
  for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
}

void CallbackDispatcher::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& worker : workers_) {
    if (worker.joinable()) worker.join();
  }
  workers_.clear();
}

void CallbackDispatcher::queue(Delivery delivery, Clock::time_point due) {
  queue_.emplace(Due{due, ++sequence_}, std::move(delivery));
  wake_.notify_one();
}

void CallbackDispatcher::record(DeliveryRecord record) { log_.push_back(std::move(record)); }

CallbackFaults CallbackDispatcher::faults(const std::string& transaction_id) const {
  std::lock_guard lock(mutex_);
  auto found = faults_.find(transaction_id);
  return found == faults_.end() ? CallbackFaults{} : found->second;
}

void CallbackDispatcher::set_faults(const std::string& transaction_id,
                                    const CallbackFaults& faults) {
  std::lock_guard lock(mutex_);
  faults_[transaction_id] = faults;
  if (faults.reorder) return;
  auto held = held_.find(transaction_id);
  if (held == held_.end()) return;
  auto due = Clock::now();
  for (auto it = held->second.rbegin(); it != held->second.rend(); ++it) {
    queue(std::move(*it), due);
    due += std::chrono::milliseconds(100);
  }
  held_.erase(held);
}

void CallbackDispatcher::publish(const app::GatewayOutcome& event, const std::string& url) {
  std::lock_guard lock(mutex_);
  latest_[event.transaction_id] = {event, url};
  enqueue_event(event, url);
}

bool CallbackDispatcher::resend(const std::string& transaction_id) {
  std::lock_guard lock(mutex_);
  auto it = latest_.find(transaction_id);
  if (it == latest_.end()) return false;
  enqueue_event(it->second.first, it->second.second);
  return true;
}

void CallbackDispatcher::enqueue_event(const app::GatewayOutcome& event, const std::string& url) {
  CallbackFaults faults;
  if (auto it = faults_.find(event.transaction_id); it != faults_.end()) faults = it->second;
  app::GatewayOutcome sent = event;
  sent.amount = core::Money::dong(event.amount.in_dong() + faults.wrong_amount);
  payment::CallbackEvent callback{payment::event_type_for(event.state), sent};
  Delivery delivery{event.event_id,
                    event.transaction_id,
                    callback.event_type,
                    url,
                    payment::encode_callback_event(callback),
                    faults.bad_signature};
  auto due = Clock::now() + std::chrono::milliseconds(faults.delay_ms);
  for (int copy = 0; copy <= std::max(0, faults.duplicate); ++copy) {
    delivery.copy = copy;
    if (faults.drop || faults.reorder) {
      record({delivery.event_id, delivery.transaction_id, delivery.event_type, copy, 0, unix_ms(),
              0, "", faults.drop ? "dropped" : "held"});
      if (faults.reorder && !faults.drop) held_[event.transaction_id].push_back(delivery);
      continue;
    }
    queue(delivery, due);
  }
}

DeliveryRecord CallbackDispatcher::attempt(const Delivery& delivery) {
  DeliveryRecord out{delivery.event_id, delivery.transaction_id, delivery.event_type,
                     delivery.copy,     delivery.attempt,        unix_ms()};
  auto url = web::parse_http_url(delivery.url);
  if (!url) {
    out.answer = url.error().message;
    return out;
  }
  payment::SigningKey key = options_.key;
  if (delivery.bad_signature) key.secret = "not-the-callback-key-of-this-sandbox";
  auto signature =
      payment::sign(key, options_.client_id, "POST", url->target, delivery.body, out.at_ms / 1000);
  web::HttpClientRequest request;
  request.method = "POST";
  request.url = delivery.url;
  request.headers = signature.as_list();
  request.headers.emplace_back("Content-Type", "application/json");
  request.body = delivery.body;
  request.timeout = options_.timeout;
  auto response = web::send_http_request(request);
  if (!response) {
    out.answer = response.error().message;
    return out;
  }
  out.status = response->status;
  out.answer = response->body.substr(0, 2000);
  auto problem = payment::decode_problem(response->body);
  if (response->status == 200 && problem && problem->code == "00") out.result = "delivered";
  return out;
}

void CallbackDispatcher::work() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    auto first = queue_.begin();
    if (first->first.first > Clock::now()) {
      // A copy: another worker may take (and free) that entry while this one waits.
      Clock::time_point due = first->first.first;
      wake_.wait_until(lock, due);
      continue;  // something earlier may have arrived, or another worker took it
    }
    Delivery delivery = std::move(first->second);
    queue_.erase(first);
    lock.unlock();
    DeliveryRecord done = attempt(delivery);
    lock.lock();
    if (done.result.empty()) {
      auto retry = static_cast<std::size_t>(delivery.attempt - 1);
      if (retry < options_.retry_delays.size()) {
        done.result = "retry";
        ++delivery.attempt;
        queue(std::move(delivery), Clock::now() + options_.retry_delays[retry]);
      } else {
        done.result = "gave_up";
      }
    }
    record(std::move(done));
  }
}

std::vector<DeliveryRecord> CallbackDispatcher::log(const std::string& transaction_id) const {
  std::lock_guard lock(mutex_);
  if (transaction_id.empty()) return log_;
  std::vector<DeliveryRecord> out;
  for (const auto& r : log_) {
    if (r.transaction_id == transaction_id) out.push_back(r);
  }
  return out;
}

}  // namespace motcua::sandbox
