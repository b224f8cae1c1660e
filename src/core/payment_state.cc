#include "core/payment_state.h"

#include <string>

namespace motcua::core {

std::string_view to_string(PaymentState state) {
  switch (state) {
    case PaymentState::kCreated:
      return "created";
    case PaymentState::kPending:
      return "pending";
    case PaymentState::kSucceeded:
      return "succeeded";
    case PaymentState::kFailed:
      return "failed";
    case PaymentState::kCancelled:
      return "cancelled";
    case PaymentState::kExpired:
      return "expired";
    case PaymentState::kRefunded:
      return "refunded";
  }
  return "";
}

std::string_view label_vi(PaymentState state) {
  switch (state) {
    case PaymentState::kCreated:
    case PaymentState::kPending:
      return "Đang chờ thanh toán";
    case PaymentState::kSucceeded:
      return "Thanh toán thành công";
    case PaymentState::kFailed:
      return "Thanh toán không thành công";
    case PaymentState::kCancelled:
      return "Đã hủy thanh toán";
    case PaymentState::kExpired:
      return "Hết hạn thanh toán";
    case PaymentState::kRefunded:
      return "Đã hoàn tiền";
  }
  return "";
}

Result<PaymentState> transition_payment(PaymentState from, PaymentState to) {
  using P = PaymentState;
  bool allowed = false;
  switch (from) {
    case P::kCreated:
      allowed = to == P::kPending || to == P::kSucceeded || to == P::kFailed ||
                to == P::kCancelled || to == P::kExpired;
      break;
    case P::kPending:
      allowed = to == P::kSucceeded || to == P::kFailed || to == P::kCancelled || to == P::kExpired;
      break;
    case P::kFailed:
    case P::kCancelled:
    case P::kExpired:
      allowed = to == P::kSucceeded;
      break;
    case P::kSucceeded:
      allowed = to == P::kRefunded;
      break;
    case P::kRefunded:
      allowed = false;
      break;
  }
  if (!allowed) {
    return Error{ErrorKind::kIllegalTransition, "a payment cannot go from " +
                                                    std::string(to_string(from)) + " to " +
                                                    std::string(to_string(to))};
  }
  return to;
}

}  // namespace motcua::core
