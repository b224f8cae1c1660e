#include "adapters/storage/sql_counter_payment_repository.h"

#include <soci/soci.h>

#include "adapters/storage/sql_error.h"
#include "adapters/storage/sql_filter.h"
#include "adapters/storage/sql_support.h"

namespace motcua::adapters::storage {
namespace {

constexpr std::int64_t kMaxPageSize = 200;

constexpr const char* kColumns =
    "cp.id, cp.case_id, c.code, cp.method, cp.amount, cp.terminal_id, cp.approval_code,"
    " cp.card_last4, cp.tendered, cp.staff_login, COALESCE(s.full_name, ''), cp.at,"
    " cp.receipt_id";
constexpr const char* kFrom =
    " FROM counter_payments cp JOIN cases c ON c.id = cp.case_id"
    " LEFT JOIN staff s ON s.username = cp.staff_login";

// One row of kColumns, bound by reference.
struct Row {
  long long id = 0, case_id = 0, method = 0, amount = 0, at = 0;
  NullableInt tendered, receipt_id;
  std::string case_code, terminal_id, approval_code, card_last4, staff_login, staff_name;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(case_id));
    st.exchange(soci::into(case_code));
    st.exchange(soci::into(method));
    st.exchange(soci::into(amount));
    st.exchange(soci::into(terminal_id));
    st.exchange(soci::into(approval_code));
    st.exchange(soci::into(card_last4));
    st.exchange(soci::into(tendered.value, tendered.indicator));
    st.exchange(soci::into(staff_login));
    st.exchange(soci::into(staff_name));
    st.exchange(soci::into(at));
    st.exchange(soci::into(receipt_id.value, receipt_id.indicator));
  }

  app::CounterPaymentRecord record() const {
    app::CounterPaymentRecord p;
    p.id = id;
    p.case_id = case_id;
    p.case_code = case_code;
    p.method = static_cast<core::PaymentMethod>(method);
    p.amount = core::Money::dong(amount);
    p.terminal_id = terminal_id;
    p.approval_code = approval_code;
    p.card_last4 = card_last4;
    if (auto t = tendered.get()) p.tendered = core::Money::dong(*t);
    p.staff_login = staff_login;
    p.staff_name = staff_name;
    p.at = seconds_from_column(at);
    p.receipt_id = receipt_id.get();
    return p;
  }
};

SqlFilter where_of(const app::CounterPaymentQuery& q) {
  SqlFilter w;
  if (q.method) w.add("cp.method = ?", {static_cast<long long>(*q.method)});
  if (q.from) w.add("cp.at >= ?", {to_column(*q.from)});
  if (q.until) w.add("cp.at < ?", {to_column(*q.until)});
  if (!q.terminal_id.empty()) w.add("cp.terminal_id = ?", {q.terminal_id});
  if (!q.staff_login.empty()) w.add("cp.staff_login = ?", {q.staff_login});
  if (!q.case_code.empty()) w.add("c.code = ?", {q.case_code});
  if (!q.agency_root.empty()) {
    std::string below = q.agency_root + ".";
    std::string above = prefix_upper_bound(below);
    w.add(
        "c.receiving_agency_code = ? OR (c.receiving_agency_code >= ? AND"
        " c.receiving_agency_code < ?) OR c.processing_agency_code = ? OR"
        " (c.processing_agency_code >= ? AND c.processing_agency_code < ?)",
        {q.agency_root, below, above, q.agency_root, below, above});
  }
  if (q.assigned_staff_id) {
    w.add("c.assigned_staff_id = ?", {static_cast<long long>(*q.assigned_staff_id)});
  }
  return w;
}

}  // namespace

SqlCounterPaymentRepository::SqlCounterPaymentRepository(soci::session& session, Engine)
    : session_(session) {}

SqlCounterPaymentRepository::~SqlCounterPaymentRepository() = default;

core::Result<std::int64_t> SqlCounterPaymentRepository::insert(
    const app::CounterPaymentRecord& payment) {
  return guarded("storing a counter payment", [&]() -> core::Result<std::int64_t> {
    long long case_id = payment.case_id, method = static_cast<long long>(payment.method);
    long long amount = payment.amount.in_dong(), at = to_column(payment.at), id = 0;
    NullableInt tendered;
    tendered.set(payment.tendered ? std::optional<long long>(payment.tendered->in_dong())
                                  : std::nullopt);
    session_ << "INSERT INTO counter_payments (case_id, method, amount, terminal_id,"
                " approval_code, card_last4, tendered, staff_login, at, receipt_id) VALUES (:c,"
                " :m, :a, :t, :ap, :l4, :td, :s, :at, NULL) RETURNING id",
        soci::use(case_id), soci::use(method), soci::use(amount), soci::use(payment.terminal_id),
        soci::use(payment.approval_code), soci::use(payment.card_last4),
        soci::use(tendered.value, tendered.indicator), soci::use(payment.staff_login),
        soci::use(at), soci::into(id);
    for (const app::CounterPaymentLine& line : payment.lines) {
      long long line_id = line.fee_line_id, line_amount = line.amount.in_dong();
      session_ << "INSERT INTO counter_payment_lines (counter_payment_id, fee_line_id, amount)"
                  " VALUES (:p, :l, :a)",
          soci::use(id), soci::use(line_id), soci::use(line_amount);
    }
    return std::int64_t{id};
  });
}

