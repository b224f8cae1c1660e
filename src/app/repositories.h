#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/account.h"
#include "core/agency.h"
#include "core/case_record.h"
#include "core/fee_line.h"
#include "core/money.h"
#include "core/payment_state.h"
#include "core/procedure.h"
#include "core/receipt_state.h"
#include "core/result.h"
#include "core/year_calendar.h"

// Ports: the persistent state motcua reads and writes. Every method runs inside the
// transaction of the Repositories object it came from (see store.h). Errors: kNotFound is
// never used for "no such row" on find methods (they return std::nullopt); kConflict means a
// uniqueness or version check failed; kInvalidInput means the data breaks a constraint.
namespace motcua::app {

class AgencyRepository {
 public:
  virtual ~AgencyRepository();
  // Inserts or replaces the agency with this code.
  virtual core::Status save(const core::Agency& agency) = 0;
  virtual core::Result<std::optional<core::Agency>> find(std::string_view code) = 0;
  virtual core::Result<std::vector<core::Agency>> list() = 0;
};

class StaffRepository {
 public:
  virtual ~StaffRepository();
  // Returns the new id. kConflict when the username is taken.
  virtual core::Result<std::int64_t> create(const core::StaffMember& staff) = 0;
  virtual core::Result<std::optional<core::StaffMember>> find_by_username(
      std::string_view username) = 0;
  virtual core::Result<std::optional<core::StaffMember>> find_by_id(std::int64_t id) = 0;
  virtual core::Result<std::vector<core::StaffMember>> list_by_agency(
      std::string_view agency_code) = 0;
  // Rewrites the full name, agency, roles, password hash and active flag of the member with
  // `staff.id` (the username never changes). kNotFound when there is no such member;
  // kInvalidInput for an unknown agency.
  virtual core::Status update(const core::StaffMember& staff) = 0;
};

// A one-time code to reset a portal account's password. Only a hash of the code is stored
// (PasswordHasher's encoded string), so a copy of the database does not reset passwords.
struct PasswordResetCode {
  std::int64_t id = 0;
  std::int64_t citizen_id = 0;
  std::string code_hash;
  std::chrono::sys_seconds created_at{};
  std::chrono::sys_seconds expires_at{};
  std::int64_t attempts = 0;  // wrong codes typed against it
  bool used = false;          // spent, or replaced by a newer code
};

class CitizenRepository {
 public:
  virtual ~CitizenRepository();
  // Returns the new id. kConflict when the id number already has an account.
  virtual core::Result<std::int64_t> create(const core::CitizenAccount& citizen) = 0;
  virtual core::Result<std::optional<core::CitizenAccount>> find_by_id_number(
      std::string_view id_number) = 0;
  virtual core::Result<std::optional<core::CitizenAccount>> find_by_id(std::int64_t id) = 0;
  // kNotFound when there is no such account (both).
  virtual core::Status update_contact(std::int64_t id, std::string_view phone,
                                      std::string_view email) = 0;
  virtual core::Status update_password(std::int64_t id, std::string_view password_hash) = 0;

