#include "adapters/web/messages.h"

namespace motcua::adapters::web {

std::span<const Message> intake_messages() { return {}; }

}  // namespace motcua::adapters::web
