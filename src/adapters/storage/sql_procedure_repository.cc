#include "adapters/storage/sql_procedure_repository.h"

#include <soci/soci.h>

#include "adapters/storage/sql_error.h"
#include "adapters/storage/sql_filter.h"
#include "adapters/storage/sql_support.h"
#include "core/vietnamese_text.h"

namespace motcua::adapters::storage {
namespace {

// LIKE pattern for "contains `text`", with LIKE's own wildcards escaped.
std::string contains_pattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

}  // namespace

SqlProcedureRepository::SqlProcedureRepository(soci::session& session, Engine)
    : session_(session) {}

core::Status SqlProcedureRepository::save(const core::Procedure& p) {
  core::Result<std::string> key = core::search_key(p.name);
  if (!key.ok()) return key.error();
  return guarded("saving procedure " + p.code, [&]() -> core::Status {
    long long days = p.processing_days;
    long long confirmed = p.confirmed ? 1 : 0;
    long long online = p.online ? 1 : 0;
    long long up_front = p.fees_up_front ? 1 : 0;
    session_ << "INSERT INTO procedures (code, name, search_key, field, level, processing_days,"
                " legal_basis, source, confirmed, implementing_agency, online, fees_up_front)"
                " VALUES (:c, :n, :k, :f, :l, :d, :b, :s, :x, :a, :o, :u)"
                " ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
                " search_key = excluded.search_key, field = excluded.field,"
                " level = excluded.level, processing_days = excluded.processing_days,"
                " legal_basis = excluded.legal_basis, source = excluded.source,"
                " confirmed = excluded.confirmed,"
                " implementing_agency = excluded.implementing_agency,"
                " online = excluded.online, fees_up_front = excluded.fees_up_front",
        soci::use(p.code), soci::use(p.name), soci::use(key.value()), soci::use(p.field),
        soci::use(p.level), soci::use(days), soci::use(p.legal_basis), soci::use(p.source),
        soci::use(confirmed), soci::use(p.implementing_agency), soci::use(online),
        soci::use(up_front);
    session_ << "DELETE FROM procedure_documents WHERE procedure_code = :c", soci::use(p.code);
    long long document_position = 0;
    for (const core::ProcedureDocument& d : p.documents) {
      long long originals = d.originals, copies = d.copies, required = d.required ? 1 : 0;
      ++document_position;
      session_ << "INSERT INTO procedure_documents (procedure_code, position, name, originals,"
                  " copies, required) VALUES (:c, :p, :n, :o, :k, :r)",
          soci::use(p.code), soci::use(document_position), soci::use(d.name), soci::use(originals),
          soci::use(copies), soci::use(required);
    }
    session_ << "DELETE FROM procedure_fees WHERE procedure_code = :c", soci::use(p.code);
    long long position = 0;
    for (const core::ProcedureFee& fee : p.fees) {
      NullableInt cap;
      if (fee.item.cap_per_set) cap.set(fee.item.cap_per_set->in_dong());
      NullableInt valid_until;
      if (fee.valid_until) valid_until.set(to_column(*fee.valid_until));
      long long valid_from = to_column(fee.valid_from);
      long long fee_id = 0;
      ++position;
      session_ << "INSERT INTO procedure_fees (procedure_code, position, name, unit, cap_per_set,"
                  " valid_from, valid_until, legal_basis) VALUES (:c, :p, :n, :u, :cap, :vf,"
                  " :vu, :b) RETURNING id",
          soci::use(p.code), soci::use(position), soci::use(fee.item.name),
          soci::use(fee.item.unit), soci::use(cap.value, cap.indicator), soci::use(valid_from),
          soci::use(valid_until.value, valid_until.indicator), soci::use(fee.legal_basis),
          soci::into(fee_id);
      for (const core::FeeTier& tier : fee.item.tiers) {
        long long from_unit = tier.from_unit;
        long long amount = tier.unit_amount.in_dong();
        session_ << "INSERT INTO procedure_fee_tiers (fee_id, from_unit, unit_amount,"
                    " description) VALUES (:f, :u, :a, :d)",
            soci::use(fee_id), soci::use(from_unit), soci::use(amount), soci::use(tier.description);
      }
    }
    return {};
  });
}

core::Status SqlProcedureRepository::load_documents(core::Procedure& p) {
  core::ProcedureDocument d;
  long long originals = 0, copies = 0, required = 0;
  soci::statement st =
      (session_.prepare << "SELECT name, originals, copies, required FROM procedure_documents"
                           " WHERE procedure_code = :c ORDER BY position",
       soci::use(p.code), soci::into(d.name), soci::into(originals), soci::into(copies),
       soci::into(required));
  st.execute();
  p.documents.clear();
  while (st.fetch()) {
    d.originals = originals;
    d.copies = copies;
    d.required = required != 0;
    p.documents.push_back(d);
  }
  return {};
}

core::Status SqlProcedureRepository::load_fees(core::Procedure& p) {
  long long fee_id = 0, valid_from = 0;
  NullableInt cap, valid_until;
  core::ProcedureFee fee;
  std::vector<std::pair<long long, core::ProcedureFee>> fees;
  soci::statement fees_st =
      (session_.prepare << "SELECT id, name, unit, cap_per_set, valid_from, valid_until,"
                           " legal_basis FROM procedure_fees WHERE procedure_code = :c"
                           " ORDER BY position",
       soci::use(p.code), soci::into(fee_id), soci::into(fee.item.name), soci::into(fee.item.unit),
       soci::into(cap.value, cap.indicator), soci::into(valid_from),
       soci::into(valid_until.value, valid_until.indicator), soci::into(fee.legal_basis));
  fees_st.execute();
  while (fees_st.fetch()) {
    fee.item.cap_per_set = cap.get() ? std::optional(core::Money::dong(cap.value)) : std::nullopt;
    fee.valid_from = days_from_column(valid_from);
    fee.valid_until =
        valid_until.get() ? std::optional(days_from_column(valid_until.value)) : std::nullopt;
    fees.emplace_back(fee_id, fee);
  }
  for (auto& [id, f] : fees) {
    long long from_unit = 0, amount = 0;
    std::string description;
    soci::statement tiers_st =
        (session_.prepare << "SELECT from_unit, unit_amount, description"
                             " FROM procedure_fee_tiers WHERE fee_id = :f"
                             " ORDER BY from_unit",
         soci::use(id), soci::into(from_unit), soci::into(amount), soci::into(description));
    tiers_st.execute();
    f.item.tiers.clear();
    while (tiers_st.fetch()) {
      f.item.tiers.push_back({from_unit, core::Money::dong(amount), description});
    }
    p.fees.push_back(std::move(f));
  }
  return {};
}

// The procedures' own columns, in the order read_rows binds them.
constexpr const char* kProcedureColumns =
    "SELECT code, name, field, level, processing_days, legal_basis, source, confirmed,"
    " implementing_agency, online, fees_up_front FROM procedures";

core::Result<std::vector<core::Procedure>> SqlProcedureRepository::read_rows(
    SqlFilter& filter, const std::string& tail, std::vector<long long> tail_values) {
  core::Procedure p;
  long long days = 0, confirmed = 0, online = 0, up_front = 0;
  soci::statement st(session_);
  st.alloc();
  st.exchange(soci::into(p.code));
  st.exchange(soci::into(p.name));
  st.exchange(soci::into(p.field));
  st.exchange(soci::into(p.level));
  st.exchange(soci::into(days));
  st.exchange(soci::into(p.legal_basis));
  st.exchange(soci::into(p.source));
  st.exchange(soci::into(confirmed));
  st.exchange(soci::into(p.implementing_agency));
  st.exchange(soci::into(online));
  st.exchange(soci::into(up_front));
  filter.bind(st);
  for (long long& value : tail_values) st.exchange(soci::use(value));
  st.prepare(std::string(kProcedureColumns) + filter.where() + tail);
  st.define_and_bind();
  st.execute();
  std::vector<core::Procedure> out;
  while (st.fetch()) {
    p.processing_days = days;
    p.confirmed = confirmed != 0;
    p.online = online != 0;
    p.fees_up_front = up_front != 0;
    out.push_back(p);
  }
  return out;
}

// The criteria of `query` as a WHERE clause. The text matches the name's search key (case and
// diacritics folded) or the code as typed.
core::Result<SqlFilter> procedure_filter(const app::ProcedureQuery& query) {
  SqlFilter f;
  if (!query.text.empty()) {
    core::Result<std::string> key = core::search_key(query.text);
    if (!key.ok()) return key.error();
    f.add("search_key LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\'",
          {contains_pattern(key.value()), contains_pattern(query.text)});
  }
  if (!query.field.empty()) f.add("field = ?", {query.field});
  if (query.fields_given || !query.fields.empty()) {
    if (query.fields.empty()) {
      f.add("1 = 0", {});
    } else {
      std::string any;
      std::vector<SqlFilter::Value> values;
      for (const std::string& field : query.fields) {
        any += any.empty() ? "?" : ", ?";
        values.emplace_back(field);
      }
      f.add("field IN (" + any + ")", values);
    }
  }
  if (!query.level.empty()) {
    std::string prefix = contains_pattern(query.level + " (");
    f.add("level = ? OR level LIKE ? ESCAPE '\\'", {query.level, prefix.substr(1)});
  }
  if (query.online_only) f.add("online = 1", {});
  return f;
}

core::Result<std::vector<core::Procedure>> SqlProcedureRepository::search(std::string_view text,
                                                                          std::string_view field,
                                                                          std::int64_t limit) {
  core::Result<SqlFilter> filter =
      procedure_filter({.text = std::string(text), .field = std::string(field)});
  if (!filter.ok()) return filter.error();
  return guarded("searching procedures", [&]() -> core::Result<std::vector<core::Procedure>> {
    core::Result<std::vector<core::Procedure>> out =
        read_rows(filter.value(), " ORDER BY code LIMIT :l", {limit});
    if (!out.ok()) return out.error();
    for (core::Procedure& procedure : out.value()) {
      if (core::Status loaded = load_fees(procedure); !loaded.ok()) return loaded.error();
      if (core::Status loaded = load_documents(procedure); !loaded.ok()) return loaded.error();
    }
    return out;
  });
}

core::Result<app::ProcedurePage> SqlProcedureRepository::page(const app::ProcedureQuery& query) {
  if (query.offset < 0) return core::invalid_input("a page starts at offset 0 or later");
  if (query.limit < 1 || query.limit > 100) return core::invalid_input("a page has 1-100 rows");
  core::Result<SqlFilter> filter = procedure_filter(query);
  if (!filter.ok()) return filter.error();
  return guarded("paging procedures", [&]() -> core::Result<app::ProcedurePage> {
    app::ProcedurePage page;
    long long total = 0;
    soci::statement count(session_);
    count.alloc();
    count.exchange(soci::into(total));
    filter.value().bind(count);
    count.prepare("SELECT COUNT(*) FROM procedures" + filter.value().where());
    count.define_and_bind();
    count.execute(true);
    page.total = total;
    if (query.offset >= total) return page;
    core::Result<std::vector<core::Procedure>> rows =
        read_rows(filter.value(), " ORDER BY code LIMIT :l OFFSET :o", {query.limit, query.offset});
    if (!rows.ok()) return rows.error();
    page.items = std::move(rows).value();
    return page;
  });
}

core::Result<std::vector<std::string>> SqlProcedureRepository::list_levels() {
  return guarded("listing levels", [&]() -> core::Result<std::vector<std::string>> {
    std::string level;
    soci::statement st =
        (session_.prepare << "SELECT DISTINCT level FROM procedures ORDER BY level",
         soci::into(level));
    st.execute();
    std::vector<std::string> out;
    while (st.fetch()) out.push_back(level);
    return out;
  });
}

core::Result<std::optional<core::Procedure>> SqlProcedureRepository::find(std::string_view code) {
  return guarded("reading procedure", [&]() -> core::Result<std::optional<core::Procedure>> {
    core::Procedure p;
    std::string key(code);
    long long days = 0, confirmed = 0, online = 0, up_front = 0;
    session_ << "SELECT code, name, field, level, processing_days, legal_basis, source, confirmed,"
                " implementing_agency, online, fees_up_front FROM procedures WHERE code = :c",
        soci::use(key), soci::into(p.code), soci::into(p.name), soci::into(p.field),
        soci::into(p.level), soci::into(days), soci::into(p.legal_basis), soci::into(p.source),
        soci::into(confirmed), soci::into(p.implementing_agency), soci::into(online),
        soci::into(up_front);
    if (!session_.got_data()) return std::optional<core::Procedure>();
    p.processing_days = days;
    p.confirmed = confirmed != 0;
    p.online = online != 0;
    p.fees_up_front = up_front != 0;
    if (core::Status loaded = load_fees(p); !loaded.ok()) return loaded.error();
    if (core::Status loaded = load_documents(p); !loaded.ok()) return loaded.error();
    return std::optional<core::Procedure>(std::move(p));
  });
}

core::Result<std::vector<app::ProcedureName>> SqlProcedureRepository::list_names(
    std::int64_t limit) {
  return guarded("listing procedure names", [&]() -> core::Result<std::vector<app::ProcedureName>> {
    app::ProcedureName row;
    long long max_rows = limit;
    soci::statement st = (session_.prepare << "SELECT code, name FROM procedures ORDER BY code"
                                              " LIMIT :l",
                          soci::use(max_rows), soci::into(row.code), soci::into(row.name));
    st.execute();
    std::vector<app::ProcedureName> out;
    while (st.fetch()) out.push_back(row);
    return out;
  });
}

core::Result<std::vector<std::string>> SqlProcedureRepository::list_fields() {
  return guarded("listing fields", [&]() -> core::Result<std::vector<std::string>> {
    std::string field;
    soci::statement st =
        (session_.prepare << "SELECT DISTINCT field FROM procedures ORDER BY field",
         soci::into(field));
    st.execute();
    std::vector<std::string> out;
    while (st.fetch()) out.push_back(field);
    return out;
  });
}

}  // namespace motcua::adapters::storage
