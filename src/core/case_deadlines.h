#pragma once

#include <chrono>
#include <cstdint>

#include "core/result.h"
#include "core/working_calendar.h"

namespace motcua::core {

// Default buffer between the processing deadline and the appointment, in working days. The
// guide's case (a 1-working-day procedure received 26/04/2024 07:27:52) shows "Hạn xử lý toàn
// quy trình 02/05/2024 07:27" and "Ngày hẹn trả 04/05/2024 07:27": 2 working days later.
inline constexpr std::int64_t kDefaultAppointmentBufferDays = 2;

// More than this from reception to appointment is an error, not a long loop over the calendar.
inline constexpr std::int64_t kMaxCaseDays = 3660;

// The two dates of a case received at some instant.
struct CaseDeadlines {
  std::chrono::sys_seconds deadline_at;     // Hạn xử lý toàn quy trình
  std::chrono::sys_seconds appointment_at;  // Ngày hẹn trả
  // True when either date rests on calendar data the admin has not confirmed (a proposed year
  // or an unconfirmed entry): callers warn.
  bool unconfirmed_calendar = false;
};

// deadline = received + processing_days working days; appointment = received +
// (processing_days + appointment_buffer_days) working days; both in Vietnam working time, seconds
// dropped (see WorkingCalendar::add_working_time). kInvalidInput for negative day counts,
// kOutOfRange past kMaxCaseDays in all; the calendar's errors otherwise.
Result<CaseDeadlines> compute_case_deadlines(const WorkingCalendar& calendar,
                                             std::chrono::sys_seconds received,
                                             std::int64_t processing_days,
                                             std::int64_t appointment_buffer_days);

}  // namespace motcua::core
