#pragma once

#include <atomic>
#include <memory>

#include "app/store.h"
#include "app/store_metrics.h"

namespace motcua::adapters::storage {

// Wraps a Store and measures each of its transactions: the wall time of transact() or read(),
// from leasing a connection to COMMIT or ROLLBACK (lock waits and retries included), in a
// histogram per kind, and a count of those that end with a kStorage error (the database
// failed). A use case's own error (not found, refused) rolls back but is not a failure.
// refresh_statistics() is passed through unmeasured. Thread-safe as the wrapped Store is.
class TimedStore : public app::Store, public app::StoreMetrics {
 public:
  explicit TimedStore(std::unique_ptr<app::Store> inner);

  core::Status transact(const std::function<core::Status(app::Repositories&)>& work) override;
  core::Status read(const std::function<core::Status(app::Repositories&)>& work) override;
  core::Status refresh_statistics() override;

  app::TransactionTimings transaction_timings() const override;

 private:
  struct Kind {
    app::DurationRecorder durations{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                    0.01,   0.025,   0.05,   0.1,   0.25,   1.0};
    std::atomic<std::uint64_t> failures{0};
  };
  static core::Status measure(Kind& kind, const std::function<core::Status()>& run);

  std::unique_ptr<app::Store> inner_;
  Kind reads_;
  Kind writes_;
};

}  // namespace motcua::adapters::storage
