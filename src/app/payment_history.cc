#include "app/payment_history.h"

#include <algorithm>

#include "core/fee_line.h"

namespace motcua::app {

core::Result<CasePaymentHistory> PaymentHistory::for_case(std::string_view case_code) const {
  CasePaymentHistory out;
  core::Status read = store_.read([&](Repositories& r) -> core::Status {
    out = CasePaymentHistory{};
    auto found = r.cases().find_by_code(case_code);
    if (!found.ok()) return found.error();
    if (!found->has_value()) {
      return core::Error{core::ErrorKind::kNotFound, "there is no case " + std::string(case_code)};
    }
    const core::CaseRecord& record = **found;
    out.case_code = record.code;
    auto requests = r.payments().list_for_case(record.id);
    if (!requests.ok()) return requests.error();
    auto overpayments = r.payments().overpayments_for_case(record.id);
    if (!overpayments.ok()) return overpayments.error();
    for (PaymentRequestRecord& request : requests.value()) {
      PaymentAttempt attempt;
      for (const PaymentRequestLine& line : request.lines) {
        auto fee = std::find_if(record.fee_lines.begin(), record.fee_lines.end(),
                                [&](const core::FeeLine& l) { return l.id == line.fee_line_id; });
        std::string name;
        if (fee != record.fee_lines.end())
          name = fee->description.empty() ? fee->name : fee->description;
        attempt.lines.push_back({line.fee_line_id, std::move(name), line.amount});
      }
      auto callbacks = r.payments().callbacks_for_request(request.id);
      if (!callbacks.ok()) return callbacks.error();
      attempt.callbacks = std::move(callbacks.value());
      auto events = r.payments().applied_events_for_request(request.id);
      if (!events.ok()) return events.error();
      attempt.applied_events = std::move(events.value());
      for (const OverpaymentRecord& o : overpayments.value()) {
        if (o.request_id == request.id) attempt.overpayments.push_back(o);
      }
      attempt.request = std::move(request);
      out.attempts.push_back(std::move(attempt));
    }
    return {};
  });
  if (!read.ok()) return read.error();
  return out;
}

}  // namespace motcua::app
