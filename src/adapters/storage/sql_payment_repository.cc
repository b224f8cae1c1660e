#include "adapters/storage/sql_payment_repository.h"

#include <soci/soci.h>

#include <functional>

#include "adapters/storage/case_event_rows.h"
#include "adapters/storage/sql_error.h"
#include "adapters/storage/sql_support.h"
#include "app/case_events.h"

namespace motcua::adapters::storage {
namespace {

using core::PaymentState;

constexpr const char* kRequestColumns =
    "r.id, r.case_id, c.code, r.gateway, r.reference, r.transaction_id, r.amount, r.currency,"
    " r.state, r.payment_url, r.created_at, r.expires_at, r.updated_at, r.settled_at,"
    " r.channel_type, r.channel_code, r.channel_name, r.provider_reference";

// One row of kRequestColumns, bound by reference.
struct RequestRow {
  long long id = 0, case_id = 0, amount = 0, state = 0, created_at = 0, expires_at = 0;
  long long updated_at = 0;
  NullableInt settled_at;
  std::string case_code, gateway, reference, transaction_id, currency, payment_url;
  std::string channel_type, channel_code, channel_name, provider_reference;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(case_id));
    st.exchange(soci::into(case_code));
    st.exchange(soci::into(gateway));
    st.exchange(soci::into(reference));
    st.exchange(soci::into(transaction_id));
    st.exchange(soci::into(amount));
    st.exchange(soci::into(currency));
    st.exchange(soci::into(state));
    st.exchange(soci::into(payment_url));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(expires_at));
    st.exchange(soci::into(updated_at));
    st.exchange(soci::into(settled_at.value, settled_at.indicator));
    st.exchange(soci::into(channel_type));
    st.exchange(soci::into(channel_code));
    st.exchange(soci::into(channel_name));
    st.exchange(soci::into(provider_reference));
  }

  app::PaymentRequestRecord record() const {
    app::PaymentRequestRecord r;
    r.id = id;
    r.case_id = case_id;
    r.case_code = case_code;
    r.gateway = gateway;
    r.reference = reference;
    r.transaction_id = transaction_id;
    r.amount = core::Money::dong(amount);
    r.currency = currency;
    r.state = static_cast<PaymentState>(state);
    r.payment_url = payment_url;
    r.created_at = seconds_from_column(created_at);
    r.expires_at = seconds_from_column(expires_at);
    r.updated_at = seconds_from_column(updated_at);
    if (settled_at.get()) r.settled_at = seconds_from_column(settled_at.value);
    r.channel_type = channel_type;
    r.channel_code = channel_code;
    r.channel_name = channel_name;
    r.provider_reference = provider_reference;
    return r;
  }
};

std::string join_ids(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (std::int64_t id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::vector<std::int64_t> split_ids(const std::string& text) {
  std::vector<std::int64_t> out;
  for (size_t start = 0; start < text.size();) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    out.push_back(std::stoll(text.substr(start, comma - start)));
    start = comma + 1;
  }
  return out;
}

long long state_column(PaymentState state) { return static_cast<long long>(state); }

// Runs `sql` with the uses that `bind_uses` adds and collects every request row.
std::vector<app::PaymentRequestRecord> query_requests(
    soci::session& session, const std::string& sql,
    const std::function<void(soci::statement&)>& bind_uses) {
  RequestRow row;
  soci::statement st(session);
  st.alloc();
  row.bind(st);
  bind_uses(st);
  st.prepare(sql);
  st.define_and_bind();
  std::vector<app::PaymentRequestRecord> out;
  if (st.execute(true)) {
    do {
      out.push_back(row.record());
    } while (st.fetch());
  }
  return out;
}

}  // namespace

SqlPaymentRepository::SqlPaymentRepository(soci::session& session, Engine engine)
    : session_(session), engine_(engine) {}

SqlPaymentRepository::~SqlPaymentRepository() = default;

void SqlPaymentRepository::load_lines(app::PaymentRequestRecord& request) {
  long long request_id = request.id;
  long long line_id = 0, amount = 0;
  soci::statement st = (session_.prepare << "SELECT fee_line_id, amount FROM payment_request_lines"
                                            " WHERE request_id = :r ORDER BY fee_line_id",
                        soci::use(request_id), soci::into(line_id), soci::into(amount));
  request.lines.clear();
  if (st.execute(true)) {
    do {
      request.lines.push_back({line_id, core::Money::dong(amount)});
    } while (st.fetch());
  }
}

