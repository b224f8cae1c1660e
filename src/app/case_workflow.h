#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app/clock.h"
#include "app/store.h"
#include "core/account.h"
#include "core/case_deadlines.h"
#include "core/case_record.h"
#include "core/result.h"
#include "core/working_calendar.h"

namespace motcua::app {

struct WorkflowSettings {
  // As IntakeSettings: Ngày hẹn trả = reception + (processing days + this) working days.
  std::int64_t appointment_buffer_days = core::kDefaultAppointmentBufferDays;
};

// "Xử lý hồ sơ": status changes of a case, each in one transaction with its audit entry.
class CaseWorkflow {
 public:
  CaseWorkflow(Store& store, const Clock& clock, const core::WorkingCalendar& calendar,
               WorkflowSettings settings = {});

  // Moves case `code` to `to`, if its stored version is still `expected_version`.
  // Checks, in order: the case exists (kNotFound); `actor` may change it (kForbidden, see
  // core::case_rights); the version (kConflict: someone changed it since it was shown); the
  // transition table (kIllegalTransition) and the reason where the move needs one, e.g.
  // refusing with Không được tiếp nhận (kInvalidInput); Đã hủy is refused while a fee line is
  // paid (kConflict: refund first).
  // Accepting a case that has no reception yet (submitted online) receives it now: reception,
  // deadline and appointment are set from the procedure (kNotFound when it is gone) and the
  // case is assigned to the actor when unassigned. Audit action "case.status" with before and
  // after {status, reason, actor}. Returns the stored case (new version).
  core::Result<core::CaseRecord> change_status(const core::StaffMember& actor,
                                               std::string_view code, std::int64_t expected_version,
                                               core::CaseStatus to, std::string_view reason) const;

  // "Xóa hồ sơ": an admin's soft delete. The case moves to Đã hủy through the transition table
  // (so only from Mới đăng ký or Được tiếp nhận) and stays stored and searchable; the audit
  // log keeps the action "case.deleted" with the reason. kForbidden for anyone but an active
  // admin; kInvalidInput without a reason; kConflict when any fee line is paid (later also
  // when a receipt was issued) or the version is stale.
  core::Result<core::CaseRecord> soft_delete_case(const core::StaffMember& actor,
                                                  std::string_view code,
                                                  std::int64_t expected_version,
                                                  std::string_view reason) const;

 private:
  core::Result<core::CaseRecord> apply(const core::StaffMember& actor, std::string_view code,
                                       std::int64_t expected_version, core::CaseStatus to,
                                       std::string_view reason, std::string_view action) const;
  Store& store_;
  const Clock& clock_;
  const core::WorkingCalendar& calendar_;
  WorkflowSettings settings_;
};

}  // namespace motcua::app
