#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/payment_state.h"
#include "core/result.h"

namespace motcua::app {

// One row of a gateway's daily report: a transaction whose last change of state fell on the
// day, as it stood when the report was made.
struct PlatformReportRow {
  std::string transaction_id;
  std::string reference;  // motcua's request reference (client_transaction_id)
  core::PaymentState state = core::PaymentState::kPending;
  core::Money amount;
  std::int64_t paid_at = 0;  // Unix seconds; 0 unless succeeded
  std::string channel_code;
  std::string provider_reference;
};

struct PlatformDayReport {
  std::vector<PlatformReportRow> rows;  // in the report's order; a transaction may repeat
  core::Money succeeded_total;          // the report's own total of succeeded amounts
};

// Port: the payment platform's daily reconciliation file (docs/protocols/payment-platform.md,
// "daily file"). Blocks up to the adapter's timeout. Errors: kUnavailable when the platform
// cannot be reached or refuses; kInvalidInput when the file's signature or content does not
// verify (nothing of it may be trusted).
class PlatformReports {
 public:
  virtual ~PlatformReports();
  virtual core::Result<PlatformDayReport> daily_report(std::chrono::year_month_day day) = 0;
};

}  // namespace motcua::app
