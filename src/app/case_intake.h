#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/clock.h"
#include "app/fee_pricing.h"
#include "app/store.h"
#include "core/account.h"
#include "core/case_deadlines.h"
#include "core/case_record.h"
#include "core/error.h"
#include "core/fee_schedule.h"
#include "core/working_calendar.h"

namespace motcua::app {

// Tiếp nhận hồ sơ: what the officer enters.
struct IntakeRequest {
  std::string procedure_code;
  core::CasePerson submitter;             // người nộp; name and ID number required
  std::optional<core::CasePerson> owner;  // chủ hồ sơ; the submitter when absent
  // Fee items of the procedure that apply on the reception day and are not listed here are
  // charged for 1 unit and 1 set (what the intake form pre-fills).
  std::vector<FeeItemRequest> fees;
  core::IntakeChannel channel = core::IntakeChannel::kCounter;
  core::ResultDelivery result_delivery = core::ResultDelivery::kAtCounter;
  std::string processing_agency_code;  // empty: the receiving unit processes it
};

struct IntakeResult {
  std::optional<core::CaseRecord> record;  // the stored case (id, code, version 1) on success
  // On failure: kInvalidInput (see field_errors), kForbidden, kNotFound (the officer's unit),
  // kOutOfRange (numbers or calendar exhausted), kStorage.
  core::Error error{core::ErrorKind::kInvalidInput, {}};
  std::vector<IntakeError> field_errors;
  // The deadline or appointment rests on calendar data the admin has not confirmed.
  bool unconfirmed_calendar = false;
  bool ok() const { return record.has_value(); }
};

struct IntakeSettings {
  // Ngày hẹn trả = reception + (processing days + this) working days.
  std::int64_t appointment_buffer_days = core::kDefaultAppointmentBufferDays;
};

// Takes a case in at the officer's unit. In one transaction: validates the request against the
// procedure (it must exist; fees are those valid on the Vietnam-local reception day), prices
// the fee lines, allocates the code from the unit's pattern for that day, and stores the case
// and an audit entry ("case.intake"). Counter and postal intake: status Được tiếp nhận,
// received now, deadline and appointment computed, assigned to the officer. Online: status
// Mới đăng ký, no reception, no dates (set when accepted; see CaseWorkflow).
// The actor must be an active officer (or admin) of an existing unit active on that day.
class CaseIntake {
 public:
  CaseIntake(Store& store, const Clock& clock, const core::WorkingCalendar& calendar,
             IntakeSettings settings = {});
  IntakeResult take_in(const core::StaffMember& actor, const IntakeRequest& request) const;

 private:
  Store& store_;
  const Clock& clock_;
  const core::WorkingCalendar& calendar_;
  IntakeSettings settings_;
};

// The checks that need no stored data: names (NFC, not blank), the submitter's ID number
// (CCCD, CMND or MST by shape), phones and e-mails (light shape checks), fee quantities >= 0.
// Returns the request normalised (NFC, trimmed, ID number without spaces) and any errors.
struct CheckedIntake {
  IntakeRequest request;
  std::vector<IntakeError> errors;
};
CheckedIntake check_intake_request(const IntakeRequest& request);

}  // namespace motcua::app
