#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace motcua::core {

// VietQR (NAPAS 247 bank transfer, an EMVCo merchant-presented QR): see DESIGN §2 and
// docs/domain.md (VietQR) for the format rules and where they come from.

// 38.02: what the account number designates.
enum class VietQrService {
  kToAccount,  // QRIBFTTA: transfer to a bank account
  kToCard,     // QRIBFTTC: transfer to a card number
};

// "QRIBFTTA" or "QRIBFTTC".
std::string_view service_code(VietQrService service);
// The service named by `code` (exact, upper case), or nullopt.
std::optional<VietQrService> parse_service_code(std::string_view code);

// The fields of a VietQR. Empty strings are absent fields.
struct VietQr {
  // Every member has an initializer so that designated initializers may omit any of them.
  std::string bin{};      // 38.01.00: the bank's 6-digit BIN (e.g. 970422)
  std::string account{};  // 38.01.01: account or card number, 1..19 letters and digits
  VietQrService service = VietQrService::kToAccount;
  std::optional<std::int64_t> amount{};  // 54: whole đồng (VND has no minor unit)
  std::string bill{};     // 62.01: bill number (the case code), at most 25 characters
  std::string purpose{};  // 62.08: purpose of transaction (nội dung), at most 25 characters
  std::string name{};     // 59: beneficiary name, at most 25 characters
  std::string city{};     // 60: beneficiary city, at most 15 characters
  bool one_time = false;  // 01: 12 (one-time, "dynamic") rather than 11 (static)

  friend bool operator==(const VietQr&, const VietQr&) = default;
};

// The payload text, tags in the order 00 01 38 53 54 58 59 60 62 63, CRC in upper-case hex.
// Point of initiation (01) is 12 when an amount is set or one_time is asked, 11 otherwise.
// Name, city, bill and purpose are taken as UTF-8, have their diacritics stripped
// ("Thanh toán lệ phí" -> "Thanh toan le phi") and must then be printable ASCII.
// Fails with a message naming the field when a value breaks its limit: BIN not 6 digits,
// account not 1..19 letters and digits, amount not positive or over 13 digits, name over 25,
// city over 15, bill or purpose over 25 characters (after stripping).
Result<std::string> encode_vietqr(const VietQr& qr);

// Parses and validates a payload strictly. Checks, in this order: printable ASCII; the CRC
// (tag 63, last, 4 hex digits in either case) against the computed one; the TLV structure of
// every level (exact lengths, no trailing characters, no repeated tags); 00 = "01" first;
// 01 in {11, 12}; 38 = {00 A000000727, 01 = {00 BIN, 01 account} and nothing else, 02 service};
// 53 = 704; 54 digits only (no decimals), positive, at most 13 digits; 58 = VN; 59 <= 25 and
// 60 <= 15 characters; 62.01 and 62.08 <= 25 characters. Other well-formed EMV tags (02..37 and
// 39..51 merchant templates, 52, 55..57, 61, 64, 80..99) are tolerated and ignored. The error
// message names the faulty tag by path (e.g. "tag 38.01: 1 trailing character after 38.01.01").
Result<VietQr> decode_vietqr(std::string_view payload);

}  // namespace motcua::core
