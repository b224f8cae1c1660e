#include "adapters/files/magic_content_sniffer.h"

#include <magic.h>

#include <string>

namespace motcua::adapters::files {

core::Result<std::unique_ptr<MagicContentSniffer>> MagicContentSniffer::open() {
  // MAGIC_NO_CHECK_COMPRESS / ELF stay default; only the type is asked for. No
  // decompression (MAGIC_COMPRESS off), so a gzip's inside is never looked at.
  magic_t cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
  if (cookie == nullptr) return core::Error{core::ErrorKind::kStorage, "magic_open failed"};
  if (magic_load(cookie, nullptr) != 0) {
    std::string why = magic_error(cookie) != nullptr ? magic_error(cookie) : "unknown";
    magic_close(cookie);
    return core::Error{core::ErrorKind::kStorage, "cannot load the magic database: " + why};
  }
  return std::unique_ptr<MagicContentSniffer>(new MagicContentSniffer(cookie));
}

MagicContentSniffer::~MagicContentSniffer() { magic_close(static_cast<magic_t>(cookie_)); }

std::string MagicContentSniffer::media_type(std::string_view bytes) const {
  std::lock_guard lock(mutex_);
  const char* type = magic_buffer(static_cast<magic_t>(cookie_), bytes.data(), bytes.size());
  return type != nullptr ? std::string(type) : std::string("application/octet-stream");
}

}  // namespace motcua::adapters::files
