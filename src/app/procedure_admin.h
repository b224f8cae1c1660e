#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/store.h"
#include "core/account.h"
#include "core/procedure.h"
#include "core/result.h"

namespace motcua::app {

// What the admin may edit of a procedure (thủ tục). The national code, level, legal basis and
// source come from the catalogue and stay as they are.
struct ProcedureDetails {
  std::string name;
  std::string field;  // lĩnh vực
  std::int64_t processing_days = 0;
};

inline constexpr std::int64_t kMaxProcessingDays = 365;

// What the public catalogue shows of a procedure beside its details: cơ quan thực hiện,
// whether it is offered online and collects its fees at submission, and its documents.
struct ProcedurePublicTerms {
  std::string implementing_agency;
  bool online = true;
  bool fees_up_front = true;
  std::vector<core::ProcedureDocument> documents;  // e.g. from core::parse_document_lines
};

inline constexpr std::size_t kMaxAgencyText = 300;

// Procedures and their dated fee items, admin only (app/admin_access.h). Each change is one
// transaction with its audit entry (entity "procedure", id the code).
class ProcedureAdmin {
 public:
  ProcedureAdmin(Store& store, const Clock& clock);

  // Name or code matching `text` ignoring case and diacritics; empty text lists all.
  core::Result<std::vector<core::Procedure>> search(const core::StaffMember& actor,
                                                    std::string_view text,
                                                    std::int64_t limit) const;
  core::Result<std::optional<core::Procedure>> find(const core::StaffMember& actor,
                                                    std::string_view code) const;

  // kInvalidInput for an empty name or field, or processing days outside 0-365; kNotFound for
  // an unknown procedure. Audit "procedure.update".
  core::Status update_details(const core::StaffMember& actor, std::string_view code,
                              const ProcedureDetails& details) const;

  // Replaces the public terms. kInvalidInput for an agency longer than kMaxAgencyText bytes or
  // not UTF-8, a document without a name or with a negative count; kNotFound for an unknown
  // procedure. Audit "procedure.terms".
  core::Status update_public_terms(const core::StaffMember& actor, std::string_view code,
                                   const ProcedurePublicTerms& terms) const;

  // Adds a fee item. kInvalidInput for an empty name or unit, tiers that break
  // core::validate_fee_item, a zero or negative cap, or a valid_until before valid_from.
  // Audit "procedure.fee_add".
  core::Status add_fee(const core::StaffMember& actor, std::string_view code,
                       const core::ProcedureFee& fee) const;

  // Removes the fee item at `index` (as listed by find). kNotFound for a bad index. Cases
  // already taken in keep their fee lines. Audit "procedure.fee_remove".
  core::Status remove_fee(const core::StaffMember& actor, std::string_view code,
                          std::size_t index) const;

 private:
  core::Status change(
      const core::StaffMember& actor, std::string_view code, std::string_view action,
      const std::function<core::Status(core::Procedure&, std::string&)>& edit) const;
  Store& store_;
  const Clock& clock_;
};

}  // namespace motcua::app
