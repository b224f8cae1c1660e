#include "adapters/security/argon2_password_hasher.h"

#include <sodium.h>

namespace motcua::adapters::security {
namespace {

// sodium_init() must run before any other libsodium call; it is thread-safe and idempotent,
// and a static local runs it once. False when libsodium cannot start (no entropy source).
bool sodium_ready() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

}  // namespace

Argon2Cost Argon2Cost::interactive() {
  return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

Argon2Cost Argon2Cost::fast() {
  return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

Argon2PasswordHasher::Argon2PasswordHasher(Argon2Cost cost) : cost_(cost) {}

core::Result<std::string> Argon2PasswordHasher::hash(std::string_view password) {
  if (!sodium_ready()) return core::out_of_range("libsodium failed to initialise");
  if (cost_.opslimit < crypto_pwhash_argon2id_OPSLIMIT_MIN ||
      cost_.opslimit > crypto_pwhash_argon2id_OPSLIMIT_MAX ||
      cost_.memlimit < crypto_pwhash_argon2id_MEMLIMIT_MIN ||
      cost_.memlimit > crypto_pwhash_argon2id_MEMLIMIT_MAX) {
    return core::out_of_range("argon2id cost out of libsodium's bounds (opslimit " +
                              std::to_string(cost_.opslimit) + ", memlimit " +
                              std::to_string(cost_.memlimit) + ")");
  }
  if (password.size() > crypto_pwhash_argon2id_PASSWD_MAX) {
    return core::invalid_input("password too long");
  }
  char encoded[crypto_pwhash_argon2id_STRBYTES];
  if (crypto_pwhash_argon2id_str(encoded, password.data(), password.size(), cost_.opslimit,
                                 cost_.memlimit) != 0) {
    return core::out_of_range("argon2id hashing failed: not enough memory for memlimit " +
                              std::to_string(cost_.memlimit));
  }
  return std::string(encoded);
}

bool Argon2PasswordHasher::verify(std::string_view encoded_hash, std::string_view password) {
  if (!sodium_ready()) return false;
  // libsodium reads a NUL-terminated string of fewer than STRBYTES bytes.
  if (encoded_hash.size() >= crypto_pwhash_argon2id_STRBYTES ||
      encoded_hash.find('\0') != std::string_view::npos) {
    return false;
  }
  std::string terminated(encoded_hash);
  return crypto_pwhash_argon2id_str_verify(terminated.c_str(), password.data(), password.size()) ==
         0;
}

}  // namespace motcua::adapters::security
