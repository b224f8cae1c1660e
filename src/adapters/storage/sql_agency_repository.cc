#include "adapters/storage/sql_agency_repository.h"

#include "adapters/storage/sql_error.h"
#include "adapters/storage/sql_support.h"

namespace motcua::adapters::storage {

SqlAgencyRepository::SqlAgencyRepository(soci::session& session, Engine) : session_(session) {}

core::Status SqlAgencyRepository::save(const core::Agency& a) {
  return guarded("saving agency " + a.code, [&]() -> core::Status {
    long long valid_from = to_column(a.valid_from);
    NullableInt valid_until;
    if (a.valid_until) valid_until.set(to_column(*a.valid_until));
    std::string successor = a.successor_code.value_or("");
    soci::indicator successor_ind = a.successor_code ? soci::i_ok : soci::i_null;
    session_ << "INSERT INTO agencies (code, name, parent_code, valid_from, valid_until,"
                " successor_code, tax_code, bank_bin, bank_account, receipt_form_symbol,"
                " receipt_series, case_code_pattern) VALUES (:code, :name, :parent, :vf, :vu,"
                " :succ, :tax, :bin, :acct, :form, :series, :pattern)"
                " ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
                " parent_code = excluded.parent_code, valid_from = excluded.valid_from,"
                " valid_until = excluded.valid_until, successor_code = excluded.successor_code,"
                " tax_code = excluded.tax_code, bank_bin = excluded.bank_bin,"
                " bank_account = excluded.bank_account,"
                " receipt_form_symbol = excluded.receipt_form_symbol,"
                " receipt_series = excluded.receipt_series,"
                " case_code_pattern = excluded.case_code_pattern",
        soci::use(a.code), soci::use(a.name), soci::use(a.parent_code), soci::use(valid_from),
        soci::use(valid_until.value, valid_until.indicator), soci::use(successor, successor_ind),
        soci::use(a.tax_code), soci::use(a.bank_bin), soci::use(a.bank_account),
        soci::use(a.receipt_form_symbol), soci::use(a.receipt_series),
        soci::use(a.case_code_pattern);
    return {};
  });
}

core::Result<std::vector<core::Agency>> SqlAgencyRepository::select(const std::string& where,
                                                                    const std::string& key) {
  return guarded("reading agencies", [&]() -> core::Result<std::vector<core::Agency>> {
    core::Agency a;
    long long valid_from = 0;
    NullableInt valid_until;
    std::string successor;
    soci::indicator successor_ind = soci::i_null;
    soci::statement st(session_);
    st.exchange(soci::into(a.code));
    st.exchange(soci::into(a.name));
    st.exchange(soci::into(a.parent_code));
    st.exchange(soci::into(valid_from));
    st.exchange(soci::into(valid_until.value, valid_until.indicator));
    st.exchange(soci::into(successor, successor_ind));
    st.exchange(soci::into(a.tax_code));
    st.exchange(soci::into(a.bank_bin));
    st.exchange(soci::into(a.bank_account));
    st.exchange(soci::into(a.receipt_form_symbol));
    st.exchange(soci::into(a.receipt_series));
    st.exchange(soci::into(a.case_code_pattern));
    if (!where.empty()) st.exchange(soci::use(key));
    st.alloc();
    st.prepare(
        "SELECT code, name, parent_code, valid_from, valid_until, successor_code, tax_code,"
        " bank_bin, bank_account, receipt_form_symbol, receipt_series, case_code_pattern"
        " FROM agencies " +
        where + " ORDER BY code");
    st.define_and_bind();
    st.execute();
    std::vector<core::Agency> out;
    while (st.fetch()) {
      a.valid_from = days_from_column(valid_from);
      a.valid_until =
          valid_until.get() ? std::optional(days_from_column(valid_until.value)) : std::nullopt;
      a.successor_code =
          successor_ind == soci::i_ok ? std::optional<std::string>(successor) : std::nullopt;
      out.push_back(a);
    }
    return out;
  });
}

core::Result<std::optional<core::Agency>> SqlAgencyRepository::find(std::string_view code) {
  core::Result<std::vector<core::Agency>> rows = select("WHERE code = :c", std::string(code));
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<core::Agency>();
  return std::optional<core::Agency>(rows->front());
}

core::Result<std::vector<core::Agency>> SqlAgencyRepository::list() { return select("", ""); }

}  // namespace motcua::adapters::storage
