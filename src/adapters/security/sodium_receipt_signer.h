#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/receipt_signer.h"
#include "app/store.h"
#include "core/result.h"

namespace motcua::adapters::security {

// ReceiptSigner on libsodium's Ed25519 (crypto_sign_detached / crypto_sign_verify_detached).
// Each key is a 32-byte seed under an id; the active key signs, the others only verify, so
// receipts signed before a rotation still verify. docs/protocols/receipt-signature.md says what
// is signed. Thread-safe (immutable after construction).
class SodiumReceiptSigner final : public app::ReceiptSigner {
 public:
  static constexpr std::size_t kSeedBytes = 32;

  // From "id:base64-seed[,id:base64-seed]" ([receipts] signing_keys; base64 standard or
  // URL-safe, padding optional) and the active key's id (empty: the only key, when there is
  // one). kInvalidInput for a malformed list, a duplicate or unknown id, or a seed that is not
  // 32 bytes, never echoing a seed (they are secrets).
  static core::Result<SodiumReceiptSigner> from_config(std::string_view signing_keys,
                                                       std::string_view active_key);

  // A fresh random seed as base64 (standard alphabet, padded).
  static std::string generate_seed_text();

  core::Result<app::ReceiptSignature> sign(std::string_view canonical) const override;
  bool verify(std::string_view key_id, std::string_view canonical,
              std::string_view value) const override;
  std::vector<app::ReceiptPublicKey> public_keys() const override;

  const std::string& active_key_id() const { return active_; }

 private:
  struct KeyPair {
    std::array<unsigned char, 32> public_key{};
    std::array<unsigned char, 64> secret_key{};
  };
  SodiumReceiptSigner() = default;
  std::map<std::string, KeyPair, std::less<>> keys_;
  std::string active_;
};

// The settings-table key under which an installation keeps its generated signing key, as
// "id:base64-seed".
inline constexpr std::string_view kReceiptSigningKeySetting = "receipt_signing_key";

// What the installation signs with. With `signing_keys` configured: those keys, `active_key`
// active, plus the generated key kept in settings (if any, and its id is not configured) to
// verify only, so receipts signed before keys were configured still verify. Without: the
// generated key kept in settings, generated and stored on first use exactly like the pay-link
// key (sodium_payment_links.h), so every process sharing the database signs alike; `generated`
// is then set to true so the caller can warn.
core::Result<SodiumReceiptSigner> installation_receipt_signer(app::Store& store,
                                                              std::string_view signing_keys,
                                                              std::string_view active_key,
                                                              bool* generated = nullptr);

}  // namespace motcua::adapters::security
