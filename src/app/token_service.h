#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace motcua::app {

// Port: unguessable tokens (session cookies, CSRF tokens, payment links) and their one-way
// fingerprints for storage.
class TokenService {
 public:
  virtual ~TokenService();
  // 32 random bytes from the operating system's CSPRNG, base64url without padding.
  virtual std::string new_token() = 0;
  // `count` decimal digits, each uniformly random from the CSPRNG (one-time codes people type).
  virtual std::string new_digits(std::size_t count) = 0;
  // A keyless cryptographic hash of `token`, hex; the same token always gives the same hash.
  virtual std::string fingerprint(std::string_view token) = 0;
  // Compares in time that does not depend on where the inputs differ.
  virtual bool equal(std::string_view a, std::string_view b) = 0;
};

}  // namespace motcua::app
