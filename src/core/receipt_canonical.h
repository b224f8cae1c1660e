#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace motcua::core {

// Everything a receipt shows, as issued: what its Ed25519 signature covers.
struct ReceiptContentLine {
  std::string name;
  std::int64_t amount = 0;  // đồng
};

struct ReceiptContent {
  std::string form_symbol;  // "01BLP0-001"
  std::string series;       // "AA-24E"
  std::int64_t number = 0;
  std::string unit_name;
  std::string unit_tax_code;
  std::string payer_name;
  std::string payer_id_number;
  std::string payer_address;
  std::string case_code;
  std::string procedure_name;
  std::vector<ReceiptContentLine> lines;  // in printed order
  std::int64_t total = 0;                 // đồng
  std::string amount_in_words;
  std::int64_t issued_at = 0;  // seconds since the Unix epoch, UTC
  std::string method;          // the method's label as printed
  std::string provider_transaction_id;
  std::optional<std::int64_t> replaces_receipt_id;  // the original of a re-issued receipt
};

// The canonical form that is signed (docs/protocols/receipt-signature.md): UTF-8 text, the
// header line "motcua-receipt-v1", then one "name=value" line per field in a fixed order, each
// ending in "\n"; integers in decimal, values escaped ("\\" -> "\\\\", LF -> "\\n", CR ->
// "\\r") so that no value can forge a line. Pure and deterministic: equal content gives equal
// bytes, and any change to a field changes them.
std::string canonical_receipt(const ReceiptContent& content);

}  // namespace motcua::core
