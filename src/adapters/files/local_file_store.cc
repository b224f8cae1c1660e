#include "adapters/files/local_file_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

namespace motcua::adapters::files {
namespace {

core::Error disk_error(const std::string& what) {
  return {core::ErrorKind::kStorage, what + ": " + std::strerror(errno)};
}

// A name the store could have chosen: base64url characters only, so no path can be formed.
bool is_store_name(std::string_view name) {
  if (name.empty() || name.size() > 100) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

// Writes all of `bytes` to `fd` and fsyncs it.
bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return ::fsync(fd) == 0;
}

}  // namespace

LocalFileStore::LocalFileStore(std::filesystem::path directory, app::TokenService& tokens)
    : directory_(std::move(directory)), tokens_(&tokens) {}

core::Result<LocalFileStore> LocalFileStore::open(std::filesystem::path directory,
                                                  app::TokenService& tokens) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec || !std::filesystem::is_directory(directory)) {
    return core::Error{core::ErrorKind::kStorage, "cannot create the uploads directory " +
                                                      directory.string() + ": " + ec.message()};
  }
  return LocalFileStore(std::move(directory), tokens);
}

core::Result<app::StoredFile> LocalFileStore::put(std::string_view bytes) {
  std::string name = tokens_->new_token();
  std::filesystem::path final_path = directory_ / name;
  std::filesystem::path temp_path = directory_ / (name + ".tmp");
  int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return disk_error("cannot create an upload file");
  bool written = write_all(fd, bytes);
  int saved_errno = errno;
  ::close(fd);
  if (!written) {
    ::unlink(temp_path.c_str());
    errno = saved_errno;
    return disk_error("cannot write an upload file");
  }
  if (::rename(temp_path.c_str(), final_path.c_str()) != 0) {
    saved_errno = errno;
    ::unlink(temp_path.c_str());
    errno = saved_errno;
    return disk_error("cannot rename an upload file");
  }
  // The rename itself is durable once the directory is synced.
  int dir = ::open(directory_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return app::StoredFile{name, static_cast<std::int64_t>(bytes.size()), sha256_hex(bytes)};
}

core::Result<std::string> LocalFileStore::get(std::string_view stored_name) const {
  core::Error missing{core::ErrorKind::kNotFound, "no stored file by that name"};
  if (!is_store_name(stored_name)) return missing;
  std::ifstream in(directory_ / std::string(stored_name), std::ios::binary);
  if (!in) return missing;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return disk_error("cannot read an upload file");
  return bytes;
}

core::Status LocalFileStore::remove(std::string_view stored_name) {
  if (!is_store_name(stored_name)) return {};
  std::error_code ec;
  std::filesystem::remove(directory_ / std::string(stored_name), ec);
  if (ec) return core::Error{core::ErrorKind::kStorage, "cannot delete an upload file"};
  return {};
}

}  // namespace motcua::adapters::files
