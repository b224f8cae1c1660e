#pragma once

#include <string>

#include "core/result.h"

namespace motcua::app {

// A message for a person, to their e-mail address and/or phone (one of them may be empty).
struct OutboxMessage {
  std::string email;
  std::string phone;
  std::string subject;  // Vietnamese
  std::string text;     // Vietnamese, plain text, short enough for an SMS
};

// Port: sends messages to citizens (password-reset codes today). Production plugs in a mail
// or SMS gateway; development writes them to the event log (adapters/log/event_log_outbox.h).
// Called after the transaction that decided to send has committed.
class Outbox {
 public:
  virtual ~Outbox();
  virtual core::Status send(const OutboxMessage& message) = 0;
};

}  // namespace motcua::app
