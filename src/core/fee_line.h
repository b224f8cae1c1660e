#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/result.h"

namespace motcua::core {

// Hình thức thanh toán: how a fee line was paid.
enum class PaymentMethod {
  kPaymentPlatform,  // Trực tuyến qua CDVCQG (Payment Platform)
  kVnpay,
  kBankTransfer,
  kPos,
  kCash,
};
std::string_view label_vi(PaymentMethod method);

// A fee line of a case. Each line is paid on its own: a case can be partly paid (the guide's
// 2.000 paid online, 1.000 unpaid, "Còn lại 1.000 VND").
struct FeeLine {
  std::string name;
  std::string description;
  std::int64_t quantity = 1;
  Money unit_amount;
  Money amount;
  bool paid = false;
  std::optional<PaymentMethod> method;
  std::int64_t id = 0;  // 0 until stored
  // How an online payment settled the line (empty for lines not paid through a gateway):
  // when, which payment request, the gateway's transaction id, and the receipt issued.
  std::optional<std::chrono::sys_seconds> paid_at;
  std::optional<std::int64_t> payment_request_id;
  std::string provider_transaction_id;
  std::optional<std::int64_t> receipt_id;
};

// Marks the line paid by `method`. kConflict if it is already paid: no fee line is paid twice.
Status mark_paid(FeeLine& line, PaymentMethod method);

enum class PaymentProgress { kNothingDue, kUnpaid, kPartlyPaid, kPaid };
// "Chưa thanh toán", "Thanh toán một phần", "Đã thanh toán"; "Không thu phí" when nothing is due.
std::string_view label_vi(PaymentProgress progress);

struct PaymentSummary {
  Money total;
  Money paid;
  Money outstanding;
  PaymentProgress progress = PaymentProgress::kNothingDue;
};

// Totals of a case's lines (checked arithmetic). A zero-amount line counts as settled.
Result<PaymentSummary> summarize(const std::vector<FeeLine>& lines);

}  // namespace motcua::core
