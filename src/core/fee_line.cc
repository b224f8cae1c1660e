#include "core/fee_line.h"

namespace motcua::core {

std::string_view label_vi(PaymentMethod method) {
  switch (method) {
    case PaymentMethod::kPaymentPlatform:
      return "Trực tuyến qua CDVCQG (Payment Platform)";
    case PaymentMethod::kVnpay:
      return "Trực tuyến qua VNPAY";
    case PaymentMethod::kBankTransfer:
      return "Chuyển khoản ngân hàng";
    case PaymentMethod::kPos:
      return "Thanh toán qua máy POS";
    case PaymentMethod::kCash:
      return "Tiền mặt";
  }
  return "";
}

std::string_view label_vi(PaymentProgress progress) {
  switch (progress) {
    case PaymentProgress::kNothingDue:
      return "Không thu phí";
    case PaymentProgress::kUnpaid:
      return "Chưa thanh toán";
    case PaymentProgress::kPartlyPaid:
      return "Thanh toán một phần";
    case PaymentProgress::kPaid:
      return "Đã thanh toán";
  }
  return "";
}

Status mark_paid(FeeLine& line, PaymentMethod method) {
  if (line.paid) {
    return Error{ErrorKind::kConflict, "fee line '" + line.name + "' is already paid"};
  }
  line.paid = true;
  line.method = method;
  return {};
}

Result<PaymentSummary> summarize(const std::vector<FeeLine>& lines) {
  PaymentSummary summary;
  for (const FeeLine& line : lines) {
    Result<Money> total = checked_add(summary.total, line.amount);
    if (!total.ok()) return total.error();
    summary.total = total.value();
    if (line.paid) {
      Result<Money> paid = checked_add(summary.paid, line.amount);
      if (!paid.ok()) return paid.error();
      summary.paid = paid.value();
    }
  }
  Result<Money> outstanding = checked_subtract(summary.total, summary.paid);
  if (!outstanding.ok()) return outstanding.error();
  summary.outstanding = outstanding.value();
  if (summary.total.is_zero()) {
    summary.progress = PaymentProgress::kNothingDue;
  } else if (summary.outstanding.is_zero()) {
    summary.progress = PaymentProgress::kPaid;
  } else if (summary.paid.is_zero()) {
    summary.progress = PaymentProgress::kUnpaid;
  } else {
    summary.progress = PaymentProgress::kPartlyPaid;
  }
  return summary;
}

}  // namespace motcua::core
