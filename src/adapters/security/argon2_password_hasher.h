#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "app/password_hasher.h"
#include "core/result.h"

namespace motcua::adapters::security {

// The work argon2id does per hash: passes over memory (opslimit) and memory in bytes
// (memlimit). Each must lie within libsodium's argon2id bounds, or hash() fails.
struct Argon2Cost {
  unsigned long long opslimit;
  std::size_t memlimit;

  // libsodium's INTERACTIVE setting (2 passes, 64 MiB, ~0.1 s): the production default.
  static Argon2Cost interactive();
  // libsodium's minimum (1 pass, 8 KiB): for tests and for seeding many accounts, never for
  // real users' passwords.
  static Argon2Cost fast();
};

// PasswordHasher on libsodium's crypto_pwhash_str with argon2id ("$argon2id$v=19$m=...").
// verify() accepts any argon2id hash libsodium encoded, whatever its cost,
// so lowering or raising the cost never locks anyone out. Thread-safe.
class Argon2PasswordHasher final : public app::PasswordHasher {
 public:
  explicit Argon2PasswordHasher(Argon2Cost cost = Argon2Cost::interactive());

  core::Result<std::string> hash(std::string_view password) override;
  bool verify(std::string_view encoded_hash, std::string_view password) override;

 private:
  Argon2Cost cost_;
};

}  // namespace motcua::adapters::security
