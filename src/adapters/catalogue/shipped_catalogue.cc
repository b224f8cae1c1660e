#include <span>

#include "adapters/catalogue/procedure_catalogue.h"
#include "adapters/embedded_file.h"

namespace motcua::adapters::catalogue {

std::span<const EmbeddedFile> embedded_catalogue_files();  // generated from data/catalogue/

std::string_view shipped_procedure_catalogue_csv() {
  for (const EmbeddedFile& file : embedded_catalogue_files()) {
    if (file.name == "procedures.csv") return file.content;
  }
  return {};  // unreachable: the build embeds the file
}

}  // namespace motcua::adapters::catalogue
