#include "app/counter_payment.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/json_object.h"
#include "app/receipt_issue.h"
#include "core/access_policy.h"
#include "core/case_status.h"
#include "core/payable_lines.h"

namespace motcua::app {
namespace {

core::Error not_found(std::string message) {
  return core::Error{core::ErrorKind::kNotFound, std::move(message)};
}

core::Error refused(core::CounterRefusal refusal) {
  return core::invalid_input(std::string(core::describe(refusal)));
}

std::string line_label(const core::FeeLine& line) {
  return line.description.empty() ? line.name : line.description;
}

// The case, if `staff` may read it, and with `to_take_money` also change it: taking money at
// the counter changes the case, so agency-wide lookup (view only) may see payments, not take them.
core::Result<core::CaseRecord> readable_case(Repositories& r, const core::StaffMember& staff,
                                             std::string_view code, bool to_take_money = false) {
  auto found = r.cases().find_by_code(code);
  if (!found.ok()) return found.error();
  if (!found->has_value()) return not_found("there is no case " + std::string(code));
  core::CaseRecord record = std::move(**found);
  core::CaseRights rights = core::case_rights(
      staff,
      {record.receiving_agency_code, record.processing_agency_code, record.assigned_staff_id});
  if (!rights.view || (to_take_money && !rights.change)) {
    return core::Error{core::ErrorKind::kForbidden,
                       staff.username + " may not take payments for case " + record.code};
  }
  return record;
}

// kConflict naming the first chosen line that is paid already: no fee line is paid twice.
core::Status refuse_paid_lines(const core::CaseRecord& record,
                               const std::vector<std::int64_t>& chosen) {
  for (std::int64_t id : chosen) {
    auto line = std::find_if(record.fee_lines.begin(), record.fee_lines.end(),
                             [&](const core::FeeLine& l) { return l.id == id; });
    if (line == record.fee_lines.end() || !line->paid) continue;
    std::string how = line->method ? " (" + std::string(core::label_vi(*line->method)) + ")" : "";
    return core::Error{core::ErrorKind::kConflict,
                       "fee line '" + line_label(*line) + "' is already paid" + how};
  }
  return {};
}

core::Status audit_payment(Repositories& r, const core::StaffMember& staff,
                           const core::CaseRecord& record, const CounterPaymentRecord& payment,
                           const CounterPaymentDone& done) {
  std::string lines;
  for (const CounterPaymentLine& l : payment.lines) {
    lines += (lines.empty() ? "" : ",") + std::to_string(l.fee_line_id);
  }
  JsonObject after;
  after.add("reference", done.reference)
      .add("method", core::label_vi(payment.method))
      .add("amount", payment.amount.in_dong())
      .add("fee_line_ids", lines)
      .add("receipt_id", done.receipt_id)
      .add("staff", staff.username);
  if (payment.method == core::PaymentMethod::kPos) {
    after.add("terminal_id", payment.terminal_id)
        .add("approval_code", payment.approval_code)
        .add("card_last4", payment.card_last4);
  }
  if (payment.tendered) {
    after.add("tendered", payment.tendered->in_dong())
        .add("change", done.change ? done.change->in_dong() : std::int64_t{0});
  }
  return r.audit().append({0, payment.at, "staff:" + std::to_string(staff.id), "payment.counter",
                           "case", record.code, "", after.str()});
}

}  // namespace

std::string counter_reference(std::int64_t id) {
  std::string digits = std::to_string(id);
  if (digits.size() < 6) digits.insert(0, 6 - digits.size(), '0');
  return "TQ-" + digits;
}

CounterPayment::CounterPayment(Store& store, const Clock& clock, const ReceiptSigner* signer)
    : store_(store), clock_(clock), signer_(signer) {}

core::Result<CounterPaymentDone> CounterPayment::record_pos(const core::StaffMember& staff,
                                                            PosPaymentInput input) {
  input.slip = core::pos_slip_normalised(std::move(input.slip));
  CounterPaymentRecord payment;
  payment.method = core::PaymentMethod::kPos;
  payment.case_code = input.case_code;
  payment.terminal_id = input.slip.terminal_id;
  payment.approval_code = input.slip.approval_code;
  payment.card_last4 = input.slip.card_last4;
  return record(staff, payment, input.line_ids, [&](core::Money total) -> core::Status {
    auto refusal = core::check_pos_payment(input.slip, input.amount, total);
    if (refusal) return refused(*refusal);
    return {};
  });
}

core::Result<CounterPaymentDone> CounterPayment::record_cash(const core::StaffMember& staff,
                                                             const CashPaymentInput& input) {
  CounterPaymentRecord payment;
  payment.method = core::PaymentMethod::kCash;
  payment.case_code = input.case_code;
  payment.tendered = input.tendered;
  return record(staff, payment, input.line_ids, [&](core::Money total) -> core::Status {
    auto change = core::cash_change(input.tendered, total);
    if (!change.ok()) return change.error();
    return {};
  });
}

core::Result<CounterPaymentDone> CounterPayment::record(
    const core::StaffMember& staff, CounterPaymentRecord payment,
    const std::vector<std::int64_t>& line_ids,
    const std::function<core::Status(core::Money)>& check) {
  if (line_ids.empty()) return refused(core::CounterRefusal::kNoLines);
  const std::chrono::sys_seconds now = clock_.now();
  payment.staff_login = staff.username;
  payment.at = now;
  CounterPaymentDone done;
  core::Status stored = store_.transact([&](Repositories& r) -> core::Status {
    done = CounterPaymentDone{};
    auto readable = readable_case(r, staff, payment.case_code, true);
    if (!readable.ok()) return readable.error();
    core::CaseRecord record = std::move(readable.value());
    if (record.status == core::CaseStatus::kCancelled) {
      return core::Error{core::ErrorKind::kConflict, "case " + record.code + " is cancelled"};
    }
    if (core::Status locked = r.payments().lock_case(record.id); !locked.ok()) return locked;
    if (core::Status paid = refuse_paid_lines(record, line_ids); !paid.ok()) return paid;
    auto payable = core::choose_payable_lines(record.fee_lines, line_ids);
    if (!payable.ok()) return payable.error();
    if (core::Status checked = check(payable->total); !checked.ok()) return checked;

    payment.case_id = record.id;
    payment.amount = payable->total;
    payment.lines.clear();
    for (const core::FeeLine& line : payable->lines)
      payment.lines.push_back({line.id, line.amount});
    auto id = r.counter_payments().insert(payment);
    if (!id.ok()) return id.error();
    done.id = id.value();
    done.reference = counter_reference(done.id);
    done.method = payment.method;
    done.amount = payment.amount;
    if (payment.tendered) {
      auto change = core::cash_change(*payment.tendered, payment.amount);
      if (!change.ok()) return change.error();
      done.change = change.value();
    }
    // The conditional update decides a race: a line paid since it was read is refused here.
    LineSettlement how{payment.method, now, 0, ""};
    std::vector<std::int64_t> settled;
    for (const core::FeeLine& line : payable->lines) {
      auto marked = r.payments().settle_line(line.id, how);
      if (!marked.ok()) return marked.error();
      if (!marked.value()) {
        return core::Error{core::ErrorKind::kConflict,
                           "fee line '" + line_label(line) + "' is already paid"};
      }
      settled.push_back(line.id);
    }
    ReceiptSource source;
    source.method = payment.method;
    source.reference = done.reference;
    source.transaction_id = payment.approval_code;
    source.counter_payment_id = done.id;
    auto receipt = issue_receipt(r, record, source, settled, payment.amount, now, signer_);
    if (!receipt.ok()) return receipt.error();
    if (receipt->has_value()) done.receipt_id = (*receipt)->id;
    return audit_payment(r, staff, record, payment, done);
  });
  if (!stored.ok()) return stored.error();
  return done;
}

core::Result<ReceiptsIssued> CounterPayment::issue_missing_receipts(const core::StaffMember& staff,
                                                                    std::string_view case_code) {
  const std::chrono::sys_seconds now = clock_.now();
  ReceiptsIssued out;
  core::Status stored = store_.transact([&](Repositories& r) -> core::Status {
    out = ReceiptsIssued{};
    auto readable = readable_case(r, staff, case_code, true);
    if (!readable.ok()) return readable.error();
    const core::CaseRecord record = std::move(readable.value());
    if (core::Status locked = r.payments().lock_case(record.id); !locked.ok()) return locked;
    auto unit = r.agencies().find(record.receiving_agency_code);
    if (!unit.ok()) return unit.error();
    if (!unit->has_value() || (*unit)->receipt_series.empty()) {
      out.no_series = true;
      return {};
    }
    auto counter = r.counter_payments().list_for_case(record.id);
    if (!counter.ok()) return counter.error();
    std::map<std::int64_t, const CounterPaymentRecord*> counter_of_line;
    for (const CounterPaymentRecord& p : counter.value()) {
      for (const CounterPaymentLine& l : p.lines) counter_of_line[l.fee_line_id] = &p;
    }
    auto requests = r.payments().list_for_case(record.id);
    if (!requests.ok()) return requests.error();

    // One receipt per payment: the source's key, in the order the lines were paid.
    struct Group {
      ReceiptSource source;
      std::vector<std::int64_t> lines;
      core::Money amount;
      std::chrono::sys_seconds paid_at{};
    };
    std::vector<Group> groups;
    auto group_for = [&](const core::FeeLine& line) -> Group& {
      ReceiptSource source;
      source.method = line.method.value_or(core::PaymentMethod::kCash);
      if (line.payment_request_id) {
        auto request = std::find_if(requests->begin(), requests->end(), [&](const auto& p) {
          return p.id == *line.payment_request_id;
        });
        if (request != requests->end()) source = receipt_source(*request);
        source.request_id = line.payment_request_id;
      } else if (auto c = counter_of_line.find(line.id); c != counter_of_line.end()) {
        source.method = c->second->method;
        source.reference = counter_reference(c->second->id);
        source.transaction_id = c->second->approval_code;
        source.counter_payment_id = c->second->id;
      }
      for (Group& g : groups) {
        if (g.source.request_id == source.request_id &&
            g.source.counter_payment_id == source.counter_payment_id &&
            g.source.method == source.method) {
          return g;
        }
      }
      groups.push_back({source, {}, core::Money{}, line.paid_at.value_or(now)});
      return groups.back();
    };
    for (const core::FeeLine& line : record.fee_lines) {
      if (!line.paid || line.receipt_id || line.amount <= core::Money{}) continue;
      Group& g = group_for(line);
      g.lines.push_back(line.id);
      auto sum = core::checked_add(g.amount, line.amount);
      if (!sum.ok()) return sum.error();
      g.amount = sum.value();
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const Group& a, const Group& b) { return a.paid_at < b.paid_at; });
    for (const Group& g : groups) {
      auto receipt = issue_receipt(r, record, g.source, g.lines, g.amount, now, signer_);
      if (!receipt.ok()) return receipt.error();
      if (!receipt->has_value()) continue;
      out.receipt_ids.push_back((*receipt)->id);
      std::string lines;
      for (std::int64_t id : g.lines) lines += (lines.empty() ? "" : ",") + std::to_string(id);
      core::Status audited = r.audit().append({0, now, "staff:" + std::to_string(staff.id),
                                               "receipt.issued", "case", record.code, "",
                                               JsonObject()
                                                   .add("receipt_id", std::int64_t{(*receipt)->id})
                                                   .add("series", (*receipt)->series)
                                                   .add("number", std::int64_t{(*receipt)->number})
                                                   .add("amount", g.amount.in_dong())
                                                   .add("method", core::label_vi(g.source.method))
                                                   .add("reference", g.source.reference)
                                                   .add("fee_line_ids", lines)
                                                   .add("staff", staff.username)
                                                   .str()});
      if (!audited.ok()) return audited;
    }
    return {};
  });
  if (!stored.ok()) return stored.error();
  return out;
}

