#include "app/file_store.h"

namespace motcua::app {

FileStore::~FileStore() = default;
ContentSniffer::~ContentSniffer() = default;

}  // namespace motcua::app
