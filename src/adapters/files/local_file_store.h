#pragma once

#include <filesystem>

#include "app/file_store.h"
#include "app/token_service.h"

namespace motcua::adapters::files {

// app::FileStore on the local disk: one directory ([uploads] dir, outside any web root), files
// named by TokenService::new_token (43 base64url characters, nothing from the client). put()
// writes "<name>.tmp", fsyncs it, renames it into place and fsyncs the directory, so a file is
// either whole under its name or absent. Thread-safe (no shared state but the directory).
class LocalFileStore : public app::FileStore {
 public:
  // Creates `directory` (and its parents) when missing; kStorage when it cannot.
  static core::Result<LocalFileStore> open(std::filesystem::path directory,
                                           app::TokenService& tokens);

  core::Result<app::StoredFile> put(std::string_view bytes) override;
  core::Result<std::string> get(std::string_view stored_name) const override;
  core::Status remove(std::string_view stored_name) override;

  const std::filesystem::path& directory() const { return directory_; }

 private:
  LocalFileStore(std::filesystem::path directory, app::TokenService& tokens);
  std::filesystem::path directory_;
  app::TokenService* tokens_;
};

}  // namespace motcua::adapters::files
