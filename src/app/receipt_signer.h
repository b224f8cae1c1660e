#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace motcua::app {

// A receipt's signature: which key made it and the Ed25519 signature itself, base64 (standard
// alphabet, padded).
struct ReceiptSignature {
  std::string key_id;
  std::string value;
};

// A verification key as published (GET /api/v1/public/receipt-keys).
struct ReceiptPublicKey {
  std::string key_id;
  std::string public_key;  // 32 bytes, base64 (standard alphabet, padded)
  bool active = false;     // the key new receipts are signed with
};

// Port: signs receipts' canonical forms (core/receipt_canonical.h) with the unit's Ed25519
// key. One key is active and signs; earlier keys stay to verify the receipts they signed
// (rotation). Thread-safe.
class ReceiptSigner {
 public:
  virtual ~ReceiptSigner();
  // The active key's signature of `canonical`. kUnavailable when signing fails.
  virtual core::Result<ReceiptSignature> sign(std::string_view canonical) const = 0;
  // Whether `value` (base64) is a valid signature of `canonical` by the key `key_id`. False
  // for an unknown key, a malformed value, or a signature that does not hold.
  virtual bool verify(std::string_view key_id, std::string_view canonical,
                      std::string_view value) const = 0;
  // Every key it verifies with, the active one marked, ordered by id.
  virtual std::vector<ReceiptPublicKey> public_keys() const = 0;
};

}  // namespace motcua::app
