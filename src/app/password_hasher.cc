#include "app/password_hasher.h"

namespace motcua::app {

PasswordHasher::~PasswordHasher() = default;

}  // namespace motcua::app
