#include "adapters/documents/cairo_printed_documents.h"

#include "adapters/documents/pdf_canvas.h"

namespace motcua::adapters::documents {

CairoPrintedDocuments::CairoPrintedDocuments() : fonts_(std::make_unique<Fonts>()) {}

CairoPrintedDocuments::~CairoPrintedDocuments() = default;

}  // namespace motcua::adapters::documents

#if defined(__SANITIZE_ADDRESS__)
// fontconfig 2.14 leaks a few hundred bytes of the configuration it parses once per process
// (FcInitLoadConfigAndFonts, through pango's font map): not ours and not growing, so the leak
// checker of sanitized builds ignores allocations made inside libfontconfig. This file is in
// every program that prints, hence the hook lives here.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
#endif
