#include "adapters/storage/sql_case_repository.h"

#include <soci/soci.h>

#include <deque>
#include <set>

#include "adapters/storage/case_event_rows.h"
#include "adapters/storage/case_row.h"
#include "adapters/storage/sql_error.h"
#include "core/vietnamese_text.h"

namespace motcua::adapters::storage {
namespace {

// Longest name-search term kept, in bytes; longer suffixes are cut at a character boundary.
constexpr size_t kMaxTermBytes = 64;

struct BindInto {
  void operator()(soci::statement& st, long long& v) const { st.exchange(soci::into(v)); }
  void operator()(soci::statement& st, std::string& v) const { st.exchange(soci::into(v)); }
  void operator()(soci::statement& st, NullableInt& v) const {
    st.exchange(soci::into(v.value, v.indicator));
  }
};

struct BindUse {
  void operator()(soci::statement& st, long long& v) const { st.exchange(soci::use(v)); }
  void operator()(soci::statement& st, std::string& v) const { st.exchange(soci::use(v)); }
  void operator()(soci::statement& st, NullableInt& v) const {
    st.exchange(soci::use(v.value, v.indicator));
  }
};

// ":v0, :v1, ..." for the 25 case columns.
std::string case_placeholders() {
  std::string out;
  for (int i = 0; i < 25; ++i) out += (i ? ", :v" : ":v") + std::to_string(i);
  return out;
}

std::string cut_at_char_boundary(std::string text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text;
}

// Every word-suffix of the folded names ("vo dang ngoc gia", "dang ngoc gia", ...).
core::Result<std::set<std::string>> name_terms(const core::CaseRecord& c) {
  std::set<std::string> terms;
  for (const std::string* name : {&c.submitter.name, &c.owner.name}) {
    core::Result<std::string> key = core::search_key(*name);
    if (!key.ok()) return key.error();
    const std::string& k = key.value();
    for (size_t start = 0; start < k.size();) {
      terms.insert(cut_at_char_boundary(k.substr(start), kMaxTermBytes));
      size_t space = k.find(' ', start);
      if (space == std::string::npos) break;
      start = space + 1;
    }
  }
  return terms;
}

}  // namespace

struct SqlCaseRepository::Statements {
  explicit Statements(soci::session& s)
      : insert_case(s),
        select_by_id(s),
        select_by_code(s),
        insert_fee_line(s),
        select_fee_lines(s),
        insert_term(s) {
    insert_case.alloc();
    bind_case_columns(insert_case, row, BindUse{});
    insert_case.exchange(soci::into(row.id));
    insert_case.prepare(std::string("INSERT INTO cases (") + kCaseColumns + ") VALUES (" +
                        case_placeholders() + ") RETURNING id");
    insert_case.define_and_bind();

    prepare_select(select_by_id, "id = :id", [&] { select_by_id.exchange(soci::use(key_id)); });
    prepare_select(select_by_code, "code = :code",
                   [&] { select_by_code.exchange(soci::use(key_code)); });

    insert_fee_line.alloc();
    insert_fee_line.exchange(soci::use(line_case_id));
    insert_fee_line.exchange(soci::use(line_position));
    insert_fee_line.exchange(soci::use(line_name));
    insert_fee_line.exchange(soci::use(line_description));
    insert_fee_line.exchange(soci::use(line_quantity));
    insert_fee_line.exchange(soci::use(line_unit_amount));
    insert_fee_line.exchange(soci::use(line_amount));
    insert_fee_line.exchange(soci::use(line_paid));
    insert_fee_line.exchange(soci::use(line_method.value, line_method.indicator));
    insert_fee_line.exchange(soci::into(line_id));
    insert_fee_line.prepare(
        "INSERT INTO fee_lines (case_id, position, name, description, quantity, unit_amount,"
        " amount, paid, method) VALUES (:c, :p, :n, :d, :q, :u, :a, :paid, :m) RETURNING id");
    insert_fee_line.define_and_bind();

    select_fee_lines.alloc();
    select_fee_lines.exchange(soci::into(line_id));
    select_fee_lines.exchange(soci::into(line_name));
    select_fee_lines.exchange(soci::into(line_description));
    select_fee_lines.exchange(soci::into(line_quantity));
    select_fee_lines.exchange(soci::into(line_unit_amount));
    select_fee_lines.exchange(soci::into(line_amount));
    select_fee_lines.exchange(soci::into(line_paid));
    select_fee_lines.exchange(soci::into(line_method.value, line_method.indicator));
    select_fee_lines.exchange(soci::into(line_paid_at.value, line_paid_at.indicator));
    select_fee_lines.exchange(soci::into(line_request_id.value, line_request_id.indicator));
    select_fee_lines.exchange(soci::into(line_provider_transaction_id));
    select_fee_lines.exchange(soci::into(line_receipt_id.value, line_receipt_id.indicator));
    select_fee_lines.exchange(soci::use(line_case_id));
    select_fee_lines.prepare(
        "SELECT id, name, description, quantity, unit_amount, amount, paid, method, paid_at,"
        " payment_request_id, provider_transaction_id, receipt_id"
        " FROM fee_lines WHERE case_id = :c ORDER BY position, id");
    select_fee_lines.define_and_bind();

    insert_term.alloc();
    insert_term.exchange(soci::use(term));
    insert_term.exchange(soci::use(term_case_id));
    insert_term.prepare(
        "INSERT INTO case_name_terms (term, case_id) VALUES (:t, :c) ON CONFLICT DO NOTHING");
    insert_term.define_and_bind();
  }

