#include "adapters/storage/sql_receipt_repository.h"

#include <soci/soci.h>

#include "adapters/storage/sql_error.h"
#include "adapters/storage/sql_support.h"

namespace motcua::adapters::storage {

// Receipts are issued, never edited: state 0 is "issued" (issue 7 adds replacement).
constexpr long long kIssued = 0;

SqlReceiptRepository::SqlReceiptRepository(soci::session& session, Engine) : session_(session) {}

SqlReceiptRepository::~SqlReceiptRepository() = default;

core::Result<std::int64_t> SqlReceiptRepository::insert(const app::ReceiptRecord& receipt) {
  return guarded("issuing a receipt", [&]() -> core::Result<std::int64_t> {
    long long number = receipt.number, case_id = receipt.case_id;
    long long amount = receipt.amount.in_dong(), at = to_column(receipt.issued_at), id = 0;
    long long state = kIssued;
    NullableInt request;
    request.set(receipt.request_id ? std::optional<long long>(*receipt.request_id) : std::nullopt);
    session_ << "INSERT INTO receipts (series, number, form_symbol, case_id, amount, state,"
                " issued_at, replaces_receipt_id, payload, signature, request_id, unit_name,"
                " unit_tax_code, payer_name, payer_id_number, payer_address) VALUES (:s, :n, :f,"
                " :c, :a, :st, :at, NULL, :p, :sig, :r, :un, :ut, :pn, :pi, :pa) RETURNING id",
        soci::use(receipt.series), soci::use(number), soci::use(receipt.form_symbol),
        soci::use(case_id), soci::use(amount), soci::use(state), soci::use(at),
        soci::use(receipt.payload), soci::use(receipt.signature),
        soci::use(request.value, request.indicator), soci::use(receipt.unit_name),
        soci::use(receipt.unit_tax_code), soci::use(receipt.payer_name),
        soci::use(receipt.payer_id_number), soci::use(receipt.payer_address), soci::into(id);
    return std::int64_t{id};
  });
}

std::vector<app::ReceiptRecord> SqlReceiptRepository::select(const std::string& where,
                                                             long long key) {
  app::ReceiptRecord r;
  long long id = 0, number = 0, case_id = 0, amount = 0, at = 0;
  NullableInt request;
  soci::statement st =
      (session_.prepare << "SELECT id, form_symbol, series, number, case_id, request_id, amount,"
                           " issued_at, unit_name, unit_tax_code, payer_name, payer_id_number,"
                           " payer_address, payload, signature FROM receipts WHERE " +
                               where + " ORDER BY id",
       soci::use(key), soci::into(id), soci::into(r.form_symbol), soci::into(r.series),
       soci::into(number), soci::into(case_id), soci::into(request.value, request.indicator),
       soci::into(amount), soci::into(at), soci::into(r.unit_name), soci::into(r.unit_tax_code),
       soci::into(r.payer_name), soci::into(r.payer_id_number), soci::into(r.payer_address),
       soci::into(r.payload), soci::into(r.signature));
  std::vector<app::ReceiptRecord> out;
  if (st.execute(true)) {
    do {
      r.id = id;
      r.number = number;
      r.case_id = case_id;
      r.request_id = request.get();
      r.amount = core::Money::dong(amount);
      r.issued_at = seconds_from_column(at);
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

}  // namespace motcua::adapters::storage
