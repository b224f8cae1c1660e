#include "core/vietqr.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "core/crc16.h"
#include "core/emv_tlv.h"
#include "core/vietnamese_text.h"

namespace motcua::core {
namespace {

constexpr std::string_view kNapasGuid = "A000000727";
constexpr std::size_t kMaxAccount = 19;
constexpr std::size_t kMaxName = 25;
constexpr std::size_t kMaxCity = 15;
constexpr std::size_t kMaxAdditional = 25;  // 62.01 bill and 62.08 purpose
constexpr std::size_t kMaxAmountDigits = 13;
constexpr std::int64_t kMaxAmount = 9'999'999'999'999;  // 13 digits

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}
bool all_alnum(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_alnum);
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string hex4(std::uint16_t value) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out(4, '0');
  for (int i = 3; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kDigits[value & 0xFu];
    value = static_cast<std::uint16_t>(value >> 4);
  }
  return out;
}

// Parses 4 hex digits in either case.
std::optional<std::uint16_t> parse_hex4(std::string_view text) {
  if (text.size() != 4) return std::nullopt;
  unsigned value = 0;
  for (char c : text) {
    unsigned digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<unsigned>(c - '0');
    } else if (c >= 'A' && c <= 'F') {
      digit = static_cast<unsigned>(c - 'A' + 10);
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<unsigned>(c - 'a' + 10);
    } else {
      return std::nullopt;
    }
    value = value * 16 + digit;
  }
  return static_cast<std::uint16_t>(value);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

// Strips diacritics from a free-text field, then checks it is printable ASCII within `limit`.
Result<std::string> ascii_field(std::string_view label, std::string_view text, std::size_t limit) {
  Result<std::string> stripped = strip_diacritics(text);
  if (!stripped) return invalid_input(std::string(label) + ": " + stripped.error().message);
  if (!is_printable_ascii(*stripped)) {
    return invalid_input(std::string(label) +
                         ": only printable ASCII may go in a VietQR, even after removing "
                         "diacritics: " +
                         quoted(*stripped));
  }
  if (stripped->size() > limit) {
    return out_of_range(std::string(label) + ": " + std::to_string(stripped->size()) +
                        " characters, at most " + std::to_string(limit) + " allowed");
  }
  return stripped;
}

Status check_bin(std::string_view bin, std::string_view label) {
  if (bin.size() != 6 || !all_digits(bin)) {
    return invalid_input(std::string(label) + ": bank BIN must be 6 digits, got " + quoted(bin));
  }
  return {};
}

Status check_account(std::string_view account, std::string_view label) {
  if (account.empty() || account.size() > kMaxAccount || !all_alnum(account)) {
    return invalid_input(std::string(label) + ": account must be 1 to 19 letters and digits, got " +
                         quoted(account));
  }
  return {};
}

Status check_length(std::string_view label, std::string_view value, std::size_t limit) {
  if (value.size() > limit) {
    return out_of_range(std::string(label) + ": " + std::to_string(value.size()) +
                        " characters, at most " + std::to_string(limit) + " allowed");
  }
  return {};
}

// Appends a field; an empty value means the field is absent.
Status append_optional(std::string& out, std::string_view tag, std::string_view value,
                       std::string_view path = "") {
  if (value.empty()) return {};
  return append_emv_field(out, tag, value, path);
}

// Tags the decoder accepts at the top level, beyond those it reads.
bool is_tolerated_tag(int tag) {
  return (tag >= 2 && tag <= 51) || tag == 52 || (tag >= 55 && tag <= 57) || tag == 61 ||
         tag == 64 || (tag >= 80 && tag <= 99);
}

// Templates whose value is itself a list of fields: merchant account templates 26..51, the
// language template 64 and the unreserved templates 80..99 (EMV QRCPS 4.2, 4.7, 4.8).
bool is_template_tag(int tag) {
  return (tag >= 26 && tag <= 51) || tag == 64 || (tag >= 80 && tag <= 99);
}

