#pragma once

#include "app/token_service.h"

namespace motcua::adapters::security {

// TokenService on libsodium: randombytes_buf, BLAKE2b (crypto_generichash) and
// sodium_memcmp. Thread-safe.
class SodiumTokenService final : public app::TokenService {
 public:
  SodiumTokenService();
  std::string new_token() override;
  std::string new_digits(std::size_t count) override;
  std::string fingerprint(std::string_view token) override;
  bool equal(std::string_view a, std::string_view b) override;
};

}  // namespace motcua::adapters::security