  template <typename BindKey>
  void prepare_select(soci::statement& st, const std::string& where, BindKey bind_key) {
    st.alloc();
    st.exchange(soci::into(row.id));
    bind_case_columns(st, row, BindInto{});
    bind_key();
    st.prepare(std::string("SELECT id, ") + kCaseColumns + " FROM cases WHERE " + where);
    st.define_and_bind();
  }

  core::Status insert_terms(const core::CaseRecord& record, long long case_id) {
    core::Result<std::set<std::string>> terms = name_terms(record);
    if (!terms.ok()) return terms.error();
    term_case_id = case_id;
    for (const std::string& t : terms.value()) {
      term = t;
      insert_term.execute(true);
      finish(insert_term);
    }
    return {};
  }

  std::vector<core::FeeLine> fee_lines_of(long long case_id) {
    line_case_id = case_id;
    select_fee_lines.execute();
    std::vector<core::FeeLine> lines;
    while (select_fee_lines.fetch()) {
      core::FeeLine line;
      line.id = line_id;
      line.name = line_name;
      line.description = line_description;
      line.quantity = line_quantity;
      line.unit_amount = core::Money::dong(line_unit_amount);
      line.amount = core::Money::dong(line_amount);
      line.paid = line_paid != 0;
      if (line_method.get()) line.method = static_cast<core::PaymentMethod>(line_method.value);
      if (line_paid_at.get()) line.paid_at = seconds_from_column(line_paid_at.value);
      if (line_request_id.get()) line.payment_request_id = line_request_id.value;
      line.provider_transaction_id = line_provider_transaction_id;
      if (line_receipt_id.get()) line.receipt_id = line_receipt_id.value;
      lines.push_back(std::move(line));
    }
    return lines;
  }

  CaseRow row;
  long long key_id = 0;
  std::string key_code;
  long long line_case_id = 0, line_position = 0, line_quantity = 0, line_unit_amount = 0;
  long long line_amount = 0, line_paid = 0, line_id = 0;
  std::string line_name, line_description;
  NullableInt line_method, line_paid_at, line_request_id, line_receipt_id;
  std::string line_provider_transaction_id;
  std::string term;
  long long term_case_id = 0;

