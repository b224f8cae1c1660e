#include "app/clock.h"

namespace motcua::app {

Clock::~Clock() = default;

}  // namespace motcua::app
