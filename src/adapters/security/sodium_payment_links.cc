#include "adapters/security/sodium_payment_links.h"

#include <sodium.h>

#include <stdexcept>

namespace motcua::adapters::security {
namespace {

// Separates these MACs from any other use of the same key, and lets a future format coexist.
constexpr std::string_view kDomain = "motcua/pay-link/v1\n";

std::string base64url(const unsigned char* bytes, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

core::Result<SodiumPaymentLinks> SodiumPaymentLinks::from_key_text(std::string_view key_text) {
  ensure_sodium();
  SodiumPaymentLinks links;
  std::size_t decoded = 0;
  int failed = -1;
  if (key_text.size() == 64) {
    failed = sodium_hex2bin(links.key_.data(), links.key_.size(), key_text.data(), key_text.size(),
                            nullptr, &decoded, nullptr);
  } else if (key_text.size() == 43) {
    failed =
        sodium_base642bin(links.key_.data(), links.key_.size(), key_text.data(), key_text.size(),
                          nullptr, &decoded, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  }
  if (failed != 0 || decoded != kKeyBytes) {
    return core::invalid_input(
        "the payment link key must be 32 bytes as base64url (43 characters) or hex (64)");
  }
  return links;
}

std::string SodiumPaymentLinks::generate_key_text() {
  ensure_sodium();
  std::array<unsigned char, kKeyBytes> key{};
  crypto_auth_keygen(key.data());
  std::string text = base64url(key.data(), key.size());
  sodium_memzero(key.data(), key.size());
  return text;
}

std::string SodiumPaymentLinks::token_for(std::string_view case_code) const {
  crypto_auth_hmacsha512256_state state;
  crypto_auth_hmacsha512256_init(&state, key_.data(), key_.size());
  crypto_auth_hmacsha512256_update(&state, reinterpret_cast<const unsigned char*>(kDomain.data()),
                                   kDomain.size());
  crypto_auth_hmacsha512256_update(&state, reinterpret_cast<const unsigned char*>(case_code.data()),
                                   case_code.size());
  std::array<unsigned char, crypto_auth_hmacsha512256_BYTES> mac{};
  crypto_auth_hmacsha512256_final(&state, mac.data());
  return base64url(mac.data(), kTokenBytes);
}

bool SodiumPaymentLinks::verify(std::string_view case_code, std::string_view token) const {
  std::string expected = token_for(case_code);
  // The expected length is public (22); only equal-length inputs are compared, in constant time.
  return token.size() == expected.size() &&
         sodium_memcmp(token.data(), expected.data(), expected.size()) == 0;
}

core::Result<std::string> installation_link_key(app::Store& store,
                                                const std::optional<std::string>& configured) {
  if (configured && !configured->empty()) {
    core::Result<SodiumPaymentLinks> valid = SodiumPaymentLinks::from_key_text(*configured);
    if (!valid.ok()) return core::invalid_input("[payment] link_key: " + valid.error().message);
    return *configured;
  }
  std::string fresh = SodiumPaymentLinks::generate_key_text();
  core::Status stored = store.transact([&](app::Repositories& r) -> core::Status {
    core::Result<std::optional<std::string>> kept = r.settings().get(kPaymentLinkKeySetting);
    if (!kept.ok()) return kept.error();
    if (kept->has_value()) return {};
    return r.settings().set(kPaymentLinkKeySetting, fresh);
  });
  if (!stored.ok()) return stored.error();
  std::optional<std::string> key;
  core::Status read = store.read([&](app::Repositories& r) -> core::Status {
    core::Result<std::optional<std::string>> kept = r.settings().get(kPaymentLinkKeySetting);
    if (!kept.ok()) return kept.error();
    key = std::move(kept.value());
    return {};
  });
  if (!read.ok()) return read.error();
  if (!key) return core::Error{core::ErrorKind::kStorage, "the payment link key was not stored"};
  core::Result<SodiumPaymentLinks> valid = SodiumPaymentLinks::from_key_text(*key);
  if (!valid.ok()) {
    return core::Error{core::ErrorKind::kStorage,
                       "the stored payment link key is damaged: " + valid.error().message};
  }
  return *key;
}

}  // namespace motcua::adapters::security
