#include "adapters/web/receipt_views.h"

#include "adapters/web/payment_views.h"
#include "core/receipt_number.h"

namespace motcua::adapters::web {

std::string_view receipt_state_key(core::ReceiptState state) {
  switch (state) {
    case core::ReceiptState::kIssued:
      return "rcpt_state_issued";
    case core::ReceiptState::kCancelled:
      return "rcpt_state_cancelled";
    case core::ReceiptState::kReplaced:
      return "rcpt_state_replaced";
  }
  return "rcpt_state_issued";
}

std::string receipt_number_text(std::int64_t number) {
  core::Result<std::string> text = core::format_receipt_number(number);
  return text.ok() ? text.value() : "";
}

void add_receipt_state(TemplateData& data, Language language, const app::ReceiptStatus& status,
                       const std::function<std::string(std::int64_t)>& href_of) {
  const app::ReceiptRecord& r = status.receipt;
  data.set("state", std::string(core::to_string(r.state)));
  data.set("state_label", std::string(text(language, receipt_state_key(r.state))));
  if (r.state == core::ReceiptState::kCancelled) {
    data.set("cancelled", true);
    data.set("cancelled_at", r.cancelled_at ? shown_at(*r.cancelled_at) : "");
    data.set("cancelled_by", r.cancelled_by);
    data.set("cancel_reason", r.cancel_reason);
  }
  if (status.replacement) {
    data.set("replacement_href", href_of(status.replacement->id));
    data.set("replacement_number",
             status.replacement->series + " " + receipt_number_text(status.replacement->number));
  }
  if (status.original) {
    data.set("original_href", href_of(status.original->id));
    data.set("original_number",
             status.original->series + " " + receipt_number_text(status.original->number));
  }
}

}  // namespace motcua::adapters::web
