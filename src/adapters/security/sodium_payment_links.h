#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "app/payment_links.h"
#include "app/store.h"
#include "core/result.h"

namespace motcua::adapters::security {

// PaymentLinks on libsodium: the token is crypto_auth (HMAC-SHA-512-256) of the case code
// under a 32-byte installation key, truncated to 16 bytes and written base64url without
// padding (22 characters). Why a MAC and not a stored random token, and why 16 bytes, is
// docs/adr/0004-payment-link-tokens.md. Thread-safe (immutable after construction).
class SodiumPaymentLinks final : public app::PaymentLinks {
 public:
  static constexpr std::size_t kKeyBytes = 32;
  static constexpr std::size_t kTokenBytes = 16;

  // From the key's text: 32 bytes in base64url without padding (43 characters, what
  // generate_key_text writes) or in hex (64 characters). kInvalidInput otherwise, without
  // echoing the value (it is a secret).
  static core::Result<SodiumPaymentLinks> from_key_text(std::string_view key_text);

  // A fresh random key as base64url text.
  static std::string generate_key_text();

  std::string token_for(std::string_view case_code) const override;
  bool verify(std::string_view case_code, std::string_view token) const override;

 private:
  SodiumPaymentLinks() = default;
  std::array<unsigned char, kKeyBytes> key_{};
};

// The settings-table key under which an installation keeps its generated link key.
inline constexpr std::string_view kPaymentLinkKeySetting = "payment_link_key";

// The installation's link key text: `configured` when given ([payment] link_key), else the one
// kept in the settings table, generated and stored on first use so that every process sharing
// the database signs alike. Two processes starting at once on an empty table may both generate;
// the second write wins and both read it back before use.
core::Result<std::string> installation_link_key(app::Store& store,
                                                const std::optional<std::string>& configured);

}  // namespace motcua::adapters::security
