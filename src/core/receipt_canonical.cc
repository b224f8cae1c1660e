#include "core/receipt_canonical.h"

namespace motcua::core {
namespace {

void field(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += '=';
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  out += '\n';
}

void field(std::string& out, std::string_view name, std::int64_t value) {
  field(out, name, std::to_string(value));
}

}  // namespace

std::string canonical_receipt(const ReceiptContent& c) {
  std::string out = "motcua-receipt-v1\n";
  field(out, "form_symbol", c.form_symbol);
  field(out, "series", c.series);
  field(out, "number", c.number);
  field(out, "unit_name", c.unit_name);
  field(out, "unit_tax_code", c.unit_tax_code);
  field(out, "payer_name", c.payer_name);
  field(out, "payer_id_number", c.payer_id_number);
  field(out, "payer_address", c.payer_address);
  field(out, "case_code", c.case_code);
  field(out, "procedure_name", c.procedure_name);
  field(out, "line_count", static_cast<std::int64_t>(c.lines.size()));
  for (const ReceiptContentLine& line : c.lines) {
    field(out, "line_name", line.name);
    field(out, "line_amount", line.amount);
  }
  field(out, "total", c.total);
  field(out, "amount_in_words", c.amount_in_words);
  field(out, "issued_at", c.issued_at);
  field(out, "method", c.method);
  field(out, "provider_transaction_id", c.provider_transaction_id);
  field(out, "replaces", c.replaces_receipt_id ? std::to_string(*c.replaces_receipt_id) : "");
  return out;
}

}  // namespace motcua::core
