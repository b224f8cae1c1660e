#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace motcua::app {

// A file the store keeps: its name there (random, never from the client), size and SHA-256.
struct StoredFile {
  std::string stored_name;
  std::int64_t size = 0;
  std::string sha256;  // lower-case hex
};

// Port: where uploaded files live, outside any web root (adapters/files/local_file_store).
// Names are chosen by the store; a name that is not one it could have chosen is kNotFound.
class FileStore {
 public:
  virtual ~FileStore();
  // Writes `bytes` durably (temporary file, fsync, rename) under a new random name.
  // kStorage when the disk refuses.
  virtual core::Result<StoredFile> put(std::string_view bytes) = 0;
  // The bytes of a stored file; kNotFound when there is none by that name.
  virtual core::Result<std::string> get(std::string_view stored_name) const = 0;
  // Deletes a stored file; removing a missing one is ok.
  virtual core::Status remove(std::string_view stored_name) = 0;
};

// Port: the media type of some bytes decided by their content, never by a name or a client's
// claim (adapters/files/magic_content_sniffer, over libmagic). "application/octet-stream"
// when nothing is recognised.
class ContentSniffer {
 public:
  virtual ~ContentSniffer();
  virtual std::string media_type(std::string_view bytes) const = 0;
};

}  // namespace motcua::app
