#include "app/case_registration.h"

#include <string>

#include "app/json_object.h"
#include "app/numbering.h"
#include "core/civil_time.h"

namespace motcua::app {

std::chrono::sys_days vietnam_day(std::chrono::sys_seconds instant) {
  return std::chrono::sys_days{core::local_day(core::to_vietnam_local(instant)).time_since_epoch()};
}

core::Status register_case(Repositories& repos, const core::Agency& agency,
                           std::chrono::sys_days day, std::string_view actor,
                           std::string_view action, core::CaseRecord& record) {
  core::Result<std::string> code =
      allocate_case_code(repos.sequences(), agency, std::chrono::year_month_day{day});
  if (!code.ok()) return code.error();
  record.code = *code;
  core::Result<std::int64_t> id = repos.cases().insert(record);
  if (!id.ok()) return id.error();
  // Read back what was stored: fee line ids, and the columns as storage keeps them.
  core::Result<std::optional<core::CaseRecord>> stored_case = repos.cases().find_by_id(*id);
  if (!stored_case.ok()) return stored_case.error();
  if (!stored_case->has_value()) {
    return core::Error{core::ErrorKind::kStorage, "case " + record.code + " vanished"};
  }
  record = std::move(**stored_case);

  core::Result<core::PaymentSummary> summary = core::summarize(record.fee_lines);
  if (!summary.ok()) return summary.error();
  return repos.audit().append(
      AuditEntry{.at = record.submitted_at,
                 .actor = std::string(actor),
                 .action = std::string(action),
                 .entity_type = "case",
                 .entity_id = record.code,
                 .before = "",
                 .after = JsonObject()
                              .add("status", core::label_vi(record.status))
                              .add("procedure_code", record.procedure_code)
                              .add("channel", core::label_vi(record.channel))
                              .add("assigned_staff_id", record.assigned_staff_id)
                              .add("total", std::int64_t{summary->total.in_dong()})
                              .str()});
}

}  // namespace motcua::app
