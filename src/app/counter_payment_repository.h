#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/fee_line.h"
#include "core/money.h"
#include "core/result.h"

namespace motcua::app {

// One fee line a counter payment paid, with the amount it paid for it.
struct CounterPaymentLine {
  std::int64_t fee_line_id = 0;
  core::Money amount;
};

// Thanh toán tại quầy: money taken at the one-stop counter, by POS card ("Thanh toán qua máy
// POS") or in cash. A POS payment carries the terminal's id, the approval code printed on the
// slip and the card's last 4 digits; a cash payment the amount tendered (the change is
// tendered - amount).
struct CounterPaymentRecord {
  std::int64_t id = 0;  // 0 until stored
  std::int64_t case_id = 0;
  std::string case_code;                                   // read from the case; not stored twice
  core::PaymentMethod method = core::PaymentMethod::kPos;  // kPos or kCash
  core::Money amount;                                      // the sum of the lines
  std::string terminal_id;                                 // POS only, else empty
  std::string approval_code;                               // POS only: 6 letters or digits
  std::string card_last4;                                  // POS only: 4 digits
  std::optional<core::Money> tendered;                     // cash only
  std::string staff_login;                                 // the officer who took it
  std::string staff_name;  // read from the staff table; empty when the login is gone
  std::chrono::sys_seconds at{};
  std::optional<std::int64_t> receipt_id;  // empty while the unit had no receipt series
  std::vector<CounterPaymentLine> lines;
};

// What "Danh sách thanh toán qua máy POS" filters by. Empty or absent criteria do not filter.
struct CounterPaymentQuery {
  std::optional<core::PaymentMethod> method;      // kPos for the POS list
  std::optional<std::chrono::sys_seconds> from;   // inclusive
  std::optional<std::chrono::sys_seconds> until;  // exclusive
  std::string terminal_id;                        // exact
  std::string staff_login;                        // exact
  std::string case_code;                          // exact
  // The reader's scope, as in CaseQuery: the case's receiving or processing agency equals
  // `agency_root` or is below it, and/or the case is assigned to `assigned_staff_id`.
  std::string agency_root;
  std::optional<std::int64_t> assigned_staff_id;
  std::int64_t page = 1;  // 1-based
  std::int64_t page_size = 10;
};

struct CounterPaymentPage {
  std::vector<CounterPaymentRecord> items;  // newest first, without lines
  std::int64_t total = 0;                   // every matching row
  core::Money total_amount;                 // the sum of every matching row's amount
};

// Port: counter payments. Runs inside the transaction of the Repositories it came from.
class CounterPaymentRepository {
 public:
  virtual ~CounterPaymentRepository();
  // Stores the payment and its lines (payment.id is ignored); returns the id.
  virtual core::Result<std::int64_t> insert(const CounterPaymentRecord& payment) = 0;
  // Links the payment to the receipt issued for it.
  virtual core::Status attach_receipt(std::int64_t payment_id, std::int64_t receipt_id) = 0;
  // The case's counter payments, oldest first, with lines.
  virtual core::Result<std::vector<CounterPaymentRecord>> list_for_case(std::int64_t case_id) = 0;
  // A page of the matching payments and the count and sum of all of them. kInvalidInput for a
  // page below 1 or a page size outside 1..200.
  virtual core::Result<CounterPaymentPage> search(const CounterPaymentQuery& query) = 0;
};

}  // namespace motcua::app