std::vector<app::PaymentRequestRecord> SqlPaymentRepository::select(const std::string& where,
                                                                    long long key,
                                                                    const std::string& tail) {
  std::vector<app::PaymentRequestRecord> out = query_requests(
      session_,
      std::string("SELECT ") + kRequestColumns +
          " FROM payment_requests r JOIN cases c ON c.id = r.case_id WHERE " + where + tail,
      [&](soci::statement& st) { st.exchange(soci::use(key)); });
  for (app::PaymentRequestRecord& r : out) load_lines(r);
  return out;
}

std::vector<app::PaymentRequestRecord> SqlPaymentRepository::select_text(
    const std::string& where, const std::string& first, const std::string& second) {
  std::vector<app::PaymentRequestRecord> out =
      query_requests(session_,
                     std::string("SELECT ") + kRequestColumns +
                         " FROM payment_requests r JOIN cases c ON c.id = r.case_id WHERE " + where,
                     [&](soci::statement& st) {
                       st.exchange(soci::use(first));
                       if (!second.empty()) st.exchange(soci::use(second));
                     });
  for (app::PaymentRequestRecord& r : out) load_lines(r);
  return out;
}

core::Result<std::int64_t> SqlPaymentRepository::create(const app::PaymentRequestRecord& request) {
  return guarded(
      "storing payment request " + request.reference, [&]() -> core::Result<std::int64_t> {
        long long case_id = request.case_id, amount = request.amount.in_dong();
        long long state = state_column(request.state);
        long long created = to_column(request.created_at);
        long long expires = to_column(request.expires_at);
        long long updated = to_column(request.updated_at);
        long long id = 0;
        session_ << "INSERT INTO payment_requests (case_id, gateway, reference,"
                    " transaction_id, amount, currency, state, payment_url, created_at,"
                    " expires_at, updated_at, settled_at, channel_type, channel_code,"
                    " channel_name, provider_reference) VALUES (:c, :g, :r, :t, :a,"
                    " :cur, :s, :u, :ca, :ea, :ua, NULL, '', '', '', '') RETURNING id",
            soci::use(case_id), soci::use(request.gateway), soci::use(request.reference),
            soci::use(request.transaction_id), soci::use(amount), soci::use(request.currency),
            soci::use(state), soci::use(request.payment_url), soci::use(created),
            soci::use(expires), soci::use(updated), soci::into(id);
        for (const app::PaymentRequestLine& line : request.lines) {
          long long line_id = line.fee_line_id, line_amount = line.amount.in_dong();
          session_ << "INSERT INTO payment_request_lines (request_id, fee_line_id,"
                      " amount) VALUES (:r, :l, :a)",
              soci::use(id), soci::use(line_id), soci::use(line_amount);
        }
        return std::int64_t{id};
      });
}

core::Result<std::optional<app::PaymentRequestRecord>> SqlPaymentRepository::find_by_reference(
    std::string_view reference) {
  return guarded("reading a payment request",
                 [&]() -> core::Result<std::optional<app::PaymentRequestRecord>> {
                   auto found = select_text("r.reference = :r", std::string(reference), "");
                   if (found.empty()) return std::optional<app::PaymentRequestRecord>();
                   return std::optional<app::PaymentRequestRecord>(std::move(found.front()));
                 });
}

core::Result<std::optional<app::PaymentRequestRecord>> SqlPaymentRepository::find_by_transaction(
    std::string_view gateway, std::string_view transaction_id) {
  return guarded("reading a payment request",
                 [&]() -> core::Result<std::optional<app::PaymentRequestRecord>> {
                   if (transaction_id.empty()) return std::optional<app::PaymentRequestRecord>();
                   auto found = select_text("r.gateway = :g AND r.transaction_id = :t",
                                            std::string(gateway), std::string(transaction_id));
                   if (found.empty()) return std::optional<app::PaymentRequestRecord>();
                   return std::optional<app::PaymentRequestRecord>(std::move(found.front()));
                 });
}

core::Result<std::optional<app::PaymentRequestRecord>> SqlPaymentRepository::lock(
    std::int64_t request_id) {
  return guarded("locking a payment request",
                 [&]() -> core::Result<std::optional<app::PaymentRequestRecord>> {
                   if (engine_ == Engine::kPostgres) {
                     long long id = request_id, locked = 0;
                     session_ << "SELECT id FROM payment_requests WHERE id = :id"
                                 " FOR NO KEY UPDATE",
                         soci::use(id), soci::into(locked);
                   }
                   auto found = select("r.id = :id", request_id, "");
                   if (found.empty()) return std::optional<app::PaymentRequestRecord>();
                   return std::optional<app::PaymentRequestRecord>(std::move(found.front()));
                 });
}

