#pragma once

#include <string_view>

#include "core/result.h"

namespace motcua::core {

// The life of one payment transaction at a gateway (the payment platform, VNPay, ...).
enum class PaymentState {
  kCreated,    // motcua has asked the gateway; the payer has not yet acted
  kPending,    // the payer is at the bank or wallet
  kSucceeded,  // the gateway confirmed the money (signed callback or status query)
  kFailed,
  kCancelled,
  kExpired,
  kRefunded,  // money returned to the payer (e.g. an overpayment)
};

std::string_view to_string(PaymentState state);
// Vietnamese label for pages: "Đang chờ thanh toán", "Thanh toán thành công", ...
std::string_view label_vi(PaymentState state);

// The state after the move, or kIllegalTransition. A confirmed success may arrive after motcua
// marked the transaction failed, cancelled or expired (late bank confirmations happen): money
// that really arrived is always recorded, so those moves to kSucceeded are allowed. Nothing
// leaves kRefunded, and kSucceeded only moves to kRefunded. Repeating the current state is not a
// transition; callers detect duplicates before asking.
Result<PaymentState> transition_payment(PaymentState from, PaymentState to);

}  // namespace motcua::core
