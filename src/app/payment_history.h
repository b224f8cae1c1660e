#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/repositories.h"
#include "app/store.h"
#include "core/money.h"
#include "core/result.h"

namespace motcua::app {

// A line of a payment request, named as the case's fee line is.
struct PaymentHistoryLine {
  std::int64_t fee_line_id = 0;
  std::string name;
  core::Money amount;
};

// One payment request and everything received about it.
struct PaymentAttempt {
  PaymentRequestRecord request;
  std::vector<PaymentHistoryLine> lines;
  std::vector<PaymentCallbackRecord> callbacks;  // callbacks and status answers, oldest first
  std::vector<AppliedEventRecord> applied_events;
  std::vector<OverpaymentRecord> overpayments;  // recorded by this request
};

// "Lịch sử thanh toán": every payment request of a case with its callbacks, so an officer can
// answer "I paid but it says unpaid" in one look.
struct CasePaymentHistory {
  std::string case_code;
  std::vector<PaymentAttempt> attempts;  // newest first
};

// The read model of "Lịch sử thanh toán", in one snapshot.
class PaymentHistory {
 public:
  explicit PaymentHistory(Store& store) : store_(store) {}
  // kNotFound for an unknown case.
  core::Result<CasePaymentHistory> for_case(std::string_view case_code) const;

 private:
  Store& store_;
};

}  // namespace motcua::app
