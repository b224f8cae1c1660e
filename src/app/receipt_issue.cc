#include "app/receipt_issue.h"

#include "app/json_object.h"
#include "app/numbering.h"
#include "app/receipt_signing.h"
#include "core/amount_in_words.h"
#include "core/fee_line.h"

namespace motcua::app {

void describe_receipt(ReceiptRecord& receipt, const core::CaseRecord& record,
                      const std::vector<std::int64_t>& line_ids, std::string_view amount_in_words,
                      std::string_view method_label, std::string_view provider_transaction_id) {
  receipt.case_code = record.code;
  receipt.procedure_name = record.procedure_name;
  receipt.amount_in_words = amount_in_words;
  receipt.method_label = method_label;
  receipt.provider_transaction_id = provider_transaction_id;
  receipt.lines.clear();
  for (std::int64_t id : line_ids) {
    for (const core::FeeLine& line : record.fee_lines) {
      if (line.id != id) continue;
      receipt.lines.push_back(
          {line.id, line.description.empty() ? line.name : line.description, line.amount});
    }
  }
}

ReceiptSource receipt_source(const PaymentRequestRecord& request) {
  ReceiptSource source;
  source.method = core::PaymentMethod::kPaymentPlatform;
  source.reference = request.reference;
  source.transaction_id = request.transaction_id;
  source.request_id = request.id;
  return source;
}

core::Result<std::optional<ReceiptRecord>> issue_receipt(
    Repositories& repositories, const core::CaseRecord& record, const PaymentRequestRecord& request,
    const std::vector<std::int64_t>& line_ids, core::Money amount, std::chrono::sys_seconds at,
    const ReceiptSigner* signer) {
  return issue_receipt(repositories, record, receipt_source(request), line_ids, amount, at, signer);
}

core::Result<std::optional<ReceiptRecord>> issue_receipt(
    Repositories& repositories, const core::CaseRecord& record, const ReceiptSource& source,
    const std::vector<std::int64_t>& line_ids, core::Money amount, std::chrono::sys_seconds at,
    const ReceiptSigner* signer) {
  core::Result<std::optional<core::Agency>> unit =
      repositories.agencies().find(record.receiving_agency_code);
  if (!unit.ok()) return unit.error();
  if (!unit->has_value()) {
    return core::invalid_input("the receiving unit " + record.receiving_agency_code + " of case " +
                               record.code + " does not exist");
  }
  const core::Agency& agency = **unit;
  if (agency.receipt_series.empty()) return std::optional<ReceiptRecord>();
  core::Result<std::string> words = core::amount_in_words(amount);
  if (!words.ok()) return words.error();
  core::Result<ReceiptNumber> number =
      allocate_receipt_number(repositories.sequences(), agency.receipt_series);
  if (!number.ok()) return number.error();

  ReceiptRecord receipt;
  receipt.form_symbol = agency.receipt_form_symbol;
  receipt.series = agency.receipt_series;
  receipt.number = number->value;
  receipt.case_id = record.id;
  receipt.request_id = source.request_id;
  receipt.amount = amount;
  receipt.issued_at = at;
  receipt.unit_name = agency.name;
  receipt.unit_tax_code = agency.tax_code;
  receipt.payer_name = record.submitter.name;
  receipt.payer_id_number = record.submitter.id_number;
  receipt.payer_address = record.submitter.address;
  std::string lines;
  for (std::int64_t id : line_ids) lines += (lines.empty() ? "" : ",") + std::to_string(id);
  receipt.payload = JsonObject()
                        .add("form_symbol", receipt.form_symbol)
                        .add("series", receipt.series)
                        .add("number", number->text)
                        .add("unit_name", receipt.unit_name)
                        .add("unit_tax_code", receipt.unit_tax_code)
                        .add("payer_name", receipt.payer_name)
                        .add("payer_id_number", receipt.payer_id_number)
                        .add("payer_address", receipt.payer_address)
                        .add("case_code", record.code)
                        .add("procedure_name", record.procedure_name)
                        .add("fee_line_ids", lines)
                        .add("amount", amount.in_dong())
                        .add("amount_in_words", words.value())
                        .add("issued_at", std::int64_t{at.time_since_epoch().count()})
                        .add("method", core::label_vi(source.method))
                        .add("reference", source.reference)
                        .add("provider_transaction_id", source.transaction_id)
                        .str();
  describe_receipt(receipt, record, line_ids, words.value(), core::label_vi(source.method),
                   source.transaction_id);
  if (signer != nullptr) {
    if (core::Status signed_ = sign_receipt(receipt, *signer); !signed_.ok())
      return signed_.error();
  }
  core::Result<std::int64_t> id = repositories.receipts().insert(receipt);
  if (!id.ok()) return id.error();
  receipt.id = id.value();
  for (std::int64_t line : line_ids) {
    if (core::Status linked = repositories.payments().attach_receipt(line, receipt.id);
        !linked.ok()) {
      return linked.error();
    }
  }
  if (source.counter_payment_id) {
    if (core::Status linked =
            repositories.counter_payments().attach_receipt(*source.counter_payment_id, receipt.id);
        !linked.ok()) {
      return linked.error();
    }
  }
  return std::optional<ReceiptRecord>(std::move(receipt));
}

}  // namespace motcua::app
