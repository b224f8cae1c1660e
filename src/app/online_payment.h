#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/event_log.h"
#include "app/payment_gateway.h"
#include "app/receipt_signer.h"
#include "app/repositories.h"
#include "app/store.h"
#include "core/money.h"
#include "core/payment_state.h"
#include "core/result.h"

namespace motcua::app {

struct OnlinePaymentSettings {
  // motcua's public address, without a trailing slash ("https://motcua.example"). The payer
  // comes back to base + "/thanh-toan/ket-qua?ref=<reference>"; the gateway confirms at
  // base + "/api/v1/payment-platform/callbacks".
  std::string public_base_url;
  // When set, the payer's return URL for a request (case code, reference), instead of the
  // default above: the web layer adds the case's pay-link token, so the return page can show
  // the receipt to the payer and to no one who merely guesses a reference.
  std::function<std::string(std::string_view case_code, std::string_view reference)> return_url;
  std::chrono::seconds request_lifetime{15 * 60};  // how long a payment request stays open
  // How long past its expiry a request may still be pending before recover_pending() asks the
  // gateway (a late callback usually comes first).
  std::chrono::seconds recovery_grace{2 * 60};
  std::int64_t recovery_batch = 200;  // requests recovered per call at most
  // Signs the receipts a confirmation issues; null leaves them unsigned. Must outlive this.
  const ReceiptSigner* receipt_signer = nullptr;
};

// Where start() sends the payer.
struct PaymentStart {
  bool nothing_due = false;  // every line is paid or free: nothing to redirect to
  std::string reference;     // "PR-000123"
  std::string payment_url;   // the gateway's page to redirect to
  core::Money amount;
  bool reused = false;  // an open request of the case was reused
};

// What became of a verified gateway outcome. The callback endpoint answers code "00" for all
// three (a duplicate or a stale event is success for the platform: it must stop retrying).
// Refusals are errors, not verdicts: kNotFound (unknown transaction, "03"), kInvalidInput
// (amount, currency or missing event id, "04"), kStorage (not stored now, "99": retry).
enum class ApplyVerdict {
  kApplied,    // the request moved; on success the lines were paid and a receipt issued
  kDuplicate,  // the event, or the request's state, was already applied: nothing changed
  kStale,      // the request has moved on (e.g. failed after succeeded): nothing changed
};
std::string_view to_string(ApplyVerdict verdict);  // "applied", "duplicate", "stale"

struct ApplyResult {
  ApplyVerdict verdict = ApplyVerdict::kDuplicate;
  std::string reference;
  core::PaymentState state = core::PaymentState::kCreated;  // the request's state afterwards
  std::optional<std::int64_t> receipt_id;                   // the receipt this event issued
  core::Money overpayment;                                  // the overpayment this event recorded
};

struct RecoveryCounts {
  std::int64_t checked = 0;          // requests past expiry + grace looked at
  std::int64_t settled = 0;          // the gateway's answer was applied
  std::int64_t still_pending = 0;    // the gateway still says pending (or already applied)
  std::int64_t expired_locally = 0;  // created but never answered by the gateway: expired
  std::int64_t failed = 0;           // the gateway could not be asked, or the answer refused
};

// The return page's view of one request.
struct PaymentRequestView {
  std::string reference;
  std::string case_code;
  core::PaymentState state = core::PaymentState::kCreated;
  std::string state_label;  // "Đang chờ thanh toán", "Thanh toán thành công", ...
  core::Money amount;
  std::string transaction_id;
  std::chrono::sys_seconds created_at{};
  std::chrono::sys_seconds expires_at{};
  std::optional<std::chrono::sys_seconds> settled_at;
  std::optional<std::int64_t> receipt_id;  // "Thông tin biên lai thanh toán"
  std::string receipt_form_symbol;
  std::string receipt_series;
  std::string receipt_number;  // "0000001"
};

struct ReceiptSummary {
  std::int64_t id = 0;
  std::string form_symbol;
  std::string series;
  std::string number;  // "0000001"
  core::Money amount;
  std::chrono::sys_seconds issued_at{};
  std::optional<std::int64_t> request_id;
  core::ReceiptState state = core::ReceiptState::kIssued;
};

// A stored receipt as lists show it (its number formatted, "0000001"); kInvalidInput for a
// number out of range.
core::Result<ReceiptSummary> receipt_summary(const ReceiptRecord& receipt);

// The officer's "Lệ phí" tab and "Lịch sử thanh toán".
struct CasePayments {
  std::string case_code;
  std::vector<PaymentRequestRecord> requests;  // newest first
  std::vector<ReceiptSummary> receipts;        // oldest first
  std::vector<OverpaymentRecord> overpayments;
  bool open = false;         // a request is created or pending and not expired
  std::string status_label;  // "Đang chờ thanh toán" while open, else empty
};

struct ReceiptLine {
  std::string name;
  core::Money amount;
};

// Everything a receipt shows ("Xem biên lai"), as issued.
struct ReceiptView {
  std::int64_t id = 0;
  std::string form_symbol;  // "01BLP0-001"
  std::string series;       // "AA-24E"
  std::string number;       // "0000001"
  std::string unit_name;
  std::string unit_tax_code;
  std::string payer_name;
  std::string payer_id_number;
  std::string payer_address;
  std::string case_code;
  std::string procedure_name;
  std::vector<ReceiptLine> lines;
  core::Money amount;
  std::string amount_in_words;  // "Ba nghìn đồng"
  std::chrono::sys_seconds issued_at{};
  std::string method_label;  // "Trực tuyến qua CDVCQG (Payment Platform)"
  std::string reference;
  std::string provider_transaction_id;
};

// Paying a case's fees online through a payment gateway (DESIGN §3): requests, confirmations
// applied exactly once, receipts, overpayments, and recovery of lost confirmations. Safe to
// share between threads and between processes sharing one database.
class OnlinePayment {
 public:
  OnlinePayment(Store& store, PaymentGateway& gateway, const Clock& clock,
                OnlinePaymentSettings settings, EventLog* log = nullptr);

