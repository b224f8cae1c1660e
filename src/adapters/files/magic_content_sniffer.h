#pragma once

#include <memory>
#include <mutex>

#include "app/file_store.h"

namespace motcua::adapters::files {

// app::ContentSniffer over libmagic (the `file` command's database, MAGIC_MIME_TYPE): the
// media type from the bytes alone. One magic cookie, loaded once, used under a mutex (a cookie
// is not thread-safe). open() fails with kStorage when the database cannot be loaded.
class MagicContentSniffer : public app::ContentSniffer {
 public:
  static core::Result<std::unique_ptr<MagicContentSniffer>> open();
  ~MagicContentSniffer() override;
  std::string media_type(std::string_view bytes) const override;

 private:
  explicit MagicContentSniffer(void* cookie) : cookie_(cookie) {}
  void* cookie_;  // magic_t, kept opaque so <magic.h> stays in the .cc
  mutable std::mutex mutex_;
};

}  // namespace motcua::adapters::files
