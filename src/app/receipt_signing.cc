#include "app/receipt_signing.h"

namespace motcua::app {

ReceiptSigner::~ReceiptSigner() = default;

core::ReceiptContent receipt_content(const ReceiptRecord& r) {
  core::ReceiptContent c;
  c.form_symbol = r.form_symbol;
  c.series = r.series;
  c.number = r.number;
  c.unit_name = r.unit_name;
  c.unit_tax_code = r.unit_tax_code;
  c.payer_name = r.payer_name;
  c.payer_id_number = r.payer_id_number;
  c.payer_address = r.payer_address;
  c.case_code = r.case_code;
  c.procedure_name = r.procedure_name;
  for (const ReceiptLineRecord& line : r.lines)
    c.lines.push_back({line.name, line.amount.in_dong()});
  c.total = r.amount.in_dong();
  c.amount_in_words = r.amount_in_words;
  c.issued_at = r.issued_at.time_since_epoch().count();
  c.method = r.method_label;
  c.provider_transaction_id = r.provider_transaction_id;
  c.replaces_receipt_id = r.replaces_receipt_id;
  return c;
}

core::Status sign_receipt(ReceiptRecord& receipt, const ReceiptSigner& signer) {
  core::Result<ReceiptSignature> signature =
      signer.sign(core::canonical_receipt(receipt_content(receipt)));
  if (!signature.ok()) return signature.error();
  receipt.key_id = signature->key_id;
  receipt.signature = signature->value;
  return {};
}

bool receipt_signature_holds(const ReceiptRecord& receipt, const ReceiptSigner& signer) {
  if (receipt.key_id.empty() || receipt.signature.empty()) return false;
  return signer.verify(receipt.key_id, core::canonical_receipt(receipt_content(receipt)),
                       receipt.signature);
}

}  // namespace motcua::app
