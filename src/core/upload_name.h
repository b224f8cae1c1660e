#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace motcua::core {

// The most bytes of an uploaded file's display name (a UTF-8 character is never cut).
inline constexpr std::size_t kMaxUploadNameBytes = 120;

// The name a client gave an uploaded file, made safe to keep as display text only (it never
// names anything on disk): the last part after any '/' or '\\' (a browser may send a whole
// path), NFC, control characters and quotes dropped, spaces trimmed, at most
// kMaxUploadNameBytes. Text that is not UTF-8, or nothing left: "tep" ("file").
std::string clean_upload_name(std::string_view client_name);

}  // namespace motcua::core
