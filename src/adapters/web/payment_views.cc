#include "adapters/web/payment_views.h"

#include "adapters/web/receipt_views.h"
#include "core/civil_time.h"
#include "core/money.h"

namespace motcua::adapters::web {
std::string shown_at(std::chrono::sys_seconds at) {
  return core::format_display_date_time(core::to_vietnam_local(at));
}

std::string line_payment_text(const core::FeeLine& line) {
  if (!line.paid || !line.method) return "";
  std::string text(core::label_vi(*line.method));
  if (line.paid_at) text += " · " + shown_at(*line.paid_at);
  if (!line.provider_transaction_id.empty()) text += " · " + line.provider_transaction_id;
  return text;
}

TemplateData receipt_rows(const std::vector<app::ReceiptSummary>& receipts, Language language,
                          const std::string& receipt_href_base) {
  TemplateData rows = TemplateData::list();
  for (const app::ReceiptSummary& r : receipts) {
    TemplateData row;
    row.set("form_symbol", r.form_symbol);
    row.set("series", r.series);
    row.set("number", r.number);
    row.set("amount", core::format_vnd(r.amount));
    row.set("issued_at", shown_at(r.issued_at));
    // The PDF opens from "Xem biên lai"; the page ("Chi tiết") shows the state, the
    // verification link and, for an officer, "Hủy biên lai" / "Phát hành lại".
    row.set("page_href", receipt_href_base + "/" + std::to_string(r.id));
    row.set("href", receipt_href_base + "/" + std::to_string(r.id) + "/pdf");
    row.set("state", std::string(core::to_string(r.state)));
    row.set("state_label", std::string(text(language, receipt_state_key(r.state))));
    rows.push(row);
  }
  return rows;
}

void add_case_payments(WebState& state, TemplateData& data, std::string_view case_code,
                       Language language, const std::string& receipt_href_base) {
  if (state.deps.payments == nullptr) return;
  core::Result<app::CasePayments> payments = state.deps.payments->case_payments(case_code);
  if (!payments.ok()) return;  // the case page still shows its lines; payments are extra
  if (payments->open) data.set("payment_waiting", std::string(text(language, "pay_waiting")));
  TemplateData receipts = receipt_rows(payments->receipts, language, receipt_href_base);
  data.set("has_receipts", !payments->receipts.empty());
  data.set("receipts", receipts);
  TemplateData overpayments = TemplateData::list();
  for (const app::OverpaymentRecord& o : payments->overpayments) {
    TemplateData row;
    row.set("amount", core::format_vnd(o.amount));
    row.set("recorded_at", shown_at(o.recorded_at));
    overpayments.push(row);
  }
  data.set("has_overpayments", !payments->overpayments.empty());
  data.set("overpayments", overpayments);
}

TemplateData receipt_data(const app::ReceiptView& receipt) {
  TemplateData data;
  data.set("form_symbol", receipt.form_symbol);
  data.set("series", receipt.series);
  data.set("number", receipt.number);
  data.set("unit_name", receipt.unit_name);
  data.set("unit_tax_code", receipt.unit_tax_code);
  data.set("payer_name", receipt.payer_name);
  data.set("payer_id_number", receipt.payer_id_number);
  data.set("payer_address", receipt.payer_address);
  data.set("case_code", receipt.case_code);
  data.set("procedure_name", receipt.procedure_name);
  TemplateData lines = TemplateData::list();
  for (const app::ReceiptLine& line : receipt.lines) {
    TemplateData row;
    row.set("name", line.name);
    row.set("amount", core::format_vnd(line.amount));
    lines.push(row);
  }
  data.set("lines", lines);
  data.set("amount", core::format_vnd(receipt.amount));
  data.set("amount_in_words", receipt.amount_in_words);
  data.set("issued_at", shown_at(receipt.issued_at));
  data.set("method", receipt.method_label);
  data.set("reference", receipt.reference);
  data.set("transaction_id", receipt.provider_transaction_id);
  return data;
}

}  // namespace motcua::adapters::web
