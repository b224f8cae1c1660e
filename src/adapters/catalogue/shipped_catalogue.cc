#include <span>

#include "adapters/catalogue/procedure_catalogue.h"
#include "adapters/catalogue/procedure_details.h"
#include "adapters/embedded_file.h"

namespace motcua::adapters::catalogue {

std::span<const EmbeddedFile> embedded_catalogue_files();  // generated from data/catalogue/

namespace {

std::string_view embedded(std::string_view name) {
  for (const EmbeddedFile& file : embedded_catalogue_files()) {
    if (file.name == name) return file.content;
  }
  return {};  // unreachable: the build embeds the files
}

}  // namespace

std::string_view shipped_procedure_catalogue_csv() { return embedded("procedures.csv"); }
std::string_view shipped_procedure_terms_csv() { return embedded("procedure_terms.csv"); }
std::string_view shipped_procedure_documents_csv() { return embedded("procedure_documents.csv"); }

}  // namespace motcua::adapters::catalogue
