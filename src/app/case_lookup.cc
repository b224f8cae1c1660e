#include "app/case_lookup.h"

#include <utility>

#include "core/money.h"
#include "core/remaining_time.h"

namespace motcua::app {

using core::Status;

bool apply_scope(CaseQuery& query, const core::CaseScope& scope) {
  core::CaseScopeFilter filter = core::scope_filter(scope);
  if (!filter.agency_root.empty()) {
    if (query.agency_root.empty() ||
        core::is_agency_within(filter.agency_root, query.agency_root)) {
      query.agency_root = filter.agency_root;
    } else if (!core::is_agency_within(query.agency_root, filter.agency_root)) {
      return false;
    }
  }
  if (filter.assigned_staff_id) {
    if (query.assigned_staff_id && *query.assigned_staff_id != *filter.assigned_staff_id) {
      return false;
    }
    query.assigned_staff_id = filter.assigned_staff_id;
  }
  return true;
}

core::Result<CaseListItem> make_list_item(core::CaseRecord record, const core::StaffMember& actor,
                                          std::chrono::sys_seconds now) {
  CaseListItem item;
  core::Result<core::PaymentSummary> payment = core::summarize(record.fee_lines);
  if (!payment.ok()) return payment.error();
  item.payment = *payment;
  item.payment_label = std::string(core::label_vi(payment->progress));
  item.status_label = std::string(core::label_vi(record.status));
  const bool clock_stopped =
      core::is_terminal(record.status) || record.status == core::CaseStatus::kProcessed;
  if (record.deadline_at && !clock_stopped) {
    item.remaining_text =
        core::format_remaining_time(core::remaining_time(now, *record.deadline_at));
  }
  item.rights = core::case_rights(actor, {record.receiving_agency_code,
                                          record.processing_agency_code, record.assigned_staff_id});
  item.record = std::move(record);
  return item;
}

CaseLookup::CaseLookup(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

core::Result<CaseListPage> CaseLookup::search(const core::StaffMember& actor,
                                              core::CaseScopeKind kind, CaseQuery query) const {
  core::Result<core::CaseScope> scope = core::grant_scope(actor, kind);
  if (!scope.ok()) return scope.error();
  CaseListPage page;
  page.scope = *scope;
  page.page = query.page;
  page.page_size = query.page_size;
  if (!apply_scope(query, *scope)) return page;
  query.with_fee_lines = true;
  CasePage found;
  Status read = store_.read([&](Repositories& repos) -> Status {
    core::Result<CasePage> result = repos.cases().search(query);
    if (!result.ok()) return result.error();
    found = std::move(result.value());
    return {};
  });
  if (!read.ok()) return read.error();
  const std::chrono::sys_seconds now = clock_.now();
  page.total = found.total;
  for (core::CaseRecord& record : found.items) {
    core::Result<CaseListItem> item = make_list_item(std::move(record), actor, now);
    if (!item.ok()) return item.error();
    page.items.push_back(std::move(item.value()));
  }
  return page;
}

core::Result<CaseDetail> CaseLookup::open_case(const core::StaffMember& actor,
                                               std::string_view code) const {
  std::optional<core::CaseRecord> record;
  std::vector<AuditEntry> history;
  Status read = store_.read([&](Repositories& repos) -> Status {
    core::Result<std::optional<core::CaseRecord>> found = repos.cases().find_by_code(code);
    if (!found.ok()) return found.error();
    record = std::move(found.value());
    if (!record) return {};
    core::Result<std::vector<AuditEntry>> entries = repos.audit().for_entity("case", record->code);
    if (!entries.ok()) return entries.error();
    history = std::move(entries.value());
    return {};
  });
  if (!read.ok()) return read.error();
  if (!record) {
    return core::Error{core::ErrorKind::kNotFound, "there is no case " + std::string(code)};
  }
  core::Result<CaseListItem> item = make_list_item(std::move(*record), actor, clock_.now());
  if (!item.ok()) return item.error();
  if (!item->rights.view) {
    return core::Error{core::ErrorKind::kForbidden,
                       actor.username + " may not view case " + std::string(code)};
  }
  CaseDetail detail;
  detail.summary = std::move(item.value());
  if (!detail.summary.payment.outstanding.is_zero()) {
    detail.outstanding_text =
        "(Còn lại " + core::format_vnd(detail.summary.payment.outstanding) + ")";
  }
  detail.history = std::move(history);
  return detail;
}

}  // namespace motcua::app
