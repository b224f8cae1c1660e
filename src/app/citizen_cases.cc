#include "app/citizen_cases.h"

#include <map>
#include <optional>
#include <utility>

namespace motcua::app {
namespace {

core::Error no_case(std::string_view code) {
  return core::Error{core::ErrorKind::kNotFound, "there is no case " + std::string(code)};
}

// The procedure's fees_up_front, read once per distinct procedure code; a procedure no longer
// in the catalogue keeps the default (fees up front), the common case.
class UpFrontFees {
 public:
  explicit UpFrontFees(Repositories& repos) : repos_(repos) {}

  core::Result<bool> of(const std::string& procedure_code) {
    auto [it, fresh] = known_.try_emplace(procedure_code, true);
    if (fresh) {
      core::Result<std::optional<core::Procedure>> found = repos_.procedures().find(procedure_code);
      if (!found.ok()) return found.error();
      if (*found) it->second = (*found)->fees_up_front;
    }
    return it->second;
  }

 private:
  Repositories& repos_;
  std::map<std::string, bool> known_;
};

}  // namespace

bool citizen_may_pay(core::CaseStatus status, const core::PaymentSummary& payment,
                     bool fees_up_front) {
  if (payment.outstanding.in_dong() <= 0) return false;
  if (status == core::CaseStatus::kCancelled || status == core::CaseStatus::kRejected) {
    return false;
  }
  return fees_up_front || status != core::CaseStatus::kNew;
}

CitizenCases::CitizenCases(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

core::Result<CitizenCasePage> CitizenCases::search(std::int64_t account_id, CaseQuery query) const {
  if (query.page < 1 || query.page_size < 1 || query.page_size > kMaxPageSize) {
    return core::Error{core::ErrorKind::kInvalidInput, "bad page or page size"};
  }
  // Only what the citizen's list filters on survives; ownership is the account id.
  CaseQuery own;
  own.code_prefix = std::move(query.code_prefix);
  own.status = query.status;
  own.field = std::move(query.field);
  own.page = query.page;
  own.page_size = query.page_size;
  own.citizen_account_id = account_id;
  own.with_fee_lines = true;

  CitizenCasePage out;
  out.page.page = own.page;
  out.page.page_size = own.page_size;
  const std::chrono::sys_seconds now = clock_.now();
  core::Status read = store_.read([&](Repositories& repos) -> core::Status {
    core::Result<CasePage> found = repos.cases().search(own);
    if (!found.ok()) return found.error();
    out.page.total = found->total;
    out.page.total_capped = found->total_capped;
    out.page.items.clear();
    out.payable.clear();
    UpFrontFees up_front(repos);
    for (core::CaseRecord& record : found.value().items) {
      core::Result<CaseListItem> item = make_list_item(std::move(record), now);
      if (!item.ok()) return item.error();
      core::Result<bool> fees_up_front = up_front.of(item->record.procedure_code);
      if (!fees_up_front.ok()) return fees_up_front.error();
      out.payable.push_back(citizen_may_pay(item->record.status, item->payment, *fees_up_front));
      out.page.items.push_back(std::move(item.value()));
    }
    return name_agencies(repos, out.page.items);
  });
  if (!read.ok()) return read.error();
  return out;
}

core::Result<CitizenCaseDetail> CitizenCases::open_case(std::int64_t account_id,
                                                        std::string_view code) const {
  const std::chrono::sys_seconds now = clock_.now();
  std::optional<CitizenCaseDetail> out;
  core::Status read = store_.read([&](Repositories& repos) -> core::Status {
    out.reset();
    core::Result<std::optional<core::CaseRecord>> found = repos.cases().find_by_code(code);
    if (!found.ok()) return found.error();
    // Another account's case, or a counter case, is read no further.
    if (!*found || (*found)->citizen_account_id != account_id) return {};
    core::Result<CaseListItem> item = make_list_item(std::move(**found), now);
    if (!item.ok()) return item.error();
    CitizenCaseDetail detail;
    std::vector<CaseListItem> one;
    one.push_back(std::move(item.value()));
    if (core::Status named = name_agencies(repos, one); !named.ok()) return named;
    detail.detail.summary = std::move(one.front());
    const core::CaseRecord& c = detail.detail.summary.record;

    auto names = agency_names(repos);
    if (!names.ok()) return names.error();
    if (auto it = names->find(c.receiving_agency_code); it != names->end()) {
      detail.receiving_agency_name = it->second;
    }
    core::Result<std::vector<AuditEntry>> entries = repos.audit().for_entity("case", c.code);
    if (!entries.ok()) return entries.error();
    for (AuditEntry& entry : entries.value()) {
      if (entry.action.starts_with("case.")) detail.detail.history.push_back(std::move(entry));
    }
    core::Result<std::vector<ReceiptRecord>> receipts = repos.receipts().list_for_case(c.id);
    if (!receipts.ok()) return receipts.error();
    for (const ReceiptRecord& receipt : receipts.value()) {
      core::Result<ReceiptSummary> summary = receipt_summary(receipt);
      if (!summary.ok()) return summary.error();
      detail.receipts.push_back(std::move(summary.value()));
    }
    core::Result<bool> fees_up_front = UpFrontFees(repos).of(c.procedure_code);
    if (!fees_up_front.ok()) return fees_up_front.error();
    detail.fees_up_front = *fees_up_front;
    out = std::move(detail);
    return {};
  });
  if (!read.ok()) return read.error();
  if (!out) return no_case(code);
  const CaseListItem& summary = out->detail.summary;
  out->detail.outstanding_text = outstanding_text(summary.payment);
  out->payable = citizen_may_pay(summary.record.status, summary.payment, out->fees_up_front);
  return std::move(*out);
}

}  // namespace motcua::app
