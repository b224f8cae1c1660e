// The read side of OnlinePayment: the return page, the officer's fee tab, the receipt view.
#include <algorithm>

#include "app/counter_payment.h"
#include "app/online_payment.h"
#include "core/amount_in_words.h"
#include "core/fee_line.h"
#include "core/receipt_number.h"

namespace motcua::app {
namespace {

core::Error not_found(std::string message) {
  return core::Error{core::ErrorKind::kNotFound, std::move(message)};
}

}  // namespace

core::Result<ReceiptSummary> receipt_summary(const ReceiptRecord& r) {
  core::Result<std::string> number = core::format_receipt_number(r.number);
  if (!number.ok()) return number.error();
  ReceiptSummary summary{r.id,     r.form_symbol, r.series,    number.value(),
                         r.amount, r.issued_at,   r.request_id};
  summary.state = r.state;
  return summary;
}

core::Result<PaymentRequestView> OnlinePayment::request_by_reference(
    std::string_view reference) const {
  PaymentRequestView view;
  core::Status read = store_.read([&](Repositories& r) -> core::Status {
    auto found = r.payments().find_by_reference(reference);
    if (!found.ok()) return found.error();
    if (!found->has_value()) {
      return not_found("there is no payment request " + std::string(reference));
    }
    const PaymentRequestRecord& request = **found;
    view = PaymentRequestView{};
    view.reference = request.reference;
    view.case_code = request.case_code;
    view.state = request.state;
    view.state_label = std::string(core::label_vi(request.state));
    view.amount = request.amount;
    view.transaction_id = request.transaction_id;
    view.created_at = request.created_at;
    view.expires_at = request.expires_at;
    view.settled_at = request.settled_at;
    auto receipts = r.receipts().list_for_case(request.case_id);
    if (!receipts.ok()) return receipts.error();
    for (const ReceiptRecord& receipt : receipts.value()) {
      if (receipt.request_id != request.id) continue;
      auto summary = receipt_summary(receipt);
      if (!summary.ok()) return summary.error();
      view.receipt_id = receipt.id;
      view.receipt_form_symbol = receipt.form_symbol;
      view.receipt_series = receipt.series;
      view.receipt_number = summary->number;
    }
    return {};
  });
  if (!read.ok()) return read.error();
  return view;
}

core::Result<CasePayments> OnlinePayment::case_payments(std::string_view case_code) const {
  const std::chrono::sys_seconds now = clock_.now();
  CasePayments out;
  core::Status read = store_.read([&](Repositories& r) -> core::Status {
    out = CasePayments{};
    auto found = r.cases().find_by_code(case_code);
    if (!found.ok()) return found.error();
    if (!found->has_value()) return not_found("there is no case " + std::string(case_code));
    std::int64_t case_id = (*found)->id;
    out.case_code = (*found)->code;
    auto requests = r.payments().list_for_case(case_id);
    if (!requests.ok()) return requests.error();
    out.requests = std::move(requests.value());
    auto receipts = r.receipts().list_for_case(case_id);
    if (!receipts.ok()) return receipts.error();
    for (const ReceiptRecord& receipt : receipts.value()) {
      auto summary = receipt_summary(receipt);
      if (!summary.ok()) return summary.error();
      out.receipts.push_back(summary.value());
    }
    auto overpayments = r.payments().overpayments_for_case(case_id);
    if (!overpayments.ok()) return overpayments.error();
    out.overpayments = std::move(overpayments.value());
    return {};
  });
  if (!read.ok()) return read.error();
  out.open = std::any_of(out.requests.begin(), out.requests.end(), [&](const auto& p) {
    return (p.state == core::PaymentState::kCreated || p.state == core::PaymentState::kPending) &&
           now < p.expires_at;
  });
  if (out.open) out.status_label = std::string(core::label_vi(core::PaymentState::kPending));
  return out;
}

core::Result<ReceiptView> OnlinePayment::receipt(std::int64_t receipt_id) const {
  ReceiptView view;
  core::Status read = store_.read([&](Repositories& r) -> core::Status {
    view = ReceiptView{};
    auto found = r.receipts().find(receipt_id);
    if (!found.ok()) return found.error();
    if (!found->has_value()) return not_found("there is no receipt " + std::to_string(receipt_id));
    const ReceiptRecord& receipt = **found;
    auto record = r.cases().find_by_id(receipt.case_id);
    if (!record.ok()) return record.error();
    if (!record->has_value()) return not_found("the case of receipt is gone");
    auto number = core::format_receipt_number(receipt.number);
    if (!number.ok()) return number.error();
    auto words = core::amount_in_words(receipt.amount);
    if (!words.ok()) return words.error();
    view.id = receipt.id;
    view.form_symbol = receipt.form_symbol;
    view.series = receipt.series;
    view.number = number.value();
    view.unit_name = receipt.unit_name;
    view.unit_tax_code = receipt.unit_tax_code;
    view.payer_name = receipt.payer_name;
    view.payer_id_number = receipt.payer_id_number;
    view.payer_address = receipt.payer_address;
    view.case_code = (*record)->code;
    view.procedure_name = (*record)->procedure_name;
    view.method_label = std::string(core::label_vi(core::PaymentMethod::kPaymentPlatform));
    for (const core::FeeLine& line : (*record)->fee_lines) {
      if (line.receipt_id != receipt.id) continue;
      view.lines.push_back({line.description.empty() ? line.name : line.description, line.amount});
      view.provider_transaction_id = line.provider_transaction_id;
      if (line.method) view.method_label = std::string(core::label_vi(*line.method));
    }
    // Receipts issued since migration 5 keep their content and lines as issued: show those.
    if (!receipt.case_code.empty()) {
      auto lines = r.receipts().lines(receipt.id);
      if (!lines.ok()) return lines.error();
      view.lines.clear();
      for (const ReceiptLineRecord& line : lines.value()) {
        view.lines.push_back({line.name, line.amount});
      }
      view.case_code = receipt.case_code;
      view.procedure_name = receipt.procedure_name;
      view.provider_transaction_id = receipt.provider_transaction_id;
    }
    view.amount = receipt.amount;
    view.amount_in_words =
        receipt.amount_in_words.empty() ? words.value() : receipt.amount_in_words;
    view.issued_at = receipt.issued_at;
    if (!receipt.request_id) {
      // Taken at the counter: the counter payment's reference and POS approval code.
      auto counter = r.counter_payments().list_for_case(receipt.case_id);
      if (!counter.ok()) return counter.error();
      for (const CounterPaymentRecord& payment : counter.value()) {
        if (payment.receipt_id != receipt.id) continue;
        view.reference = counter_reference(payment.id);
        view.provider_transaction_id = payment.approval_code;
      }
    }
    if (receipt.request_id) {
      auto requests = r.payments().list_for_case(receipt.case_id);
      if (!requests.ok()) return requests.error();
      for (const PaymentRequestRecord& request : requests.value()) {
        if (request.id != *receipt.request_id) continue;
        view.reference = request.reference;
        view.provider_transaction_id = request.transaction_id;
      }
    }
    if (!receipt.method_label.empty()) view.method_label = receipt.method_label;
    if (!receipt.case_code.empty()) view.provider_transaction_id = receipt.provider_transaction_id;
    return {};
  });
  if (!read.ok()) return read.error();
  return view;
}

}  // namespace motcua::app