int tag_number(std::string_view tag) { return (tag[0] - '0') * 10 + (tag[1] - '0'); }

Status decode_account_info(std::string_view value, VietQr& qr) {
  Result<std::vector<EmvField>> fields = parse_emv_fields(value, "38");
  if (!fields) return fields.error();
  const EmvField* guid = find_emv_field(*fields, "00");
  if (guid == nullptr) {
    return invalid_input("tag 38: GUID 38.00 is missing (expected " + std::string(kNapasGuid) +
                         ")");
  }
  if (!equals_ignoring_case(guid->value, kNapasGuid)) {
    return invalid_input("tag 38.00: GUID must be " + std::string(kNapasGuid) + " (NAPAS), got " +
                         quoted(guid->value));
  }
  for (const EmvField& field : *fields) {
    if (field.tag != "00" && field.tag != "01" && field.tag != "02") {
      return invalid_input("tag 38: unexpected field 38." + std::string(field.tag) +
                           " (VietQR defines 38.00, 38.01 and 38.02)");
    }
  }
  const EmvField* beneficiary = find_emv_field(*fields, "01");
  if (beneficiary == nullptr) return invalid_input("tag 38: beneficiary 38.01 is missing");
  Result<std::vector<EmvField>> inner = parse_emv_fields(beneficiary->value, "38.01");
  if (!inner) return inner.error();
  for (const EmvField& field : *inner) {
    if (field.tag != "00" && field.tag != "01") {
      return invalid_input("tag 38.01: unexpected field 38.01." + std::string(field.tag) +
                           " (only 00 bank BIN and 01 account belong here)");
    }
  }
  const EmvField* bin = find_emv_field(*inner, "00");
  if (bin == nullptr) return invalid_input("tag 38.01: bank BIN 38.01.00 is missing");
  if (Status s = check_bin(bin->value, "tag 38.01.00"); !s) return s;
  const EmvField* account = find_emv_field(*inner, "01");
  if (account == nullptr) return invalid_input("tag 38.01: account 38.01.01 is missing");
  if (Status s = check_account(account->value, "tag 38.01.01"); !s) return s;
  const EmvField* service = find_emv_field(*fields, "02");
  if (service == nullptr) return invalid_input("tag 38: service code 38.02 is missing");
  std::optional<VietQrService> parsed = parse_service_code(service->value);
  if (!parsed) {
    return invalid_input("tag 38.02: service code must be QRIBFTTA or QRIBFTTC, got " +
                         quoted(service->value));
  }
  qr.bin = std::string(bin->value);
  qr.account = std::string(account->value);
  qr.service = *parsed;
  return {};
}

Status decode_amount(std::string_view value, VietQr& qr) {
  if (!all_digits(value)) {
    return invalid_input("tag 54: amount must be whole dong in digits only (no decimals), got " +
                         quoted(value));
  }
  if (value.size() > kMaxAmountDigits) {
    return out_of_range("tag 54: amount has " + std::to_string(value.size()) +
                        " digits, at most 13 allowed");
  }
  std::int64_t amount = 0;
  std::from_chars(value.data(), value.data() + value.size(), amount);
  if (amount <= 0) return invalid_input("tag 54: amount must be positive, got " + quoted(value));
  qr.amount = amount;
  return {};
}

Status decode_additional_data(std::string_view value, VietQr& qr) {
  Result<std::vector<EmvField>> fields = parse_emv_fields(value, "62");
  if (!fields) return fields.error();
  if (const EmvField* bill = find_emv_field(*fields, "01"); bill != nullptr) {
    if (Status s = check_length("tag 62.01 (bill number)", bill->value, kMaxAdditional); !s) {
      return s;
    }
    qr.bill = std::string(bill->value);
  }
  if (const EmvField* purpose = find_emv_field(*fields, "08"); purpose != nullptr) {
    if (Status s = check_length("tag 62.08 (purpose)", purpose->value, kMaxAdditional); !s) {
      return s;
    }
    qr.purpose = std::string(purpose->value);
  }
  return {};
}

