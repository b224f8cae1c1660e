#include "app/case_workflow.h"

#include <string>

#include "app/case_events.h"
#include "app/json_object.h"
#include "core/access_policy.h"

namespace motcua::app {
namespace {

using core::Status;

std::string snapshot(core::CaseStatus status, std::string_view reason,
                     const core::StaffMember& actor) {
  return JsonObject()
      .add("status", core::label_vi(status))
      .add("status_code", std::int64_t{static_cast<int>(status)})
      .add("reason", reason)
      .add("actor", actor.username)
      .str();
}

bool any_paid(const core::CaseRecord& record) {
  for (const core::FeeLine& line : record.fee_lines) {
    if (line.paid) return true;
  }
  return false;
}

std::string trim(std::string_view text) {
  const char* spaces = " \t\r\n";
  size_t first = text.find_first_not_of(spaces);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(spaces) - first + 1));
}

}  // namespace

CaseWorkflow::CaseWorkflow(Store& store, const Clock& clock, const core::WorkingCalendar& calendar,
                           WorkflowSettings settings)
    : store_(store), clock_(clock), calendar_(calendar), settings_(settings) {}

core::Result<core::CaseRecord> CaseWorkflow::change_status(const core::StaffMember& actor,
                                                           std::string_view code,
                                                           std::int64_t expected_version,
                                                           core::CaseStatus to,
                                                           std::string_view reason) const {
  return apply(actor, code, expected_version, to, reason, "case.status");
}

core::Result<core::CaseRecord> CaseWorkflow::soft_delete_case(const core::StaffMember& actor,
                                                              std::string_view code,
                                                              std::int64_t expected_version,
                                                              std::string_view reason) const {
  if (!actor.active || (actor.roles & core::kRoleAdmin) == 0) {
    return core::Error{core::ErrorKind::kForbidden, "only an admin may delete a case"};
  }
  if (trim(reason).empty()) return core::invalid_input("deleting a case needs a reason");
  return apply(actor, code, expected_version, core::CaseStatus::kCancelled, reason, "case.deleted");
}

core::Result<core::CaseRecord> CaseWorkflow::apply(const core::StaffMember& actor,
                                                   std::string_view code,
                                                   std::int64_t expected_version,
                                                   core::CaseStatus to, std::string_view raw_reason,
                                                   std::string_view action) const {
  const std::string reason = trim(raw_reason);
  const std::chrono::sys_seconds now = clock_.now();
  core::CaseRecord out;
  Status done = store_.transact([&](Repositories& repos) -> Status {
    core::Result<std::optional<core::CaseRecord>> found = repos.cases().find_by_code(code);
    if (!found.ok()) return found.error();
    if (!found->has_value()) {
      return core::Error{core::ErrorKind::kNotFound, "there is no case " + std::string(code)};
    }
    core::CaseRecord record = std::move(**found);
    core::CaseRights rights = core::case_rights(
        actor,
        {record.receiving_agency_code, record.processing_agency_code, record.assigned_staff_id});
    if (!rights.change) {
      return core::Error{core::ErrorKind::kForbidden,
                         actor.username + " may not change case " + record.code};
    }
    if (record.version != expected_version) {
      return core::Error{core::ErrorKind::kConflict,
                         "case " + record.code + " was changed by someone else (version " +
                             std::to_string(record.version) + ", not " +
                             std::to_string(expected_version) + "); reload it"};
    }
    const core::CaseStatus from = record.status;
    core::Result<core::CaseStatus> next = core::transition_case(from, to, reason);
    if (!next.ok()) return next.error();
    if (to == core::CaseStatus::kCancelled && any_paid(record)) {
      return core::Error{core::ErrorKind::kConflict,
                         "case " + record.code + " has a paid fee line; refund it first"};
    }
    record.status = *next;
    if (to == core::CaseStatus::kAccepted && !record.received_at) {
      core::Result<std::optional<core::Procedure>> procedure =
          repos.procedures().find(record.procedure_code);
      if (!procedure.ok()) return procedure.error();
      if (!procedure->has_value()) {
        return core::Error{core::ErrorKind::kNotFound,
                           "there is no procedure " + record.procedure_code};
      }
      core::Result<core::CaseDeadlines> dates = core::compute_case_deadlines(
          calendar_, now, (*procedure)->processing_days, settings_.appointment_buffer_days);
      if (!dates.ok()) return dates.error();
      record.received_at = now;
      record.deadline_at = dates->deadline_at;
      record.appointment_at = dates->appointment_at;
    }
    if (to == core::CaseStatus::kAccepted && !record.assigned_staff_id) {
      record.assigned_staff_id = actor.id;
    }
    if (Status updated = repos.cases().update(record); !updated.ok()) return updated;
    ++record.version;
    if (record.status != from) {  // open pages of the case redraw (app/case_events.h)
      Status evented = repos.cases().append_event(record.id, record.code, kCaseEventStatus, now);
      if (!evented.ok()) return evented;
    }
    Status logged =
        repos.audit().append(AuditEntry{.at = now,
                                        .actor = "staff:" + std::to_string(actor.id),
                                        .action = std::string(action),
                                        .entity_type = "case",
                                        .entity_id = record.code,
                                        .before = snapshot(from, "", actor),
                                        .after = snapshot(record.status, reason, actor)});
    if (!logged.ok()) return logged;
    out = std::move(record);
    return {};
  });
  if (!done.ok()) return done.error();
  return out;
}

}  // namespace motcua::app
