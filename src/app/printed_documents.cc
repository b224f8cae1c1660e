// The port's out-of-line destructor (in its own file, beside ports.cc, to anchor the vtable).
#include "app/printed_documents.h"

namespace motcua::app {

PrintedDocuments::~PrintedDocuments() = default;

}  // namespace motcua::app
