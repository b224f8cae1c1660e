#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app/clock.h"
#include "app/store.h"
#include "core/account.h"
#include "core/result.h"

namespace motcua::app {

// What "Cấu hình số hồ sơ" shows: the code the agency's next case would get today.
struct NumberingPreview {
  std::string agency_code;
  std::string pattern;
  std::string next_code;
  std::int64_t last_sequence = 0;  // the scope's current value (0: nothing issued yet)
};

// "Cấu hình số hồ sơ": an agency's case-number pattern (core/case_code.h), with a preview of the
// next code. Who may read and change it: app/admin_access.h.
class NumberingConfig {
 public:
  NumberingConfig(Store& store, const Clock& clock);

  // The next code under `pattern` for a case received today (Vietnam date) at `agency_code`,
  // from SequenceRepository::current: no number is consumed. kForbidden when `actor` may not
  // read the agency's numbering; kNotFound for an unknown agency; kInvalidInput for a broken
  // pattern (message from core); kOutOfRange when the day's numbers are exhausted.
  core::Result<NumberingPreview> preview(const core::StaffMember& actor,
                                         std::string_view agency_code,
                                         std::string_view pattern) const;

  // The preview under the agency's stored pattern.
  core::Result<NumberingPreview> current(const core::StaffMember& actor,
                                         std::string_view agency_code) const;

  // Stores `pattern` as the agency's, with the audit entry "agency.case_code_pattern" (before
  // and after). Same errors as preview, and kForbidden when `actor` may not change it. Codes
  // already issued stay as they are.
  core::Status save(const core::StaffMember& actor, std::string_view agency_code,
                    std::string_view pattern) const;

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace motcua::app