Status check_crc(std::string_view payload) {
  // The CRC field is the last 8 characters: "6304" and 4 hex digits. The checksum covers
  // everything before the 4 digits, "6304" included.
  if (payload.size() < 8 || payload.substr(payload.size() - 8, 4) != "6304") {
    return invalid_input("tag 63: the payload must end with the CRC field 6304 and 4 hex digits");
  }
  std::string_view stated = payload.substr(payload.size() - 4);
  std::optional<std::uint16_t> expected = parse_hex4(stated);
  if (!expected) {
    return invalid_input("tag 63: CRC " + quoted(stated) + " is not 4 hexadecimal digits");
  }
  std::uint16_t computed = crc16_ccitt_false(payload.substr(0, payload.size() - 4));
  if (*expected != computed) {
    return invalid_input("tag 63: CRC does not match: payload says " + std::string(stated) +
                         ", computed " + hex4(computed));
  }
  return {};
}

}  // namespace

std::string_view service_code(VietQrService service) {
  return service == VietQrService::kToCard ? "QRIBFTTC" : "QRIBFTTA";
}

std::optional<VietQrService> parse_service_code(std::string_view code) {
  if (code == "QRIBFTTA") return VietQrService::kToAccount;
  if (code == "QRIBFTTC") return VietQrService::kToCard;
  return std::nullopt;
}

Result<std::string> encode_vietqr(const VietQr& qr) {
  if (Status s = check_bin(qr.bin, "bin"); !s) return s.error();
  if (Status s = check_account(qr.account, "account"); !s) return s.error();
  if (qr.amount) {
    if (*qr.amount <= 0) {
      return out_of_range("amount: must be positive, got " + std::to_string(*qr.amount));
    }
    if (*qr.amount > kMaxAmount) {
      return out_of_range("amount: " + std::to_string(*qr.amount) + " has more than 13 digits");
    }
  }
  Result<std::string> name = ascii_field("name", qr.name, kMaxName);
  if (!name) return name.error();
  Result<std::string> city = ascii_field("city", qr.city, kMaxCity);
  if (!city) return city.error();
  Result<std::string> bill = ascii_field("bill", qr.bill, kMaxAdditional);
  if (!bill) return bill.error();
  Result<std::string> purpose = ascii_field("purpose", qr.purpose, kMaxAdditional);
  if (!purpose) return purpose.error();

  std::string beneficiary;
  beneficiary.reserve(4 + 6 + 4 + kMaxAccount);
  if (Status s = append_emv_field(beneficiary, "00", qr.bin, "38.01"); !s) return s.error();
  if (Status s = append_emv_field(beneficiary, "01", qr.account, "38.01"); !s) return s.error();

  std::string account_info;
  account_info.reserve(14 + 4 + beneficiary.size() + 12);
  if (Status s = append_emv_field(account_info, "00", kNapasGuid, "38"); !s) return s.error();
  if (Status s = append_emv_field(account_info, "01", beneficiary, "38"); !s) return s.error();
  if (Status s = append_emv_field(account_info, "02", service_code(qr.service), "38"); !s) {
    return s.error();
  }

  std::string additional;
  if (Status s = append_optional(additional, "01", *bill, "62"); !s) return s.error();
  if (Status s = append_optional(additional, "08", *purpose, "62"); !s) return s.error();
  if (additional.size() > 99) {
    return out_of_range("tag 62: bill and purpose take " + std::to_string(additional.size()) +
                        " characters, at most 99 fit");
  }

  bool one_time = qr.amount.has_value() || qr.one_time;
  std::string out;
  out.reserve(128);
  // Every value below is known to be valid and at most 99 characters, so appends cannot fail
  // except where user text is involved; those are checked anyway.
  (void)append_emv_field(out, "00", "01");
  (void)append_emv_field(out, "01", one_time ? "12" : "11");
  if (Status s = append_emv_field(out, "38", account_info); !s) return s.error();
  (void)append_emv_field(out, "53", "704");
  if (qr.amount) (void)append_emv_field(out, "54", std::to_string(*qr.amount));
  (void)append_emv_field(out, "58", "VN");
  if (Status s = append_optional(out, "59", *name); !s) return s.error();
  if (Status s = append_optional(out, "60", *city); !s) return s.error();
  if (Status s = append_optional(out, "62", additional); !s) return s.error();
  out += "6304";
  out += hex4(crc16_ccitt_false(out));
  return out;
}

