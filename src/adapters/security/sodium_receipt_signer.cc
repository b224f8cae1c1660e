#include "adapters/security/sodium_receipt_signer.h"

#include <sodium.h>

#include <stdexcept>

namespace motcua::adapters::security {
namespace {

// The id of the key an installation generates for itself when none is configured.
constexpr std::string_view kGeneratedKeyId = "local-1";

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string base64(const unsigned char* bytes, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

// Decodes base64 in any of libsodium's variants into exactly `size` bytes.
bool decode(std::string_view text, unsigned char* out, std::size_t size) {
  for (int variant : {sodium_base64_VARIANT_ORIGINAL, sodium_base64_VARIANT_ORIGINAL_NO_PADDING,
                      sodium_base64_VARIANT_URLSAFE, sodium_base64_VARIANT_URLSAFE_NO_PADDING}) {
    std::size_t decoded = 0;
    if (sodium_base642bin(out, size, text.data(), text.size(), nullptr, &decoded, nullptr,
                          variant) == 0 &&
        decoded == size) {
      return true;
    }
  }
  return false;
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// "id:seed[,id:seed]" -> (id, seed text) pairs, ids checked.
core::Result<std::vector<std::pair<std::string, std::string>>> parse_keys(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!text.empty()) {
    std::size_t comma = text.find(',');
    std::string_view entry = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
    while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
    std::size_t colon = entry.find(':');
    if (colon == std::string_view::npos || !valid_id(entry.substr(0, colon))) {
      return core::invalid_input(
          "signing_keys must be id:base64-seed[,id:base64-seed] with ids of letters, digits, "
          "'-', '_' or '.'");
    }
    out.emplace_back(std::string(entry.substr(0, colon)), std::string(entry.substr(colon + 1)));
  }
  return out;
}

}  // namespace

core::Result<SodiumReceiptSigner> SodiumReceiptSigner::from_config(std::string_view signing_keys,
                                                                   std::string_view active_key) {
  ensure_sodium();
  core::Result<std::vector<std::pair<std::string, std::string>>> entries = parse_keys(signing_keys);
  if (!entries.ok()) return entries.error();
  if (entries->empty()) return core::invalid_input("signing_keys: no key given");
  SodiumReceiptSigner signer;
  for (const auto& [id, seed_text] : entries.value()) {
    std::array<unsigned char, kSeedBytes> seed{};
    if (!decode(seed_text, seed.data(), seed.size())) {
      return core::invalid_input("signing_keys: the seed of key " + id +
                                 " must be 32 bytes in base64");
    }
    KeyPair pair;
    crypto_sign_seed_keypair(pair.public_key.data(), pair.secret_key.data(), seed.data());
    sodium_memzero(seed.data(), seed.size());
    if (!signer.keys_.emplace(id, pair).second) {
      return core::invalid_input("signing_keys: key " + id + " is given twice");
    }
  }
  if (active_key.empty()) {
    if (signer.keys_.size() != 1) {
      return core::invalid_input("active_key: say which of the signing keys signs");
    }
    signer.active_ = signer.keys_.begin()->first;
  } else {
    if (signer.keys_.find(active_key) == signer.keys_.end()) {
      return core::invalid_input("active_key: " + std::string(active_key) +
                                 " is not one of the signing keys");
    }
    signer.active_ = active_key;
  }
  return signer;
}

std::string SodiumReceiptSigner::generate_seed_text() {
  ensure_sodium();
  std::array<unsigned char, kSeedBytes> seed{};
  randombytes_buf(seed.data(), seed.size());
  std::string text = base64(seed.data(), seed.size());
  sodium_memzero(seed.data(), seed.size());
  return text;
}

core::Result<app::ReceiptSignature> SodiumReceiptSigner::sign(std::string_view canonical) const {
  auto key = keys_.find(active_);
  if (key == keys_.end()) {
    return core::Error{core::ErrorKind::kUnavailable, "no active receipt signing key"};
  }
  std::array<unsigned char, crypto_sign_BYTES> signature{};
  if (crypto_sign_detached(signature.data(), nullptr,
                           reinterpret_cast<const unsigned char*>(canonical.data()),
                           canonical.size(), key->second.secret_key.data()) != 0) {
    return core::Error{core::ErrorKind::kUnavailable, "signing the receipt failed"};
  }
  return app::ReceiptSignature{active_, base64(signature.data(), signature.size())};
}

bool SodiumReceiptSigner::verify(std::string_view key_id, std::string_view canonical,
                                 std::string_view value) const {
  auto key = keys_.find(key_id);
  if (key == keys_.end()) return false;
  std::array<unsigned char, crypto_sign_BYTES> signature{};
  if (!decode(value, signature.data(), signature.size())) return false;
  return crypto_sign_verify_detached(signature.data(),
                                     reinterpret_cast<const unsigned char*>(canonical.data()),
                                     canonical.size(), key->second.public_key.data()) == 0;
}

std::vector<app::ReceiptPublicKey> SodiumReceiptSigner::public_keys() const {
  std::vector<app::ReceiptPublicKey> out;
  for (const auto& [id, pair] : keys_) {
    out.push_back({id, base64(pair.public_key.data(), pair.public_key.size()), id == active_});
  }
  return out;
}

core::Result<SodiumReceiptSigner> installation_receipt_signer(app::Store& store,
                                                              std::string_view signing_keys,
                                                              std::string_view active_key,
                                                              bool* generated) {
  if (generated != nullptr) *generated = false;
  std::optional<std::string> kept;
  auto read_kept = [&]() -> core::Status {
    return store.read([&](app::Repositories& r) -> core::Status {
      core::Result<std::optional<std::string>> value = r.settings().get(kReceiptSigningKeySetting);
      if (!value.ok()) return value.error();
      kept = std::move(value.value());
      return {};
    });
  };
  if (core::Status read = read_kept(); !read.ok()) return read.error();
  if (!signing_keys.empty()) {
    std::string keys(signing_keys);
    // The generated key, if the installation ever had one, stays to verify what it signed.
    if (kept) {
      std::size_t colon = kept->find(':');
      std::string kept_id = kept->substr(0, colon);
      core::Result<std::vector<std::pair<std::string, std::string>>> configured =
          parse_keys(signing_keys);
      bool clash = false;
      if (configured.ok()) {
        for (const auto& entry : configured.value()) clash = clash || entry.first == kept_id;
      }
      if (!clash) keys += "," + *kept;
    }
    core::Result<SodiumReceiptSigner> signer = SodiumReceiptSigner::from_config(keys, active_key);
    if (!signer.ok()) return core::invalid_input("[receipts] " + signer.error().message);
    return signer;
  }
  if (!kept) {
    std::string fresh =
        std::string(kGeneratedKeyId) + ":" + SodiumReceiptSigner::generate_seed_text();
    core::Status stored = store.transact([&](app::Repositories& r) -> core::Status {
      core::Result<std::optional<std::string>> value = r.settings().get(kReceiptSigningKeySetting);
      if (!value.ok()) return value.error();
      if (value->has_value()) return {};
      return r.settings().set(kReceiptSigningKeySetting, fresh);
    });
    if (!stored.ok()) return stored.error();
    if (core::Status read = read_kept(); !read.ok()) return read.error();
    if (!kept) {
      return core::Error{core::ErrorKind::kStorage, "the receipt signing key was not stored"};
    }
  }
  if (generated != nullptr) *generated = true;
  core::Result<SodiumReceiptSigner> signer = SodiumReceiptSigner::from_config(*kept, "");
  if (!signer.ok()) {
    return core::Error{core::ErrorKind::kStorage,
                       "the stored receipt signing key is damaged: " + signer.error().message};
  }
  return signer;
}

}  // namespace motcua::adapters::security