core::Status SqlCounterPaymentRepository::attach_receipt(std::int64_t payment_id,
                                                         std::int64_t receipt_id) {
  return guarded("linking a counter payment to its receipt", [&]() -> core::Status {
    long long id = payment_id, receipt = receipt_id;
    soci::statement st = (session_.prepare << "UPDATE counter_payments SET receipt_id = :r"
                                              " WHERE id = :id AND receipt_id IS NULL",
                          soci::use(receipt), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      return core::Error{core::ErrorKind::kConflict,
                         "counter payment " + std::to_string(id) + " has a receipt already"};
    }
    return {};
  });
}

void SqlCounterPaymentRepository::load_lines(app::CounterPaymentRecord& payment) {
  long long id = payment.id, line_id = 0, amount = 0;
  soci::statement st = (session_.prepare << "SELECT fee_line_id, amount FROM counter_payment_lines"
                                            " WHERE counter_payment_id = :p ORDER BY fee_line_id",
                        soci::use(id), soci::into(line_id), soci::into(amount));
  payment.lines.clear();
  if (st.execute(true)) {
    do {
      payment.lines.push_back({line_id, core::Money::dong(amount)});
    } while (st.fetch());
  }
}

core::Result<std::vector<app::CounterPaymentRecord>> SqlCounterPaymentRepository::list_for_case(
    std::int64_t case_id) {
  return guarded("listing counter payments",
                 [&]() -> core::Result<std::vector<app::CounterPaymentRecord>> {
                   long long key = case_id;
                   Row row;
                   soci::statement st(session_);
                   st.alloc();
                   row.bind(st);
                   st.exchange(soci::use(key));
                   st.prepare(std::string("SELECT ") + kColumns + kFrom +
                              " WHERE cp.case_id = :c ORDER BY cp.id");
                   st.define_and_bind();
                   std::vector<app::CounterPaymentRecord> out;
                   if (st.execute(true)) {
                     do {
                       out.push_back(row.record());
                     } while (st.fetch());
                   }
                   for (app::CounterPaymentRecord& p : out) load_lines(p);
                   return out;
                 });
}

core::Result<app::CounterPaymentPage> SqlCounterPaymentRepository::search(
    const app::CounterPaymentQuery& query) {
  if (query.page < 1) return core::invalid_input("page numbers start at 1");
  if (query.page_size < 1 || query.page_size > kMaxPageSize) {
    return core::invalid_input("page size must be 1 to " + std::to_string(kMaxPageSize));
  }
  return guarded("searching counter payments", [&]() -> core::Result<app::CounterPaymentPage> {
    app::CounterPaymentPage page;
    {
      SqlFilter where = where_of(query);
      long long count = 0, sum = 0;
      soci::statement st(session_);
      st.alloc();
      st.exchange(soci::into(count));
      st.exchange(soci::into(sum));
      where.bind(st);
      st.prepare(std::string("SELECT COUNT(*), CAST(COALESCE(SUM(cp.amount), 0) AS BIGINT)") +
                 kFrom + where.where());
      st.define_and_bind();
      st.execute(true);
      page.total = count;
      page.total_amount = core::Money::dong(sum);
    }
    SqlFilter where = where_of(query);
    long long limit = query.page_size, offset = (query.page - 1) * query.page_size;
    Row row;
    soci::statement st(session_);
    st.alloc();
    row.bind(st);
    where.bind(st);
    st.exchange(soci::use(limit));
    st.exchange(soci::use(offset));
    st.prepare(std::string("SELECT ") + kColumns + kFrom + where.where() +
               " ORDER BY cp.at DESC, cp.id DESC LIMIT :lim OFFSET :off");
    st.define_and_bind();
    if (st.execute(true)) {
      do {
        page.items.push_back(row.record());
      } while (st.fetch());
    }
    return page;
  });
}

}  // namespace motcua::adapters::storage
