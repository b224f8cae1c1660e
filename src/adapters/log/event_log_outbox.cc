#include "adapters/log/event_log_outbox.h"

namespace motcua::adapters::log {

core::Status EventLogOutbox::send(const app::OutboxMessage& message) {
  log_.log(app::LogLevel::kInfo, "outbox",
           {{"email", message.email},
            {"phone", message.phone},
            {"subject", message.subject},
            {"text", message.text}});
  return {};
}

}  // namespace motcua::adapters::log
