#pragma once

#include <string_view>

namespace motcua {

// A text file compiled into the binary (cmake/EmbedFiles.cmake).
struct EmbeddedFile {
  std::string_view name;     // file name without directories, e.g. "layout.mustache"
  std::string_view content;  // the file's bytes
};

}  // namespace motcua
