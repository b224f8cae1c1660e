#include "app/case_files.h"

namespace motcua::app {

CaseFileRepository::~CaseFileRepository() = default;

}  // namespace motcua::app
