#include "core/case_deadlines.h"

#include <string>

#include "core/civil_time.h"

namespace motcua::core {
namespace {

bool unconfirmed(const Deadline& d) {
  return !d.proposed_years.empty() || !d.unconfirmed_years.empty() ||
         !d.unconfirmed_entries.empty();
}

}  // namespace

Result<CaseDeadlines> compute_case_deadlines(const WorkingCalendar& calendar,
                                             std::chrono::sys_seconds received,
                                             std::int64_t processing_days,
                                             std::int64_t appointment_buffer_days) {
  if (processing_days < 0) return invalid_input("processing days cannot be negative");
  if (appointment_buffer_days < 0) {
    return invalid_input("the appointment buffer cannot be negative");
  }
  if (processing_days + appointment_buffer_days > kMaxCaseDays) {
    return out_of_range("at most " + std::to_string(kMaxCaseDays) +
                        " working days from reception to appointment");
  }
  std::chrono::local_seconds start = to_vietnam_local(received);
  Result<Deadline> deadline = calendar.add_working_days(start, processing_days);
  if (!deadline.ok()) return deadline.error();
  Result<Deadline> appointment =
      calendar.add_working_days(start, processing_days + appointment_buffer_days);
  if (!appointment.ok()) return appointment.error();
  return CaseDeadlines{from_vietnam_local(deadline->at), from_vietnam_local(appointment->at),
                       unconfirmed(*deadline) || unconfirmed(*appointment)};
}

}  // namespace motcua::core
