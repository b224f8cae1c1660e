#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace motcua::app {

// What a case event says happened; a screen showing the case redraws it from the store.
inline constexpr const char* kCaseEventPayment = "payment";  // a fee line was settled
inline constexpr const char* kCaseEventStatus = "status";    // the case's status changed

// One committed change to a case (the change feed, table case_events). It carries no state:
// readers re-read the case, so a lost or repeated event costs a read, never a wrong screen.
struct CaseEvent {
  std::int64_t id = 0;  // increasing in insertion order (not strictly in commit order)
  std::int64_t case_id = 0;
  std::string case_code;
  std::string kind;  // kCaseEventPayment, kCaseEventStatus
  std::chrono::sys_seconds at{};
};

// Port: the committed case events of every process sharing the database, delivered in this
// process. Subscribers are called on the feed's own thread, one event at a time, each event
// at most once (at most a few hundred milliseconds after its commit; events of one case and
// kind committed together may come as their last one only); they must not block for long
// and must not call subscribe or unsubscribe. Events committed before the feed started are
// not delivered.
class CaseEventFeed {
 public:
  using Subscriber = std::function<void(const CaseEvent&)>;
  virtual ~CaseEventFeed();
  // Returns the subscription's id (never 0).
  virtual std::uint64_t subscribe(Subscriber subscriber) = 0;
  // After it returns, the subscriber is not running and will not be called again. Unknown ids
  // are ignored.
  virtual void unsubscribe(std::uint64_t id) = 0;
};

}  // namespace motcua::app
