#include "adapters/web/messages.h"

namespace motcua::adapters::web {

std::span<const Message> admin_messages() { return {}; }

}  // namespace motcua::adapters::web