  soci::statement insert_case;
  soci::statement select_by_id;
  soci::statement select_by_code;
  soci::statement insert_fee_line;
  soci::statement select_fee_lines;
  soci::statement insert_term;
};

SqlCaseRepository::SqlCaseRepository(soci::session& session, Engine engine)
    : session_(session), engine_(engine) {}

SqlCaseRepository::~SqlCaseRepository() = default;

core::Result<std::int64_t> SqlCaseRepository::insert(const core::CaseRecord& record) {
  return guarded("storing case " + record.code, [&]() -> core::Result<std::int64_t> {
    if (!statements_) statements_ = std::make_unique<Statements>(session_);
    Statements& s = *statements_;
    s.row.assign(record);
    s.row.version = 1;
    s.insert_case.execute(true);
    long long case_id = s.row.id;
    finish(s.insert_case);
    long long position = 0;
    for (const core::FeeLine& line : record.fee_lines) {
      s.line_case_id = case_id;
      s.line_position = ++position;
      s.line_name = line.name;
      s.line_description = line.description;
      s.line_quantity = line.quantity;
      s.line_unit_amount = line.unit_amount.in_dong();
      s.line_amount = line.amount.in_dong();
      s.line_paid = line.paid ? 1 : 0;
      s.line_method.set(line.method ? std::optional<long long>(static_cast<long long>(*line.method))
                                    : std::nullopt);
      s.insert_fee_line.execute(true);
      finish(s.insert_fee_line);
    }
    if (core::Status terms = s.insert_terms(record, case_id); !terms.ok()) return terms.error();
    return std::int64_t{case_id};
  });
}

core::Result<std::optional<core::CaseRecord>> SqlCaseRepository::find(bool by_id, std::int64_t id,
                                                                      std::string_view code) {
  return guarded("reading a case", [&]() -> core::Result<std::optional<core::CaseRecord>> {
    if (!statements_) statements_ = std::make_unique<Statements>(session_);
    Statements& s = *statements_;
    s.key_id = id;
    s.key_code = std::string(code);
    soci::statement& st = by_id ? s.select_by_id : s.select_by_code;
    if (!st.execute(true)) return std::optional<core::CaseRecord>();
    core::CaseRecord record = s.row.to_record();
    finish(st);
    record.fee_lines = s.fee_lines_of(record.id);
    return std::optional<core::CaseRecord>(std::move(record));
  });
}

core::Result<std::optional<core::CaseRecord>> SqlCaseRepository::find_by_code(
    std::string_view code) {
  return find(false, 0, code);
}

core::Result<std::optional<core::CaseRecord>> SqlCaseRepository::find_by_id(std::int64_t id) {
  return find(true, id, "");
}

core::Status SqlCaseRepository::update(const core::CaseRecord& record) {
  return guarded("updating case " + record.code, [&]() -> core::Status {
    CaseRow row;
    row.assign(record);
    long long expected_version = record.version;
    long long id = record.id;
    row.version = expected_version + 1;
    soci::statement st(session_);
    st.alloc();
    bind_case_columns(st, row, BindUse{});
    st.exchange(soci::use(id));
    st.exchange(soci::use(expected_version));
    std::string code_check = record.code;
    st.exchange(soci::use(code_check));
    std::string assignments;
    std::string columns = kCaseColumns;
    int index = 0;
    for (size_t start = 0; start < columns.size();) {
      size_t comma = columns.find(',', start);
      std::string column =
          columns.substr(start, comma == std::string::npos ? comma : comma - start);
      column.erase(0, column.find_first_not_of(' '));
      assignments += (index ? ", " : "") + column + " = :v" + std::to_string(index);
      ++index;
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    // The code is bound like every column but must not change: it is part of the WHERE.
    st.prepare("UPDATE cases SET " + assignments +
               " WHERE id = :id AND version = :expected AND code = :code_check");
    st.define_and_bind();
    st.execute(true);
    if (st.get_affected_rows() == 1) {
      session_ << "DELETE FROM case_name_terms WHERE case_id = :c", soci::use(id);
      if (!statements_) statements_ = std::make_unique<Statements>(session_);
      return statements_->insert_terms(record, id);
    }
    long long stored_version = 0;
    std::string stored_code;
    session_ << "SELECT version, code FROM cases WHERE id = :id", soci::use(id),
        soci::into(stored_version), soci::into(stored_code);
    if (!session_.got_data()) {
      return core::Error{core::ErrorKind::kNotFound, "there is no case " + record.code};
    }
    if (stored_code != record.code) {
      return core::invalid_input("a case code is never changed (" + stored_code + ")");
    }
    return core::Error{core::ErrorKind::kConflict,
                       "case " + record.code + " was changed by someone else (version " +
                           std::to_string(stored_version) + ", not " +
                           std::to_string(expected_version) + "); reload it"};
  });
}

core::Status SqlCaseRepository::mark_fee_line_paid(std::int64_t fee_line_id,
                                                   core::PaymentMethod method) {
  return guarded("marking a fee line paid", [&]() -> core::Status {
    long long id = fee_line_id;
    long long method_code = static_cast<long long>(method);
    soci::statement st = (session_.prepare << "UPDATE fee_lines SET paid = 1, method = :m"
                                              " WHERE id = :id AND paid = 0",
                          soci::use(method_code), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() == 1) return {};
    long long exists = 0;
    session_ << "SELECT COUNT(*) FROM fee_lines WHERE id = :id", soci::use(id), soci::into(exists);
    if (exists == 0) {
      return core::Error{core::ErrorKind::kNotFound, "there is no fee line " + std::to_string(id)};
    }
    return core::Error{core::ErrorKind::kConflict,
                       "fee line " + std::to_string(id) + " is already paid"};
  });
}

core::Status SqlCaseRepository::append_event(std::int64_t case_id, std::string_view case_code,
                                             std::string_view kind, std::chrono::sys_seconds at) {
  return guarded("recording a case event", [&]() -> core::Status {
    insert_case_event(session_, engine_, case_id, case_code, kind, at);
    return {};
  });
}

}  // namespace motcua::adapters::storage