Result<VietQr> decode_vietqr(std::string_view payload) {
  if (payload.empty()) return invalid_input("payload is empty");
  for (std::size_t i = 0; i < payload.size(); ++i) {
    auto byte = static_cast<unsigned char>(payload[i]);
    if (byte < 0x20 || byte > 0x7E) {
      return invalid_input("payload: character at offset " + std::to_string(i) +
                           " is not printable ASCII");
    }
  }
  if (Status s = check_crc(payload); !s) return s.error();
  Result<std::vector<EmvField>> parsed = parse_emv_fields(payload, "");
  if (!parsed) return parsed.error();
  const std::vector<EmvField>& fields = *parsed;

  if (fields.front().tag != "00") {
    return invalid_input("tag 00 (payload format indicator) must come first, found tag " +
                         std::string(fields.front().tag));
  }
  if (fields.front().value != "01") {
    return invalid_input("tag 00: payload format indicator must be \"01\", got " +
                         quoted(fields.front().value));
  }
  if (fields.back().tag != "63" || fields.back().value.size() != 4) {
    return invalid_input("tag 63 (CRC, 4 hex digits) must be the last field");
  }

  VietQr qr;
  bool seen_account = false;
  bool seen_currency = false;
  bool seen_country = false;
  bool seen_initiation = false;
  for (const EmvField& field : fields) {
    int tag = tag_number(field.tag);
    std::string_view value = field.value;
    Status status;
    switch (tag) {
      case 0:
      case 63:
        break;  // checked above
      case 1:
        if (value != "11" && value != "12") {
          status = invalid_input(
              "tag 01: point of initiation must be 11 (static) or 12 "
              "(one-time), got " +
              quoted(value));
        }
        qr.one_time = value == "12";
        seen_initiation = true;
        break;
      case 38:
        status = decode_account_info(value, qr);
        seen_account = true;
        break;
      case 53:
        if (value != "704") {
          status = invalid_input("tag 53: currency must be 704 (VND), got " + quoted(value));
        }
        seen_currency = true;
        break;
      case 54:
        status = decode_amount(value, qr);
        break;
      case 58:
        if (value != "VN") {
          status = invalid_input("tag 58: country must be VN, got " + quoted(value));
        }
        seen_country = true;
        break;
      case 59:
        status = check_length("tag 59 (name)", value, kMaxName);
        qr.name = std::string(value);
        break;
      case 60:
        status = check_length("tag 60 (city)", value, kMaxCity);
        qr.city = std::string(value);
        break;
      case 62:
        status = decode_additional_data(value, qr);
        break;
      default:
        if (!is_tolerated_tag(tag)) {
          status = invalid_input("tag " + std::string(field.tag) +
                                 " is reserved by EMVCo and not allowed in a payload");
        } else if (is_template_tag(tag)) {
          Result<std::vector<EmvField>> inner = parse_emv_fields(value, field.tag);
          if (!inner) status = inner.error();
        }
        break;
    }
    if (!status) return status.error();
  }
  if (!seen_initiation) return invalid_input("tag 01 (point of initiation) is missing");
  if (!seen_account) return invalid_input("tag 38 (NAPAS beneficiary) is missing");
  if (!seen_currency) return invalid_input("tag 53 (currency) is missing");
  if (!seen_country) return invalid_input("tag 58 (country) is missing");
  return qr;
}

}  // namespace motcua::core