core::Status SqlPaymentRepository::lock_case(std::int64_t case_id) {
  return guarded("locking a case for payment", [&]() -> core::Status {
    long long id = case_id, found = 0;
    std::string sql = "SELECT id FROM cases WHERE id = :id";
    if (engine_ == Engine::kPostgres) sql += " FOR NO KEY UPDATE";
    session_ << sql, soci::use(id), soci::into(found);
    if (!session_.got_data()) {
      return core::Error{core::ErrorKind::kNotFound, "there is no case " + std::to_string(id)};
    }
    return {};
  });
}

core::Result<std::vector<app::PaymentRequestRecord>> SqlPaymentRepository::list_for_case(
    std::int64_t case_id) {
  return guarded("listing payment requests",
                 [&]() -> core::Result<std::vector<app::PaymentRequestRecord>> {
                   return select("r.case_id = :c", case_id, " ORDER BY r.id DESC");
                 });
}

core::Result<std::vector<app::PaymentRequestRecord>> SqlPaymentRepository::due_for_recovery(
    std::chrono::sys_seconds expired_by, std::int64_t limit) {
  return guarded("listing payment requests to recover",
                 [&]() -> core::Result<std::vector<app::PaymentRequestRecord>> {
                   long long by = to_column(expired_by), max = limit;
                   long long created = state_column(PaymentState::kCreated);
                   long long pending = state_column(PaymentState::kPending);
                   std::vector<app::PaymentRequestRecord> out = query_requests(
                       session_,
                       std::string("SELECT ") + kRequestColumns +
                           " FROM payment_requests r JOIN cases c ON c.id = r.case_id"
                           " WHERE r.state IN (:s1, :s2) AND r.expires_at <= :e"
                           " ORDER BY r.expires_at, r.id LIMIT :n",
                       [&](soci::statement& st) {
                         st.exchange(soci::use(created));
                         st.exchange(soci::use(pending));
                         st.exchange(soci::use(by));
                         st.exchange(soci::use(max));
                       });
                   for (app::PaymentRequestRecord& r : out) load_lines(r);
                   return out;
                 });
}

core::Result<std::vector<app::PaymentRequestRecord>> SqlPaymentRepository::changed_between(
    std::chrono::sys_seconds from, std::chrono::sys_seconds until) {
  return guarded("listing the payment requests of a day",
                 [&]() -> core::Result<std::vector<app::PaymentRequestRecord>> {
                   long long start = to_column(from), end = to_column(until);
                   std::vector<app::PaymentRequestRecord> out = query_requests(
                       session_,
                       std::string("SELECT ") + kRequestColumns +
                           " FROM payment_requests r JOIN cases c ON c.id = r.case_id"
                           " WHERE (r.settled_at >= :f1 AND r.settled_at < :u1)"
                           " OR (r.settled_at IS NULL AND r.created_at >= :f2"
                           " AND r.created_at < :u2) ORDER BY r.id",
                       [&](soci::statement& st) {
                         st.exchange(soci::use(start));
                         st.exchange(soci::use(end));
                         st.exchange(soci::use(start));
                         st.exchange(soci::use(end));
                       });
                   for (app::PaymentRequestRecord& r : out) load_lines(r);
                   return out;
                 });
}

core::Status SqlPaymentRepository::record_gateway_answer(std::int64_t request_id,
                                                         std::string_view transaction_id,
                                                         std::string_view payment_url,
                                                         std::chrono::sys_seconds at) {
  return guarded("storing the gateway's answer", [&]() -> core::Status {
    std::string txn(transaction_id), url(payment_url);
    long long created = state_column(PaymentState::kCreated);
    long long pending = state_column(PaymentState::kPending);
    long long when = to_column(at), id = request_id;
    soci::statement st =
        (session_.prepare
             << "UPDATE payment_requests SET"
                " transaction_id = CASE WHEN transaction_id = '' THEN :t ELSE transaction_id END,"
                " payment_url = CASE WHEN payment_url = '' THEN :u ELSE payment_url END,"
                " state = CASE WHEN state = :created THEN :pending ELSE state END,"
                " updated_at = :at WHERE id = :id",
         soci::use(txn), soci::use(url), soci::use(created), soci::use(pending), soci::use(when),
         soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      return core::Error{core::ErrorKind::kNotFound,
                         "there is no payment request " + std::to_string(id)};
    }
    return {};
  });
}

