#include "app/case_lookup.h"

#include <charconv>
#include <functional>
#include <map>
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

core::Result<CaseListItem> make_list_item(core::CaseRecord record, std::chrono::sys_seconds now) {
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
  item.record = std::move(record);
  return item;
}

core::Result<CaseListItem> make_list_item(core::CaseRecord record, const core::StaffMember& actor,
                                          std::chrono::sys_seconds now) {
  core::Result<CaseListItem> made = make_list_item(std::move(record), now);
  if (!made.ok()) return made;
  CaseListItem item = std::move(made.value());
  const core::CaseRecord& c = item.record;
  item.rights = core::case_rights(
      actor, {c.receiving_agency_code, c.processing_agency_code, c.assigned_staff_id});
  return item;
}

std::string outstanding_text(const core::PaymentSummary& payment) {
  if (payment.outstanding.is_zero()) return "";
  return "(Còn lại " + core::format_vnd(payment.outstanding) + ")";
}

core::Result<std::map<std::string, std::string, std::less<>>> agency_names(Repositories& repos) {
  core::Result<std::vector<core::Agency>> agencies = repos.agencies().list();
  if (!agencies.ok()) return agencies.error();
  std::map<std::string, std::string, std::less<>> names;
  for (const core::Agency& agency : *agencies) names[agency.code] = agency.name;
  return names;
}

Status name_agencies(Repositories& repos, std::vector<CaseListItem>& items) {
  if (items.empty()) return {};
  auto names = agency_names(repos);
  if (!names.ok()) return names.error();
  for (CaseListItem& item : items) {
    const core::CaseRecord& c = item.record;
    const std::string& agency =
        c.processing_agency_code.empty() ? c.receiving_agency_code : c.processing_agency_code;
    if (auto it = names->find(agency); it != names->end()) item.agency_name = it->second;
  }
  return {};
}

namespace {

// The names the guide's "Cơ quan thực hiện" column shows, within the read that found the
// records: the agencies, and one lookup per distinct officer.
Status name_agencies_and_officers(Repositories& repos, std::vector<CaseListItem>& items) {
  if (Status named = name_agencies(repos, items); !named.ok()) return named;
  std::map<std::int64_t, std::string> officer_names;
  for (CaseListItem& item : items) {
    const core::CaseRecord& c = item.record;
    if (!c.assigned_staff_id) continue;
    auto [it, fresh] = officer_names.try_emplace(*c.assigned_staff_id);
    if (fresh) {
      core::Result<std::optional<core::StaffMember>> staff =
          repos.staff().find_by_id(*c.assigned_staff_id);
      if (!staff.ok()) return staff.error();
      if (*staff) it->second = (*staff)->full_name;
    }
    item.officer_name = it->second;
  }
  return {};
}

}  // namespace

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
  const std::chrono::sys_seconds now = clock_.now();
  Status read = store_.read([&](Repositories& repos) -> Status {
    core::Result<CasePage> found = repos.cases().search(query);
    if (!found.ok()) return found.error();
    page.total = found->total;
    page.total_capped = found->total_capped;
    page.items.clear();
    for (core::CaseRecord& record : found.value().items) {
      core::Result<CaseListItem> item = make_list_item(std::move(record), actor, now);
      if (!item.ok()) return item.error();
      page.items.push_back(std::move(item.value()));
    }
    return name_agencies_and_officers(repos, page.items);
  });
  if (!read.ok()) return read.error();
  return page;
}

core::Result<CaseDetail> CaseLookup::open_case(const core::StaffMember& actor,
                                               std::string_view code) const {
  const std::chrono::sys_seconds now = clock_.now();
  std::optional<CaseListItem> item;
  bool forbidden = false;
  std::vector<AuditEntry> history;
  std::map<std::string, std::string> actor_names;
  Status read = store_.read([&](Repositories& repos) -> Status {
    core::Result<std::optional<core::CaseRecord>> found = repos.cases().find_by_code(code);
    if (!found.ok()) return found.error();
    if (!*found) return {};
    core::Result<CaseListItem> made = make_list_item(std::move(**found), actor, now);
    if (!made.ok()) return made.error();
    if (!made->rights.view) {
      forbidden = true;  // refused below; read nothing more
      return {};
    }
    core::Result<std::vector<AuditEntry>> entries =
        repos.audit().for_entity("case", made->record.code);
    if (!entries.ok()) return entries.error();
    history = std::move(entries.value());
    for (const AuditEntry& entry : history) {
      constexpr std::string_view kStaff = "staff:";
      if (!entry.actor.starts_with(kStaff) || actor_names.contains(entry.actor)) continue;
      std::int64_t id = 0;
      std::string_view digits = std::string_view(entry.actor).substr(kStaff.size());
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
      if (ec != std::errc{} || end != digits.data() + digits.size()) continue;
      core::Result<std::optional<core::StaffMember>> staff = repos.staff().find_by_id(id);
      if (!staff.ok()) return staff.error();
      if (*staff) actor_names[entry.actor] = (*staff)->full_name;
    }
    std::vector<CaseListItem> one;
    one.push_back(std::move(made.value()));
    Status named = name_agencies_and_officers(repos, one);
    item = std::move(one.front());
    return named;
  });
  if (!read.ok()) return read.error();
  if (forbidden) {
    return core::Error{core::ErrorKind::kForbidden,
                       actor.username + " may not view case " + std::string(code)};
  }
  if (!item) {
    return core::Error{core::ErrorKind::kNotFound, "there is no case " + std::string(code)};
  }
  CaseDetail detail;
  detail.summary = std::move(*item);
  detail.outstanding_text = outstanding_text(detail.summary.payment);
  detail.history = std::move(history);
  detail.actor_names = std::move(actor_names);
  return detail;
}

}  // namespace motcua::app
