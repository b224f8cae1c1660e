#pragma once
// multipart/form-data (RFC 7578 over RFC 2046) for the online submission's uploads. Strict and
// small: the whole body is in memory (the server bounds its size), parts are views into it.
// ADR 0006 says why this is our own code.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace motcua::adapters::web {

struct MultipartLimits {
  std::size_t max_parts = 64;           // a form's fields and files together
  std::size_t max_header_bytes = 2048;  // one part's header block
};

struct MultipartPart {
  std::string name;                     // Content-Disposition's name
  std::optional<std::string> filename;  // set for a file input (may be empty: no file chosen)
  std::string content_type;             // as declared by the client (never trusted)
  std::string_view body;                // into the parsed body
};

// The boundary of a "multipart/form-data; boundary=..." Content-Type (quoted or not), 1 to 70
// characters. kInvalidInput for another type or a missing or malformed boundary.
core::Result<std::string> multipart_boundary(std::string_view content_type);

// The parts of `body`. Lines end in CRLF (a bare LF is refused, as no browser sends one);
// a preamble and an epilogue are ignored; each part needs Content-Disposition: form-data with
// a name; header lines are "Name: value" (no folding). kInvalidInput for anything else: no
// opening or closing delimiter (a truncated body), a header block over the limit, more parts
// than the limit.
core::Result<std::vector<MultipartPart>> parse_multipart(std::string_view body,
                                                         std::string_view boundary,
                                                         const MultipartLimits& limits = {});

}  // namespace motcua::adapters::web