core::Result<bool> SqlPaymentRepository::move(const app::PaymentRequestRecord& request,
                                              PaymentState from) {
  return guarded("moving payment request " + request.reference, [&]() -> core::Result<bool> {
    long long state = state_column(request.state), expected = state_column(from);
    long long updated = to_column(request.updated_at), id = request.id;
    NullableInt settled;
    settled.set(request.settled_at ? std::optional<long long>(to_column(*request.settled_at))
                                   : std::nullopt);
    soci::statement st =
        (session_.prepare
             << "UPDATE payment_requests SET state = :s, updated_at = :u, settled_at = :sa,"
                " channel_type = :ct, channel_code = :cc, channel_name = :cn,"
                " provider_reference = :pr,"
                " transaction_id = CASE WHEN transaction_id = '' THEN :t ELSE transaction_id END"
                " WHERE id = :id AND state = :from",
         soci::use(state), soci::use(updated), soci::use(settled.value, settled.indicator),
         soci::use(request.channel_type), soci::use(request.channel_code),
         soci::use(request.channel_name), soci::use(request.provider_reference),
         soci::use(request.transaction_id), soci::use(id), soci::use(expected));
    st.execute(true);
    return st.get_affected_rows() == 1;
  });
}

core::Result<bool> SqlPaymentRepository::claim_event(std::string_view gateway,
                                                     std::string_view event_id,
                                                     std::int64_t request_id,
                                                     std::chrono::sys_seconds at) {
  return guarded("claiming a gateway event", [&]() -> core::Result<bool> {
    std::string g(gateway), e(event_id);
    long long id = request_id, when = to_column(at);
    soci::statement st =
        (session_.prepare << "INSERT INTO applied_events (gateway, event_id, request_id,"
                             " applied_at) VALUES (:g, :e, :r, :a) ON CONFLICT DO NOTHING",
         soci::use(g), soci::use(e), soci::use(id), soci::use(when));
    st.execute(true);
    return st.get_affected_rows() == 1;
  });
}

core::Status SqlPaymentRepository::record_callback(const app::PaymentCallbackRecord& callback) {
  return guarded("recording a payment callback", [&]() -> core::Status {
    NullableInt request;
    request.set(callback.request_id ? std::optional<long long>(*callback.request_id)
                                    : std::nullopt);
    long long at = to_column(callback.at);
    session_ << "INSERT INTO payment_callbacks (gateway, event_id, reference, request_id,"
                " verdict, reason, payload, at) VALUES (:g, :e, :r, :q, :v, :why, :p, :at)",
        soci::use(callback.gateway), soci::use(callback.event_id), soci::use(callback.reference),
        soci::use(request.value, request.indicator), soci::use(callback.verdict),
        soci::use(callback.reason), soci::use(callback.payload), soci::use(at);
    return {};
  });
}

core::Result<std::vector<app::PaymentCallbackRecord>> SqlPaymentRepository::callbacks_for_request(
    std::int64_t request_id) {
  return guarded(
      "reading payment callbacks", [&]() -> core::Result<std::vector<app::PaymentCallbackRecord>> {
        long long key = request_id, id = 0, at = 0;
        NullableInt request;
        app::PaymentCallbackRecord c;
        soci::statement st =
            (session_.prepare << "SELECT id, gateway, event_id, reference, request_id, verdict,"
                                 " reason, payload, at FROM payment_callbacks"
                                 " WHERE request_id = :r ORDER BY id",
             soci::use(key), soci::into(id), soci::into(c.gateway), soci::into(c.event_id),
             soci::into(c.reference), soci::into(request.value, request.indicator),
             soci::into(c.verdict), soci::into(c.reason), soci::into(c.payload), soci::into(at));
        std::vector<app::PaymentCallbackRecord> out;
        if (st.execute(true)) {
          do {
            c.id = id;
            c.at = seconds_from_column(at);
            c.request_id = request.get();
            out.push_back(c);
          } while (st.fetch());
        }
        return out;
      });
}

core::Result<std::vector<app::AppliedEventRecord>> SqlPaymentRepository::applied_events_for_request(
    std::int64_t request_id) {
  return guarded("reading applied payment events",
                 [&]() -> core::Result<std::vector<app::AppliedEventRecord>> {
                   long long key = request_id, at = 0;
                   app::AppliedEventRecord e;
                   soci::statement st =
                       (session_.prepare << "SELECT gateway, event_id, applied_at"
                                            " FROM applied_events WHERE request_id = :r"
                                            " ORDER BY applied_at, event_id",
                        soci::use(key), soci::into(e.gateway), soci::into(e.event_id),
                        soci::into(at));
                   std::vector<app::AppliedEventRecord> out;
                   if (st.execute(true)) {
                     do {
                       e.request_id = request_id;
                       e.applied_at = seconds_from_column(at);
                       out.push_back(e);
                     } while (st.fetch());
                   }
                   return out;
                 });
}

