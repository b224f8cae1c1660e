#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/store.h"
#include "core/case_status.h"
#include "core/money.h"
#include "core/result.h"

namespace motcua::app {

// One step of a case's history as the public lookup shows it: when, and the status it led to
// (no officer, no reason: those stay in the console).
struct PublicStatusStep {
  std::chrono::sys_seconds at{};
  core::CaseStatus status = core::CaseStatus::kNew;
};

// What "Tra cứu hồ sơ" on the public site shows to whoever holds a case code and the last 4
// digits of its submitter's ID number.
struct PublicCaseStatus {
  std::string case_code;
  std::string procedure;       // "2.000815.000.00.00.H34 - Chứng thực bản sao ..."
  std::string submitter_name;  // upper case, as the payment page shows the payer
  std::string submitter_id;    // masked, "****8870"
  std::string agency_name;     // the processing unit (its code when unknown)
  core::CaseStatus status = core::CaseStatus::kNew;
  std::chrono::sys_seconds submitted_at{};
  std::optional<std::chrono::sys_seconds> received_at;
  std::optional<std::chrono::sys_seconds> appointment_at;  // ngày hẹn trả
  core::Money amount_due;                                  // the unpaid fee lines' sum
  std::vector<PublicStatusStep> history;                   // oldest first, from the audit log
};

// The case `code` when `last_digits` are the last 4 digits of its submitter's ID number
// (CCCD, CMND or MST; compared without branching on the digits). kInvalidInput when
// `last_digits` is not 4 ASCII digits; kNotFound, with one message, for a malformed or unknown
// code and for digits that do not match, so the answer never tells which; kStorage.
core::Result<PublicCaseStatus> find_public_case_status(Store& store, std::string_view code,
                                                       std::string_view last_digits);

// Whether the last 4 digits of `id_number` (its non-digits ignored) equal `last_digits`, in time
// that does not depend on where they differ. False when the number has fewer than 4 digits.
bool id_ends_with(std::string_view id_number, std::string_view last_digits);

}  // namespace motcua::app
