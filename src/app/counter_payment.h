#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/counter_payment_repository.h"
#include "app/receipt_signer.h"
#include "app/store.h"
#include "core/account.h"
#include "core/counter_payment_check.h"
#include "core/money.h"
#include "core/result.h"

namespace motcua::app {

// "Thanh toán qua máy POS": a card payment the officer read off the POS slip.
struct PosPaymentInput {
  std::string case_code;
  std::vector<std::int64_t> line_ids;  // the chosen fee lines (at least one)
  core::PosSlip slip;                  // normalised by record_pos
  core::Money amount;                  // must equal the chosen lines' total
};

// "Thu tiền mặt": cash handed over at the counter.
struct CashPaymentInput {
  std::string case_code;
  std::vector<std::int64_t> line_ids;  // the chosen fee lines (at least one)
  core::Money tendered;                // at least the chosen lines' total
};

// A recorded counter payment.
struct CounterPaymentDone {
  std::int64_t id = 0;
  std::string reference;  // "TQ-000007"
  core::PaymentMethod method = core::PaymentMethod::kPos;
  core::Money amount;
  std::optional<core::Money> change;       // cash: tendered - amount
  std::optional<std::int64_t> receipt_id;  // empty when the unit has no receipt series
};

// "Phát hành biên lai" for paid lines that have no receipt.
struct ReceiptsIssued {
  std::vector<std::int64_t> receipt_ids;  // one per payment the lines came from, oldest first
  bool no_series = false;  // the receiving unit still has no series: nothing was issued
};

// "TQ-" and the counter payment's id, at least 6 digits ("TQ-000007"): the reference a counter
// payment's receipt carries (tại quầy: at the counter).
std::string counter_reference(std::int64_t id);

// Money taken at the counter (issue 7): POS card and cash payments, receipts for lines paid
// without one, and the POS list. Who may: an officer who may read the case (core::case_rights
// view); the list shows the payments of the cases of the reader's widest scope. Safe to share
// between threads and processes sharing one database.
class CounterPayment {
 public:
  // With a `signer` the receipts it issues are signed; null leaves them unsigned (tests).
  CounterPayment(Store& store, const Clock& clock, const ReceiptSigner* signer = nullptr);

  // Records a POS payment in one transaction: the payment, each chosen line settled with
  // UPDATE … WHERE paid = 0 (method "Thanh toán qua máy POS"), a receipt numbered from the unit's
  // series, and an audit entry "payment.counter" on the case. Errors, with nothing changed:
  // kInvalidInput (core::describe of the CounterRefusal; a line not of this case or chosen
  // twice), kConflict (a chosen line is already paid, online or at the counter: the message names
  // it; or the case is cancelled), kNotFound (no such case), kForbidden (may not read the case),
  // kOutOfRange (the receipt series is full), kStorage.
  core::Result<CounterPaymentDone> record_pos(const core::StaffMember& staff,
                                              PosPaymentInput input);

  // Records a cash payment like record_pos (method "Tiền mặt"), keeping the amount tendered;
  // the change is tendered - total. kInvalidInput (kTenderedShort) when too little is tendered.
  core::Result<CounterPaymentDone> record_cash(const core::StaffMember& staff,
                                               const CashPaymentInput& input);

  // Issues receipts for the case's paid lines that have none (their unit had no series when
  // they were paid): one receipt per payment (online request, counter payment, or otherwise
  // per method), numbered from the unit's series now, each with an audit entry
  // "receipt.issued". Nothing to issue is not an error (empty receipt_ids). Errors: kNotFound,
  // kForbidden, kOutOfRange, kStorage.
  core::Result<ReceiptsIssued> issue_missing_receipts(const core::StaffMember& staff,
                                                      std::string_view case_code);

  // The case's counter payments, oldest first, with lines ("Xem hóa đơn"). kNotFound,
  // kForbidden, kStorage.
  core::Result<std::vector<CounterPaymentRecord>> for_case(const core::StaffMember& staff,
                                                           std::string_view case_code) const;

  // "Danh sách thanh toán qua máy POS" and the like: the query narrowed to the reader's widest
  // scope. kForbidden for an inactive account; kInvalidInput for a bad page.
  core::Result<CounterPaymentPage> search(const core::StaffMember& staff,
                                          CounterPaymentQuery query) const;

 private:
  core::Result<CounterPaymentDone> record(const core::StaffMember& staff,
                                          CounterPaymentRecord payment,
                                          const std::vector<std::int64_t>& line_ids,
                                          const std::function<core::Status(core::Money)>& check);

  Store& store_;
  const Clock& clock_;
  const ReceiptSigner* signer_;
};

}  // namespace motcua::app
