#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "adapters/web/http_message.h"
#include "core/result.h"

// The payment platform's message signatures (docs/protocols/payment-platform.md, "Transport and
// signatures"): HMAC-SHA256 over a canonical string, carried in X-PP-* headers. libsodium does
// the cryptography (crypto_auth_hmacsha256, crypto_hash_sha256, sodium_memcmp).
namespace motcua::adapters::payment {

inline constexpr std::string_view kClientIdHeader = "X-PP-Client-Id";
inline constexpr std::string_view kKeyIdHeader = "X-PP-Key-Id";
inline constexpr std::string_view kTimestampHeader = "X-PP-Timestamp";
inline constexpr std::string_view kNonceHeader = "X-PP-Nonce";
inline constexpr std::string_view kSignatureHeader = "X-PP-Signature";
// How far a signature's timestamp may be from the receiver's clock, either way; a nonce is
// remembered this long.
inline constexpr std::int64_t kSignatureWindowSeconds = 300;

// A shared secret and the name it is known by (requests: the client id; callbacks and files:
// the callback key's id).
struct SigningKey {
  std::string key_id;
  std::string secret;  // raw bytes, never logged
};

// Decodes a key given as base64 text (standard alphabet, padded, surrounding spaces ignored).
// kInvalidInput when it is not base64 or decodes to fewer than 16 bytes.
core::Result<std::string> decode_key(std::string_view base64);

// The five signature headers of one message.
struct SignatureHeaders {
  std::string client_id;
  std::string key_id;
  std::string timestamp;  // decimal Unix seconds
  std::string nonce;      // 32 lowercase hex digits
  std::string signature;  // 64 lowercase hex digits

  // As (name, value) pairs for a request or a response.
  std::vector<std::pair<std::string, std::string>> as_list() const;
  // Reads them from received headers (absent ones stay empty).
  static SignatureHeaders read_from(
      const std::map<std::string, std::string, web::CaseInsensitiveLess>& headers);
};

// METHOD\nPATH_AND_QUERY\nTIMESTAMP\nNONCE\nhex(sha256(body)).
std::string canonical_string(std::string_view method, std::string_view path_and_query,
                             std::string_view timestamp, std::string_view nonce,
                             std::string_view body);
// Lowercase hex SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);
// Lowercase hex HMAC-SHA256 of message under key (any key length).
std::string hmac_sha256_hex(std::string_view key, std::string_view message);
// 16 random bytes as 32 lowercase hex digits.
std::string random_nonce();

// Signs one message (a request, a callback, or a signed response such as the reconciliation
// file: then method and path are those of the request it answers). `now` is Unix seconds.
SignatureHeaders sign(const SigningKey& key, std::string_view client_id, std::string_view method,
                      std::string_view path_and_query, std::string_view body, std::int64_t now,
                      std::string nonce = random_nonce());

// Why a signed message was refused, or kValid.
enum class SignatureVerdict {
  kValid,
  kMissingHeader,   // a signature header is absent or malformed
  kUnknownKeyId,    // X-PP-Key-Id names no key the receiver holds
  kStaleTimestamp,  // more than kSignatureWindowSeconds from the receiver's clock
  kBadSignature,    // the HMAC does not match
  kReplayedNonce,   // a valid signature whose nonce was already seen within the window
};
std::string_view to_string(SignatureVerdict verdict);

// Nonces seen within the window, bounded in memory. Thread-safe.
class NonceCache {
 public:
  explicit NonceCache(std::size_t capacity = 100000,
                      std::int64_t window_seconds = kSignatureWindowSeconds);
  // Records the nonce as seen at `now`; false when it was already seen within the window.
  // Entries older than the window are forgotten; past `capacity` the oldest entry is dropped
  // (capacity must exceed the messages one window can carry, or a replay of the dropped one
  // passes).
  bool remember(std::string_view nonce, std::int64_t now);
  std::size_t size() const;

 private:
  void forget_older_than(std::int64_t cutoff);  // REQUIRES: mutex_ is held

  std::size_t capacity_;
  std::int64_t window_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::int64_t> seen_;
  std::deque<std::pair<std::int64_t, std::string>> order_;  // oldest first
};

// Checks a received message against the named keys (key_id -> secret; two callback keys may be
// valid at once during a rotation): headers present, key known, timestamp within the window of
// `now`, signature equal in constant time, then the nonce unseen (only valid messages are
// remembered, so a forgery cannot burn a nonce).
SignatureVerdict verify(const SignatureHeaders& headers, std::string_view method,
                        std::string_view path_and_query, std::string_view body,
                        const std::map<std::string, std::string>& keys, std::int64_t now,
                        NonceCache& nonces);

}  // namespace motcua::adapters::payment
