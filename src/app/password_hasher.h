#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace motcua::app {

// Port: one-way hashing of staff and citizen passwords. The encoded hash carries its algorithm,
// parameters and salt (PHC string format), so it is all the storage needs to keep, and a cost
// change applies to new hashes without breaking old ones.
class PasswordHasher {
 public:
  virtual ~PasswordHasher();

  // A fresh salted hash of `password`. Two calls with one password give different strings.
  // Fails only when the hasher cannot run (its cost exceeds what the machine can give).
  virtual core::Result<std::string> hash(std::string_view password) = 0;

  // Whether `password` matches `encoded_hash` (a string hash() returned). A malformed or
  // foreign encoded hash is a mismatch, never an error. Runs in time independent of where
  // the password differs.
  virtual bool verify(std::string_view encoded_hash, std::string_view password) = 0;
};

}  // namespace motcua::app
