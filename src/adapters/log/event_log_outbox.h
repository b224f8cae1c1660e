#pragma once

#include "app/event_log.h"
#include "app/outbox.h"

namespace motcua::adapters::log {

// The development Outbox: each message becomes one event "outbox" in the event log
// (recipient e-mail and phone, subject, text), where a developer or a browser test reads the
// password-reset code. Never for production: the log is not a delivery channel, and codes in
// it are readable by whoever reads the log.
class EventLogOutbox final : public app::Outbox {
 public:
  explicit EventLogOutbox(app::EventLog& log) : log_(log) {}
  core::Status send(const app::OutboxMessage& message) override;

 private:
  app::EventLog& log_;
};

}  // namespace motcua::adapters::log