  // Stores a new reset code (its id returned); every earlier unused code of the account is
  // marked used, so only the newest code can work.
  virtual core::Result<std::int64_t> add_reset_code(const PasswordResetCode& code) = 0;
  // The account's newest unused code, expired or not; none when there is none.
  virtual core::Result<std::optional<PasswordResetCode>> current_reset_code(
      std::int64_t citizen_id) = 0;
  // How many codes the account was sent from `since` on (the per-account request limit).
  virtual core::Result<std::int64_t> reset_codes_since(std::int64_t citizen_id,
                                                       std::chrono::sys_seconds since) = 0;
  // One more wrong try against the code.
  virtual core::Status count_reset_attempt(std::int64_t code_id) = 0;
  // Marks the code used (kNotFound when it is not stored).
  virtual core::Status use_reset_code(std::int64_t code_id) = 0;
};

struct ProcedureName {
  std::string code;
  std::string name;
};

// What the public catalogue asks of the procedures (ProcedureRepository::page). Empty or
// false criteria do not filter.
struct ProcedureQuery {
  std::string text;   // name or code contains it, ignoring case and diacritics
  std::string field;  // lĩnh vực, exact
  // Any of these fields (a group of the home page); empty: any field. A group whose list is
  // empty on purpose sets `fields_given` so that nothing matches rather than everything.
  std::vector<std::string> fields;
  bool fields_given = false;
  // Cấp thực hiện: a stored level equal to it, or it followed by " (" ("Xã" matches
  // "Xã (Công an cấp xã)").
  std::string level;
  bool online_only = false;  // only procedures offered online (Procedure::online)
  std::int64_t offset = 0;
  std::int64_t limit = 10;
};

struct ProcedurePage {
  // Ordered by code; without fees and documents (a list does not show them).
  std::vector<core::Procedure> items;
  std::int64_t total = 0;  // every match, for the pagination
};

class ProcedureRepository {
 public:
  virtual ~ProcedureRepository();
  // Inserts or replaces the procedure with this code, fees included.
  virtual core::Status save(const core::Procedure& procedure) = 0;
  virtual core::Result<std::optional<core::Procedure>> find(std::string_view code) = 0;
  // Procedures whose name or code matches `text` ignoring case and diacritics (empty: all),
  // optionally in one field (lĩnh vực); ordered by code.
  virtual core::Result<std::vector<core::Procedure>> search(std::string_view text,
                                                            std::string_view field,
                                                            std::int64_t limit) = 0;
  virtual core::Result<std::vector<std::string>> list_fields() = 0;
  // Every procedure's code and name, ordered by code, at most `limit`: what a picker lists,
  // without reading fees.
  virtual core::Result<std::vector<ProcedureName>> list_names(std::int64_t limit) = 0;
  // One page of the matches of `query` and their count. kInvalidInput for a negative offset
  // or a limit outside 1-100.
  virtual core::Result<ProcedurePage> page(const ProcedureQuery& query) = 0;
  // Every distinct stored level (cấp thực hiện), ordered.
  virtual core::Result<std::vector<std::string>> list_levels() = 0;
};

// What "Tra cứu hồ sơ" can ask. Empty or absent criteria do not filter.
struct CaseQuery {
  std::string code;         // exact code
  std::string code_prefix;  // e.g. "H34.22.6-2404"
  std::string id_number;    // submitter's or owner's, exact
  std::string name;         // submitter's or owner's name; ignores case and diacritics and
                            // matches from the start of any word: "ngoc gia" finds
                            // "Võ Đặng Ngọc Giả"
  std::optional<core::CaseStatus> status;
  std::vector<core::CaseStatus> statuses;  // any of these ("Xử lý hồ sơ"); with `status`, both
  std::string agency_code;                 // receiving or processing agency
  std::string procedure_code;
  std::string field;  // the procedure's lĩnh vực in the catalogue, exact
  std::optional<std::chrono::sys_seconds> received_from;   // inclusive
  std::optional<std::chrono::sys_seconds> received_until;  // exclusive
  std::optional<std::int64_t> citizen_account_id;
  // The reader's scope (core/access_policy.h): the receiving or processing agency equals
  // `agency_root` or is below it (starts with agency_root + "."), and/or the case is assigned
  // to `assigned_staff_id`.
  std::string agency_root;
  std::optional<std::int64_t> assigned_staff_id;
  bool with_fee_lines = false;  // page items keep their fee lines (for payment summaries)
  std::int64_t page = 1;        // 1-based
  std::int64_t page_size = 10;
  // 0: count every match. Otherwise count no further than `count_limit` matches: a screen that
  // says "more than 1,000" need not walk a million (CasePage::total_capped says it stopped).
  std::int64_t count_limit = 0;
};

struct CasePage {
  std::vector<core::CaseRecord> items;  // fee lines only if asked; newest submission first
  std::int64_t total = 0;               // all matches, for the pagination
  // True when more than `total` cases match: the count stopped at CaseQuery::count_limit.
  bool total_capped = false;
};

class CaseRepository {
 public:
  virtual ~CaseRepository();
  // Stores a new case and its fee lines; returns the id. The record's version becomes 1.
  // kConflict when the code exists.
  virtual core::Result<std::int64_t> insert(const core::CaseRecord& record) = 0;
  // With fee lines (ordered as inserted).
  virtual core::Result<std::optional<core::CaseRecord>> find_by_code(std::string_view code) = 0;
  virtual core::Result<std::optional<core::CaseRecord>> find_by_id(std::int64_t id) = 0;
  virtual core::Result<CasePage> search(const CaseQuery& query) = 0;
  // The number of cases per status among those matching `query` (its page fields are
  // ignored); statuses with no case are absent.
  virtual core::Result<std::map<core::CaseStatus, std::int64_t>> count_by_status(
      const CaseQuery& query) = 0;
  // Writes the case's own fields (not its fee lines) if its stored version still equals
  // `record.version`, and increments the version. kConflict when the case changed since it was
  // read (a stale update is never a lost write); kNotFound when there is no such case.
  virtual core::Status update(const core::CaseRecord& record) = 0;
  // Marks one fee line paid. kConflict when it is already paid: no fee line is paid twice.
  virtual core::Status mark_fee_line_paid(std::int64_t fee_line_id, core::PaymentMethod method) = 0;
  // Appends a case event (app/case_events.h) to the change feed; it becomes visible to the
  // feed when this transaction commits (PostgreSQL is also notified then).
  virtual core::Status append_event(std::int64_t case_id, std::string_view case_code,
                                    std::string_view kind, std::chrono::sys_seconds at) = 0;
};

// Gap-free counters: case codes per numbering scope, receipt numbers per series.
class SequenceRepository {
 public:
  virtual ~SequenceRepository();
  // Increments the scope's counter and returns the new value (1 for a new scope). Atomic
  // across threads and processes; the increment is part of the caller's transaction, so a
  // rolled-back transaction leaves no gap.
  virtual core::Result<std::int64_t> next(std::string_view scope) = 0;
  // The last value handed out, 0 for a scope never used.
  virtual core::Result<std::int64_t> current(std::string_view scope) = 0;
};

struct AuditEntry {
  std::int64_t id = 0;
  std::chrono::sys_seconds at{};
  std::string actor;        // "staff:12", "citizen:7", "system"
  std::string action;       // "case.accept", "fee_line.paid", ...
  std::string entity_type;  // "case", "agency", ...
  std::string entity_id;
  std::string before;  // JSON, empty for creation
  std::string after;   // JSON, empty for deletion
};

// Append-only: there is no way to change or remove an entry, in this interface or in SQL.
class AuditLog {
 public:
  virtual ~AuditLog();
  virtual core::Status append(const AuditEntry& entry) = 0;
  virtual core::Result<std::vector<AuditEntry>> for_entity(std::string_view entity_type,
                                                           std::string_view entity_id) = 0;
};

// Days off and make-up days per year, editable by the admin.
class CalendarRepository {
 public:
  virtual ~CalendarRepository();
  // Replaces everything stored for the year.
  virtual core::Status save_year(const core::YearCalendar& year) = 0;
  virtual core::Result<std::vector<core::YearCalendar>> load_all() = 0;
};

class SettingsRepository {
 public:
  virtual ~SettingsRepository();
  virtual core::Result<std::optional<std::string>> get(std::string_view key) = 0;
  virtual core::Status set(std::string_view key, std::string_view value) = 0;
};

// One fee line a payment request asks for.
struct PaymentRequestLine {
  std::int64_t fee_line_id = 0;
  core::Money amount;
};

// Một yêu cầu thanh toán: one attempt to pay some lines of a case through a gateway. It is
// stored as kCreated before the gateway is called (so a crash never loses the link), then
// carries the gateway's transaction id and payment URL.
struct PaymentRequestRecord {
  std::int64_t id = 0;  // 0 until stored
  std::int64_t case_id = 0;
  std::string case_code;       // read from the case; not stored twice
  std::string gateway;         // PaymentGateway::name()
  std::string reference;       // "PR-000123", unique for ever
  std::string transaction_id;  // the gateway's id; empty until it answered
  core::Money amount;
  std::string currency = "VND";
  core::PaymentState state = core::PaymentState::kCreated;
  std::string payment_url;
  std::chrono::sys_seconds created_at{};
  std::chrono::sys_seconds expires_at{};
  std::chrono::sys_seconds updated_at{};
  std::optional<std::chrono::sys_seconds> settled_at;  // when the money was paid
  std::string channel_type;                            // "bank" / "wallet"
  std::string channel_code;
  std::string channel_name;
  std::string provider_reference;
  std::vector<PaymentRequestLine> lines;
};

// Every callback or status answer received, whatever became of it ("Lịch sử thanh toán").
struct PaymentCallbackRecord {
  std::int64_t id = 0;
  std::string gateway;
  std::string event_id;   // empty when the callback was refused before it could be read
  std::string reference;  // as the callback gave it
  std::optional<std::int64_t> request_id;
  std::string verdict;  // "applied", "duplicate", "stale", "refused"
  std::string reason;   // why, for refused and stale ones
  std::string payload;  // the raw body
  std::chrono::sys_seconds at{};
};

// Money that arrived for lines already paid: to be refunded, never dropped.
enum class OverpaymentState { kToRefund = 0, kRefunded = 1 };

struct OverpaymentRecord {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t request_id = 0;
  core::Money amount;
  std::vector<std::int64_t> fee_line_ids;
  std::chrono::sys_seconds recorded_at{};
  OverpaymentState state = OverpaymentState::kToRefund;
};

// A gateway event applied to a request (the exactly-once guard's row).
struct AppliedEventRecord {
  std::string gateway;
  std::string event_id;  // "EV…" for a callback, "query:<transaction>:<state>" for a query
  std::int64_t request_id = 0;
  std::chrono::sys_seconds applied_at{};
};

// What a settled fee line records about the payment that settled it.
struct LineSettlement {
  core::PaymentMethod method = core::PaymentMethod::kPaymentPlatform;
  std::chrono::sys_seconds paid_at{};
  std::int64_t request_id = 0;  // the payment request; 0 for none (paid at the counter)
  std::string provider_transaction_id;
};

// Payment requests, the exactly-once guard for gateway events, callbacks and overpayments.
class PaymentRepository {
 public:
  virtual ~PaymentRepository();
  // Stores a new request with its lines (request.id is ignored); returns the id. kConflict
  // when the reference exists.
  virtual core::Result<std::int64_t> create(const PaymentRequestRecord& request) = 0;
  // With lines and case code.
  virtual core::Result<std::optional<PaymentRequestRecord>> find_by_reference(
      std::string_view reference) = 0;
  virtual core::Result<std::optional<PaymentRequestRecord>> find_by_transaction(
      std::string_view gateway, std::string_view transaction_id) = 0;
  // The request as last committed, locked against other writers until this transaction ends
  // (so two confirmations of one request are applied one after the other).
  virtual core::Result<std::optional<PaymentRequestRecord>> lock(std::int64_t request_id) = 0;
  // Serialises payment writers of one case until this transaction ends (two starts of the same
  // case do not both create a request for the same lines). kNotFound for no such case.
  virtual core::Status lock_case(std::int64_t case_id) = 0;
  // The case's requests, newest first, with lines.
  virtual core::Result<std::vector<PaymentRequestRecord>> list_for_case(std::int64_t case_id) = 0;
  // Requests still kCreated or kPending whose expires_at is at or before `expired_by`, oldest
  // first, at most `limit`.
  virtual core::Result<std::vector<PaymentRequestRecord>> due_for_recovery(
      std::chrono::sys_seconds expired_by, std::int64_t limit) = 0;
  // Requests whose last money-relevant change fell in [from, until): settled in it, or never
  // settled and created in it (the daily reconciliation's local side). Oldest first, with lines.
  virtual core::Result<std::vector<PaymentRequestRecord>> changed_between(
      std::chrono::sys_seconds from, std::chrono::sys_seconds until) = 0;
  // Records the gateway's answer to a request: its transaction id and URL (only where none is
  // stored yet), and moves kCreated to kPending (a request the gateway already settled keeps
  // its state).
  virtual core::Status record_gateway_answer(std::int64_t request_id,
                                             std::string_view transaction_id,
                                             std::string_view payment_url,
                                             std::chrono::sys_seconds at) = 0;
  // Writes the request's state, settlement time, channel, provider reference and transaction
  // id (where none is stored), if its stored state is still `from`. False when it is not (the
  // caller lost a race and must re-read).
  virtual core::Result<bool> move(const PaymentRequestRecord& request, core::PaymentState from) = 0;
  // The exactly-once guard: records that `event_id` of `gateway` was applied to the request.
  // False (and nothing written) when it was applied before. Call in the transaction that
  // applies the event.
  virtual core::Result<bool> claim_event(std::string_view gateway, std::string_view event_id,
                                         std::int64_t request_id, std::chrono::sys_seconds at) = 0;
  virtual core::Status record_callback(const PaymentCallbackRecord& callback) = 0;
  // Oldest first.
  virtual core::Result<std::vector<PaymentCallbackRecord>> callbacks_for_request(
      std::int64_t request_id) = 0;
  // The events applied to the request, oldest first.
  virtual core::Result<std::vector<AppliedEventRecord>> applied_events_for_request(
      std::int64_t request_id) = 0;
  // Marks the fee line paid if it is unpaid. False when it was already paid (nothing written):
  // the caller turns its amount into overpayment. kNotFound for no such line.
  virtual core::Result<bool> settle_line(std::int64_t fee_line_id,
                                         const LineSettlement& settlement) = 0;
  // Links the settled line to its receipt.
  virtual core::Status attach_receipt(std::int64_t fee_line_id, std::int64_t receipt_id) = 0;
  virtual core::Result<std::int64_t> record_overpayment(const OverpaymentRecord& overpayment) = 0;
  // Oldest first.
  virtual core::Result<std::vector<OverpaymentRecord>> overpayments_for_case(
      std::int64_t case_id) = 0;
};

// Biên lai: a receipt, numbered within its unit's series with no gap and no duplicate. The
// content is kept as issued (a later rename of the unit does not change an issued receipt).
// One fee line as a receipt prints it.
struct ReceiptLineRecord {
  std::int64_t fee_line_id = 0;
  std::string name;
  core::Money amount;
};

struct ReceiptRecord {
  std::int64_t id = 0;
  std::string form_symbol;  // ký hiệu mẫu số, "01BLP0-001"
  std::string series;       // ký hiệu, "AA-24E"
  std::int64_t number = 0;  // 1..9.999.999
  std::int64_t case_id = 0;
  std::optional<std::int64_t> request_id;
  core::Money amount;
  std::chrono::sys_seconds issued_at{};
  std::string unit_name;  // the collecting unit
  std::string unit_tax_code;
  std::string payer_name;
  std::string payer_id_number;
  std::string payer_address;
  std::string payload;  // JSON of the content, as issued
  // What the receipt shows beyond the columns above, as issued (migration 5; empty on receipts
  // issued before it): with them and the lines, the signed canonical form
  // (app/receipt_signing.h).
  std::string case_code;
  std::string procedure_name;
  std::string amount_in_words;
  std::string method_label;
  std::string provider_transaction_id;
  std::optional<std::int64_t> replaces_receipt_id;  // the original of a re-issued receipt
  std::vector<ReceiptLineRecord> lines;             // written by insert(); read with lines()
  std::string key_id;     // the signing key's id; empty for an unsigned receipt
  std::string signature;  // Ed25519 over the canonical form, base64; empty when unsigned
  core::ReceiptState state = core::ReceiptState::kIssued;
  std::optional<std::chrono::sys_seconds> cancelled_at;
  std::string cancel_reason;
  std::string cancelled_by;  // the officer's name as shown
};

class ReceiptRepository {
 public:
  virtual ~ReceiptRepository();
  // Returns the id. kConflict when the series already has this number or the request already
  // has a receipt.
  virtual core::Result<std::int64_t> insert(const ReceiptRecord& receipt) = 0;
  virtual core::Result<std::optional<ReceiptRecord>> find(std::int64_t id) = 0;
  // Oldest first.
  virtual core::Result<std::vector<ReceiptRecord>> list_for_case(std::int64_t case_id) = 0;
  // The receipt's printed lines, in order (as insert() wrote them).
  virtual core::Result<std::vector<ReceiptLineRecord>> lines(std::int64_t receipt_id) = 0;
  // The receipt that replaces `receipt_id`, if any.
  virtual core::Result<std::optional<ReceiptRecord>> find_replacement(std::int64_t receipt_id) = 0;
  // Cancels an issued receipt. The state is checked in the UPDATE itself, so of two officers
  // cancelling at once one wins and the other gets kConflict; kConflict too for a receipt
  // already cancelled or replaced; kNotFound for no such receipt.
  virtual core::Status cancel(std::int64_t receipt_id, std::chrono::sys_seconds at,
                              std::string_view reason, std::string_view cancelled_by) = 0;
  // Marks an issued receipt replaced (its replacement is inserted in the same transaction).
  // kConflict unless it is issued; kNotFound for no such receipt.
  virtual core::Status mark_replaced(std::int64_t receipt_id) = 0;
};

// Màn hình phụ: a counter screen, the tablet that shows the citizen what its officer pushes
// (app/counter_screens.h has the rules).
struct CounterScreenRecord {
  std::int64_t id = 0;       // 0 until stored
  std::string secret_hash;   // TokenService::fingerprint of the secret in the tablet's cookie
  std::string pairing_code;  // 6 digits while unbound; empty once bound
  std::optional<std::chrono::sys_seconds> pairing_expires_at;
  std::string staff_login;  // the bound officer's username; empty when unbound
  std::optional<std::chrono::sys_seconds> paired_at;
  std::chrono::sys_seconds created_at{};
  std::chrono::sys_seconds last_seen{};
  std::string case_code;      // the case pushed to it; empty when none
  core::Money pushed_amount;  // what was outstanding when it was pushed
  std::optional<std::chrono::sys_seconds> pushed_at;
  std::int64_t version = 1;  // counts every change of what the screen shows
};

// How a case's fee lines stand, read in one aggregate query (the screen polls it).
struct FeeProgress {
  std::int64_t case_id = 0;
  std::int64_t lines = 0;
  std::int64_t unpaid_lines = 0;
  core::Money outstanding;                               // the unpaid lines' sum
  std::optional<std::chrono::sys_seconds> last_paid_at;  // the latest paid_at among the lines
};

class CounterScreenRepository {
 public:
  virtual ~CounterScreenRepository();
  // Returns the id (screen.id is ignored; the version is stored as given). kConflict when the
  // secret hash, the pairing code or the staff login is another screen's.
  virtual core::Result<std::int64_t> create(const CounterScreenRecord& screen) = 0;
  virtual core::Result<std::optional<CounterScreenRecord>> find_by_secret(
      std::string_view secret_hash) = 0;
  // Whatever its expiry; std::nullopt for "".
  virtual core::Result<std::optional<CounterScreenRecord>> find_by_pairing_code(
      std::string_view code) = 0;
  // The screen bound to `staff_login`; std::nullopt for "".
  virtual core::Result<std::optional<CounterScreenRecord>> find_by_staff(
      std::string_view staff_login) = 0;
  // Writes every field of screen.id if its stored version still equals screen.version, and
  // stores screen.version + 1. kConflict when the screen changed since it was read, or when
  // the pairing code or staff login is another screen's; kNotFound when there is no such
  // screen.
  virtual core::Status update(const CounterScreenRecord& screen) = 0;
  // Writes last_seen only; the version stays (nothing shown changed).
  virtual core::Status touch(std::int64_t id, std::chrono::sys_seconds last_seen) = 0;
  // Deletes the unbound screens last seen before `before` (tablets that went away); returns
  // how many.
  virtual core::Result<std::int64_t> remove_unbound_unseen(std::chrono::sys_seconds before) = 0;
  // The fee lines of the case `case_code`, summed; std::nullopt for no such case.
  virtual core::Result<std::optional<FeeProgress>> fee_progress(std::string_view case_code) = 0;
};

}  // namespace motcua::app
