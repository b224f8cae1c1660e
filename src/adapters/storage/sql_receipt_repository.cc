#include "adapters/storage/sql_receipt_repository.h"

#include <soci/soci.h>

#include "adapters/storage/sql_error.h"
#include "adapters/storage/sql_support.h"

namespace motcua::adapters::storage {

namespace {
constexpr long long kIssued = static_cast<long long>(core::ReceiptState::kIssued);
constexpr long long kCancelled = static_cast<long long>(core::ReceiptState::kCancelled);
constexpr long long kReplaced = static_cast<long long>(core::ReceiptState::kReplaced);
}  // namespace

SqlReceiptRepository::SqlReceiptRepository(soci::session& session, Engine) : session_(session) {}

SqlReceiptRepository::~SqlReceiptRepository() = default;

core::Result<std::int64_t> SqlReceiptRepository::insert(const app::ReceiptRecord& receipt) {
  return guarded("issuing a receipt", [&]() -> core::Result<std::int64_t> {
    long long number = receipt.number, case_id = receipt.case_id;
    long long amount = receipt.amount.in_dong(), at = to_column(receipt.issued_at), id = 0;
    long long state = kIssued;
    NullableInt request, replaces;
    request.set(receipt.request_id ? std::optional<long long>(*receipt.request_id) : std::nullopt);
    replaces.set(receipt.replaces_receipt_id
                     ? std::optional<long long>(*receipt.replaces_receipt_id)
                     : std::nullopt);
    session_ << "INSERT INTO receipts (series, number, form_symbol, case_id, amount, state,"
                " issued_at, replaces_receipt_id, payload, signature, request_id, unit_name,"
                " unit_tax_code, payer_name, payer_id_number, payer_address, key_id, case_code,"
                " procedure_name, amount_in_words, method_label, provider_transaction_id)"
                " VALUES (:s, :n, :f, :c, :a, :st, :at, :rp, :p, :sig, :r, :un, :ut, :pn, :pi,"
                " :pa, :k, :cc, :pr, :w, :m, :tx) RETURNING id",
        soci::use(receipt.series), soci::use(number), soci::use(receipt.form_symbol),
        soci::use(case_id), soci::use(amount), soci::use(state), soci::use(at),
        soci::use(replaces.value, replaces.indicator), soci::use(receipt.payload),
        soci::use(receipt.signature), soci::use(request.value, request.indicator),
        soci::use(receipt.unit_name), soci::use(receipt.unit_tax_code),
        soci::use(receipt.payer_name), soci::use(receipt.payer_id_number),
        soci::use(receipt.payer_address), soci::use(receipt.key_id), soci::use(receipt.case_code),
        soci::use(receipt.procedure_name), soci::use(receipt.amount_in_words),
        soci::use(receipt.method_label), soci::use(receipt.provider_transaction_id), soci::into(id);
    long long position = 0;
    for (const app::ReceiptLineRecord& line : receipt.lines) {
      ++position;
      long long fee_line = line.fee_line_id, line_amount = line.amount.in_dong();
      session_ << "INSERT INTO receipt_lines (receipt_id, position, fee_line_id, name, amount)"
                  " VALUES (:r, :p, :f, :n, :a)",
          soci::use(id), soci::use(position), soci::use(fee_line), soci::use(line.name),
          soci::use(line_amount);
    }
    return std::int64_t{id};
  });
}

std::vector<app::ReceiptRecord> SqlReceiptRepository::select(const std::string& where,
                                                             long long key) {
  app::ReceiptRecord r;
  long long id = 0, number = 0, case_id = 0, amount = 0, at = 0, state = 0;
  NullableInt request, replaces, cancelled_at;
  soci::statement st =
      (session_.prepare << "SELECT id, form_symbol, series, number, case_id, request_id, amount,"
                           " issued_at, unit_name, unit_tax_code, payer_name, payer_id_number,"
                           " payer_address, payload, signature, key_id, case_code,"
                           " procedure_name, amount_in_words, method_label,"
                           " provider_transaction_id, replaces_receipt_id, state, cancelled_at,"
                           " cancel_reason, cancelled_by FROM receipts WHERE " +
                               where + " ORDER BY id",
       soci::use(key), soci::into(id), soci::into(r.form_symbol), soci::into(r.series),
       soci::into(number), soci::into(case_id), soci::into(request.value, request.indicator),
       soci::into(amount), soci::into(at), soci::into(r.unit_name), soci::into(r.unit_tax_code),
       soci::into(r.payer_name), soci::into(r.payer_id_number), soci::into(r.payer_address),
       soci::into(r.payload), soci::into(r.signature), soci::into(r.key_id),
       soci::into(r.case_code), soci::into(r.procedure_name), soci::into(r.amount_in_words),
       soci::into(r.method_label), soci::into(r.provider_transaction_id),
       soci::into(replaces.value, replaces.indicator), soci::into(state),
       soci::into(cancelled_at.value, cancelled_at.indicator), soci::into(r.cancel_reason),
       soci::into(r.cancelled_by));
  std::vector<app::ReceiptRecord> out;
  if (st.execute(true)) {
    do {
      r.id = id;
      r.number = number;
      r.case_id = case_id;
      r.request_id = request.get();
      r.amount = core::Money::dong(amount);
      r.issued_at = seconds_from_column(at);
      r.replaces_receipt_id = replaces.get();
      r.state = core::receipt_state_from(state).value_or(core::ReceiptState::kIssued);
      std::optional<long long> cancelled = cancelled_at.get();
      r.cancelled_at = cancelled ? std::optional(seconds_from_column(*cancelled)) : std::nullopt;
      out.push_back(r);
    } while (st.fetch());
  }
  return out;
}

core::Result<std::optional<app::ReceiptRecord>> SqlReceiptRepository::find(std::int64_t id) {
  return guarded("reading a receipt", [&]() -> core::Result<std::optional<app::ReceiptRecord>> {
    auto found = select("id = :id", id);
    if (found.empty()) return std::optional<app::ReceiptRecord>();
    return std::optional<app::ReceiptRecord>(std::move(found.front()));
  });
}

core::Result<std::vector<app::ReceiptRecord>> SqlReceiptRepository::list_for_case(
    std::int64_t case_id) {
  return guarded("listing receipts", [&]() -> core::Result<std::vector<app::ReceiptRecord>> {
    return select("case_id = :c", case_id);
  });
}

core::Result<std::vector<app::ReceiptLineRecord>> SqlReceiptRepository::lines(
    std::int64_t receipt_id) {
  return guarded("reading a receipt's lines",
                 [&]() -> core::Result<std::vector<app::ReceiptLineRecord>> {
                   long long key = receipt_id, fee_line = 0, amount = 0;
                   std::string name;
                   soci::statement st =
                       (session_.prepare << "SELECT fee_line_id, name, amount FROM receipt_lines"
                                            " WHERE receipt_id = :r ORDER BY position",
                        soci::use(key), soci::into(fee_line), soci::into(name), soci::into(amount));
                   std::vector<app::ReceiptLineRecord> out;
                   if (st.execute(true)) {
                     do {
                       out.push_back({fee_line, name, core::Money::dong(amount)});
                     } while (st.fetch());
                   }
                   return out;
                 });
}

core::Result<std::optional<app::ReceiptRecord>> SqlReceiptRepository::find_replacement(
    std::int64_t receipt_id) {
  return guarded("reading a receipt's replacement",
                 [&]() -> core::Result<std::optional<app::ReceiptRecord>> {
                   auto found = select("replaces_receipt_id = :r", receipt_id);
                   if (found.empty()) return std::optional<app::ReceiptRecord>();
                   return std::optional<app::ReceiptRecord>(std::move(found.back()));
                 });
}

core::Status SqlReceiptRepository::leave_issued(std::int64_t receipt_id, long long affected) {
  if (affected == 1) return {};
  long long key = receipt_id, exists = 0;
  session_ << "SELECT COUNT(*) FROM receipts WHERE id = :id", soci::use(key), soci::into(exists);
  if (exists == 0) {
    return core::Error{core::ErrorKind::kNotFound,
                       "there is no receipt " + std::to_string(receipt_id)};
  }
  return core::Error{core::ErrorKind::kConflict,
                     "receipt " + std::to_string(receipt_id) + " is no longer issued"};
}

core::Status SqlReceiptRepository::cancel(std::int64_t receipt_id, std::chrono::sys_seconds at,
                                          std::string_view reason, std::string_view cancelled_by) {
  return guarded("cancelling a receipt", [&]() -> core::Status {
    long long key = receipt_id, when = to_column(at), to = kCancelled, from = kIssued;
    std::string why(reason), who(cancelled_by);
    soci::statement st = (session_.prepare << "UPDATE receipts SET state = :to, cancelled_at = :at,"
                                              " cancel_reason = :why, cancelled_by = :who"
                                              " WHERE id = :id AND state = :from",
                          soci::use(to), soci::use(when), soci::use(why), soci::use(who),
                          soci::use(key), soci::use(from));
    st.execute(true);
    return leave_issued(receipt_id, st.get_affected_rows());
  });
}

core::Status SqlReceiptRepository::mark_replaced(std::int64_t receipt_id) {
  return guarded("marking a receipt replaced", [&]() -> core::Status {
    long long key = receipt_id, to = kReplaced, from = kIssued;
    soci::statement st =
        (session_.prepare << "UPDATE receipts SET state = :to WHERE id = :id AND state = :from",
         soci::use(to), soci::use(key), soci::use(from));
    st.execute(true);
    return leave_issued(receipt_id, st.get_affected_rows());
  });
}

}  // namespace motcua::adapters::storage
