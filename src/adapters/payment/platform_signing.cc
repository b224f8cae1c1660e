#include "adapters/payment/platform_signing.h"

#include <sodium.h>

#include <charconv>
#include <stdexcept>

namespace motcua::adapters::payment {
namespace {

// sodium_init() must run before other libsodium calls; it is thread-safe and idempotent.
void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

const unsigned char* as_bytes(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

bool is_lower_hex(std::string_view text, std::size_t size) {
  if (text.size() != size) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

core::Result<std::string> decode_key(std::string_view base64) {
  ensure_sodium();
  while (!base64.empty() && base64.front() == ' ') base64.remove_prefix(1);
  while (!base64.empty() && (base64.back() == ' ' || base64.back() == '\n')) {
    base64.remove_suffix(1);
  }
  std::string key(base64.size(), '\0');
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(key.data()), key.size(), base64.data(),
                        base64.size(), nullptr, &length, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != base64.data() + base64.size()) {
    return core::invalid_input("the key is not valid base64");
  }
  key.resize(length);
  if (key.size() < 16) return core::invalid_input("the key is shorter than 16 bytes");
  return key;
}

std::vector<std::pair<std::string, std::string>> SignatureHeaders::as_list() const {
  return {{std::string(kClientIdHeader), client_id},
          {std::string(kKeyIdHeader), key_id},
          {std::string(kTimestampHeader), timestamp},
          {std::string(kNonceHeader), nonce},
          {std::string(kSignatureHeader), signature}};
}

SignatureHeaders SignatureHeaders::read_from(
    const std::map<std::string, std::string, web::CaseInsensitiveLess>& headers) {
  auto get = [&](std::string_view name) {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  };
  return {get(kClientIdHeader), get(kKeyIdHeader), get(kTimestampHeader), get(kNonceHeader),
          get(kSignatureHeader)};
}

std::string sha256_hex(std::string_view bytes) {
  ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, as_bytes(bytes), bytes.size());
  return to_hex(digest, sizeof digest);
}

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
  ensure_sodium();
  crypto_auth_hmacsha256_state state;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_init(&state, as_bytes(key), key.size());
  crypto_auth_hmacsha256_update(&state, as_bytes(message), message.size());
  crypto_auth_hmacsha256_final(&state, mac);
  return to_hex(mac, sizeof mac);
}

std::string random_nonce() {
  ensure_sodium();
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  return to_hex(bytes, sizeof bytes);
}

std::string canonical_string(std::string_view method, std::string_view path_and_query,
                             std::string_view timestamp, std::string_view nonce,
                             std::string_view body) {
  std::string text;
  text.reserve(method.size() + path_and_query.size() + timestamp.size() + nonce.size() + 68);
  text.append(method).append("\n").append(path_and_query).append("\n");
  text.append(timestamp).append("\n").append(nonce).append("\n").append(sha256_hex(body));
  return text;
}

SignatureHeaders sign(const SigningKey& key, std::string_view client_id, std::string_view method,
                      std::string_view path_and_query, std::string_view body, std::int64_t now,
                      std::string nonce) {
  SignatureHeaders headers{std::string(client_id), key.key_id, std::to_string(now),
                           std::move(nonce), ""};
  headers.signature = hmac_sha256_hex(
      key.secret, canonical_string(method, path_and_query, headers.timestamp, headers.nonce, body));
  return headers;
}

std::string_view to_string(SignatureVerdict verdict) {
  switch (verdict) {
    case SignatureVerdict::kValid:
      return "valid";
    case SignatureVerdict::kMissingHeader:
      return "missing or malformed signature header";
    case SignatureVerdict::kUnknownKeyId:
      return "unknown key id";
    case SignatureVerdict::kStaleTimestamp:
      return "timestamp outside the window";
    case SignatureVerdict::kBadSignature:
      return "bad signature";
    case SignatureVerdict::kReplayedNonce:
      return "replayed nonce";
  }
  return "";
}

NonceCache::NonceCache(std::size_t capacity, std::int64_t window_seconds)
    : capacity_(capacity == 0 ? 1 : capacity), window_(window_seconds) {}

void NonceCache::forget_older_than(std::int64_t cutoff) {
  while (!order_.empty() && order_.front().first < cutoff) {
    auto it = seen_.find(order_.front().second);
    if (it != seen_.end() && it->second == order_.front().first) seen_.erase(it);
    order_.pop_front();
  }
}

bool NonceCache::remember(std::string_view nonce, std::int64_t now) {
  std::lock_guard lock(mutex_);
  forget_older_than(now - window_);
  std::string key(nonce);
  auto it = seen_.find(key);
  if (it != seen_.end() && it->second >= now - window_) return false;
  while (order_.size() >= capacity_) {
    seen_.erase(order_.front().second);
    order_.pop_front();
  }
  seen_[key] = now;
  order_.emplace_back(now, std::move(key));
  return true;
}

std::size_t NonceCache::size() const {
  std::lock_guard lock(mutex_);
  return seen_.size();
}

SignatureVerdict verify(const SignatureHeaders& headers, std::string_view method,
                        std::string_view path_and_query, std::string_view body,
                        const std::map<std::string, std::string>& keys, std::int64_t now,
                        NonceCache& nonces) {
  std::int64_t timestamp = 0;
  const std::string& ts = headers.timestamp;
  auto [end, ec] = std::from_chars(ts.data(), ts.data() + ts.size(), timestamp);
  if (headers.key_id.empty() || ts.empty() || ec != std::errc() || end != ts.data() + ts.size() ||
      !is_lower_hex(headers.nonce, 32) || !is_lower_hex(headers.signature, 64)) {
    return SignatureVerdict::kMissingHeader;
  }
  auto key = keys.find(headers.key_id);
  if (key == keys.end()) return SignatureVerdict::kUnknownKeyId;
  if (timestamp < now - kSignatureWindowSeconds || timestamp > now + kSignatureWindowSeconds) {
    return SignatureVerdict::kStaleTimestamp;
  }
  std::string expected = hmac_sha256_hex(
      key->second, canonical_string(method, path_and_query, ts, headers.nonce, body));
  if (sodium_memcmp(expected.data(), headers.signature.data(), expected.size()) != 0) {
    return SignatureVerdict::kBadSignature;
  }
  if (!nonces.remember(headers.nonce, now)) return SignatureVerdict::kReplayedNonce;
  return SignatureVerdict::kValid;
}

}  // namespace motcua::adapters::payment
