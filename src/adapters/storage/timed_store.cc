#include "adapters/storage/timed_store.h"

#include <chrono>

namespace motcua::adapters::storage {

TimedStore::TimedStore(std::unique_ptr<app::Store> inner) : inner_(std::move(inner)) {}

core::Status TimedStore::measure(Kind& kind, const std::function<core::Status()>& run) {
  // A monotonic stopwatch, not the app's clock: this measures, it does not decide.
  auto start = std::chrono::steady_clock::now();
  core::Status outcome = run();
  kind.durations.record(std::chrono::steady_clock::now() - start);
  if (!outcome.ok() && outcome.error().kind == core::ErrorKind::kStorage) {
    kind.failures.fetch_add(1, std::memory_order_relaxed);
  }
  return outcome;
}

core::Status TimedStore::transact(const std::function<core::Status(app::Repositories&)>& work) {
  return measure(writes_, [&] { return inner_->transact(work); });
}

core::Status TimedStore::read(const std::function<core::Status(app::Repositories&)>& work) {
  return measure(reads_, [&] { return inner_->read(work); });
}

core::Status TimedStore::refresh_statistics() { return inner_->refresh_statistics(); }

app::TransactionTimings TimedStore::transaction_timings() const {
  return {reads_.durations.snapshot(), writes_.durations.snapshot(),
          reads_.failures.load(std::memory_order_relaxed),
          writes_.failures.load(std::memory_order_relaxed)};
}

}  // namespace motcua::adapters::storage