  // A request for the chosen unpaid lines of the case (empty: every unpaid line), and where to
  // send the payer. An open request (created or pending, not expired) for the same lines is
  // reused. With no choice, lines already awaiting another open request are left out of a new
  // one (they are not requested twice); if every unpaid line awaits one, the newest such
  // request is reused. A chosen line awaiting another open request is kConflict.
  // The request is stored before the gateway is called, and the gateway is called outside any
  // database transaction. Errors: kNotFound (no such case), kInvalidInput / kConflict (bad
  // choice, see core::choose_payable_lines), kUnavailable (the gateway did not answer: the
  // request stays created and the next start() retries it under the same reference),
  // kStorage.
  core::Result<PaymentStart> start(std::string_view case_code,
                                   const std::vector<std::int64_t>& line_ids = {});

  // Applies a verified outcome (a callback whose signature and timestamp the adapter checked,
  // or a status answer) exactly once. Every call is recorded with `raw_payload` and its
  // verdict. On success the request's unpaid lines are marked paid ("Trực tuyến qua CDVCQG"),
  // with the time and the gateway's transaction id, a receipt is issued with the next number of
  // the receiving unit's series, and money for lines already paid becomes an overpayment; all in
  // one database transaction with the event's exactly-once guard. Errors: see ApplyVerdict.
  core::Result<ApplyResult> apply(const GatewayOutcome& outcome, std::string_view raw_payload);

  // Records a callback refused before it could be read (bad signature, timestamp, nonce):
  // stored raw with the reason; nothing else changes, and no event id is used up.
  core::Status record_refused(std::string_view raw_payload, std::string_view reason);

  // Settles requests still created or pending past expiry + grace by asking the gateway, as
  // if the callback had come (event id "query:<transaction_id>:<state>"). A created request the
  // gateway never answered is expired (its payer never got a payment URL).
  core::Result<RecoveryCounts> recover_pending();

  // For the return page: if the request is still pending, asks the gateway once and applies
  // the answer; then the request's view. A gateway that does not answer leaves it pending.
  // kNotFound for an unknown reference.
  core::Result<PaymentRequestView> refresh(std::string_view reference);

  // For the daily reconciliation: asks the gateway about the request whatever its local state
  // (a late success after failed, cancelled or expired included) and applies a final answer
  // through apply(), so it is paid at most once; then the request's view. `transaction_id`
  // names the gateway's transaction when motcua never stored it (the gateway's answer to the
  // create call was lost). A succeeded request is returned as it is. kNotFound for an unknown
  // reference; kInvalidInput when no transaction id is known; the gateway's error
  // (kUnavailable, kNotFound) when it could not answer; apply()'s refusal otherwise.
  core::Result<PaymentRequestView> settle_by_query(std::string_view reference,
                                                   std::string_view transaction_id = {});

  // kNotFound for an unknown reference.
  core::Result<PaymentRequestView> request_by_reference(std::string_view reference) const;
  // kNotFound for an unknown case.
  core::Result<CasePayments> case_payments(std::string_view case_code) const;
  // kNotFound for an unknown receipt.
  core::Result<ReceiptView> receipt(std::int64_t receipt_id) const;

 private:
  core::Result<PaymentStart> call_gateway(const GatewayTransactionRequest& request,
                                          std::int64_t request_id, bool reused);
  core::Status record_callback(PaymentCallbackRecord callback);
  core::Error refuse(const GatewayOutcome& outcome, std::optional<std::int64_t> request_id,
                     std::string_view raw_payload, core::Error error);

  Store& store_;
  PaymentGateway& gateway_;
  const Clock& clock_;
  OnlinePaymentSettings settings_;
  EventLog* log_;
};

}  // namespace motcua::app