core::Result<std::vector<CounterPaymentRecord>> CounterPayment::for_case(
    const core::StaffMember& staff, std::string_view case_code) const {
  std::vector<CounterPaymentRecord> out;
  core::Status read = store_.read([&](Repositories& r) -> core::Status {
    auto readable = readable_case(r, staff, case_code);
    if (!readable.ok()) return readable.error();
    auto found = r.counter_payments().list_for_case(readable->id);
    if (!found.ok()) return found.error();
    out = std::move(found.value());
    return {};
  });
  if (!read.ok()) return read.error();
  return out;
}

core::Result<CounterPaymentPage> CounterPayment::search(const core::StaffMember& staff,
                                                        CounterPaymentQuery query) const {
  core::Result<core::CaseScope> scope = core::widest_scope(staff);
  if (!scope.ok()) return scope.error();
  core::CaseScopeFilter filter = core::scope_filter(*scope);
  query.agency_root = filter.agency_root;
  query.assigned_staff_id = filter.assigned_staff_id;
  CounterPaymentPage page;
  core::Status read = store_.read([&](Repositories& r) -> core::Status {
    auto found = r.counter_payments().search(query);
    if (!found.ok()) return found.error();
    page = std::move(found.value());
    return {};
  });
  if (!read.ok()) return read.error();
  return page;
}

}  // namespace motcua::app
