#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/store.h"
#include "core/account.h"
#include "core/agency.h"
#include "core/result.h"

namespace motcua::app {

// Agencies (cơ quan, đơn vị), admin only (app/admin_access.h). Each change is one transaction
// with its audit entry "agency.create" / "agency.update" (entity "agency", id the code).
class AgencyAdmin {
 public:
  AgencyAdmin(Store& store, const Clock& clock);

  core::Result<std::vector<core::Agency>> list(const core::StaffMember& actor) const;
  core::Result<std::optional<core::Agency>> find(const core::StaffMember& actor,
                                                 std::string_view code) const;

  // Creates (`creating`: kConflict when the code exists) or replaces (kNotFound when it does
  // not) the agency. kInvalidInput for: a bad code (core::validate_agency_code), an empty name,
  // a parent or successor that is unknown or the agency itself, a valid_until before
  // valid_from, a case-number pattern that does not parse, a tax code (MST) that is not 10 or
  // 13 digits, a bank BIN that is not 6 digits, or an account that is not 1-19 digits (each
  // of the last three may be empty).
  core::Status save(const core::StaffMember& actor, const core::Agency& agency,
                    bool creating) const;

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace motcua::app