core::Result<bool> SqlPaymentRepository::settle_line(std::int64_t fee_line_id,
                                                     const app::LineSettlement& settlement) {
  return guarded("marking a fee line paid", [&]() -> core::Result<bool> {
    long long id = fee_line_id, method = static_cast<long long>(settlement.method);
    long long paid_at = to_column(settlement.paid_at);
    NullableInt request;  // none for a payment taken at the counter
    request.set(settlement.request_id != 0 ? std::optional<long long>(settlement.request_id)
                                           : std::nullopt);
    soci::statement st =
        (session_.prepare << "UPDATE fee_lines SET paid = 1, method = :m, paid_at = :t,"
                             " payment_request_id = :r, provider_transaction_id = :p"
                             " WHERE id = :id AND paid = 0",
         soci::use(method), soci::use(paid_at), soci::use(request.value, request.indicator),
         soci::use(settlement.provider_transaction_id), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() == 1) {
      // The change feed sees every settled line, whoever settled it, in this transaction.
      insert_case_event_for_line(session_, engine_, fee_line_id, app::kCaseEventPayment,
                                 settlement.paid_at);
      return true;
    }
    long long exists = 0;
    session_ << "SELECT COUNT(*) FROM fee_lines WHERE id = :id", soci::use(id), soci::into(exists);
    if (exists == 0) {
      return core::Error{core::ErrorKind::kNotFound, "there is no fee line " + std::to_string(id)};
    }
    return false;
  });
}

core::Status SqlPaymentRepository::attach_receipt(std::int64_t fee_line_id,
                                                  std::int64_t receipt_id) {
  return guarded("linking a fee line to its receipt", [&]() -> core::Status {
    long long line = fee_line_id, receipt = receipt_id;
    session_ << "UPDATE fee_lines SET receipt_id = :r WHERE id = :id", soci::use(receipt),
        soci::use(line);
    return {};
  });
}

core::Result<std::int64_t> SqlPaymentRepository::record_overpayment(
    const app::OverpaymentRecord& overpayment) {
  return guarded("recording an overpayment", [&]() -> core::Result<std::int64_t> {
    long long case_id = overpayment.case_id, request = overpayment.request_id;
    long long amount = overpayment.amount.in_dong(), at = to_column(overpayment.recorded_at);
    long long state = static_cast<long long>(overpayment.state), id = 0;
    std::string lines = join_ids(overpayment.fee_line_ids);
    session_ << "INSERT INTO overpayments (case_id, request_id, amount, fee_line_ids,"
                " recorded_at, state) VALUES (:c, :r, :a, :l, :at, :s) RETURNING id",
        soci::use(case_id), soci::use(request), soci::use(amount), soci::use(lines), soci::use(at),
        soci::use(state), soci::into(id);
    return std::int64_t{id};
  });
}

core::Result<std::vector<app::OverpaymentRecord>> SqlPaymentRepository::overpayments_for_case(
    std::int64_t case_id) {
  return guarded(
      "reading overpayments", [&]() -> core::Result<std::vector<app::OverpaymentRecord>> {
        long long key = case_id, id = 0, request = 0, amount = 0, at = 0, state = 0;
        std::string lines;
        soci::statement st =
            (session_.prepare << "SELECT id, request_id, amount, fee_line_ids, recorded_at, state"
                                 " FROM overpayments WHERE case_id = :c ORDER BY id",
             soci::use(key), soci::into(id), soci::into(request), soci::into(amount),
             soci::into(lines), soci::into(at), soci::into(state));
        std::vector<app::OverpaymentRecord> out;
        if (st.execute(true)) {
          do {
            app::OverpaymentRecord o;
            o.id = id;
            o.case_id = case_id;
            o.request_id = request;
            o.amount = core::Money::dong(amount);
            o.fee_line_ids = split_ids(lines);
            o.recorded_at = seconds_from_column(at);
            o.state = static_cast<app::OverpaymentState>(state);
            out.push_back(std::move(o));
          } while (st.fetch());
        }
        return out;
      });
}

}  // namespace motcua::adapters::storage
