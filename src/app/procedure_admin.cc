#include "app/procedure_admin.h"

#include "app/admin_access.h"
#include "app/admin_text.h"
#include "app/json_object.h"
#include "core/civil_time.h"

namespace motcua::app {
namespace {

std::string snapshot(const core::Procedure& p) {
  return JsonObject()
      .add("code", p.code)
      .add("name", p.name)
      .add("field", p.field)
      .add("processing_days", p.processing_days)
      .add("fee_items", static_cast<std::int64_t>(p.fees.size()))
      .str();
}

std::string fee_snapshot(const core::ProcedureFee& fee) {
  JsonObject json;
  json.add("name", fee.item.name).add("unit", fee.item.unit);
  for (size_t i = 0; i < fee.item.tiers.size(); ++i) {
    std::string key = "tier" + std::to_string(i + 1);
    json.add(key + "_from_unit", fee.item.tiers[i].from_unit);
    json.add(key + "_amount", fee.item.tiers[i].unit_amount.in_dong());
  }
  if (fee.item.cap_per_set) json.add("cap_per_set", fee.item.cap_per_set->in_dong());
  json.add("valid_from", core::format_iso_date(std::chrono::year_month_day{fee.valid_from}));
  return json.str();
}

core::Status tidy(std::string& text) {
  core::Result<std::string> t = tidy_text(text);
  if (!t.ok()) return t.error();
  text = std::move(t).value();
  return {};
}

}  // namespace

ProcedureAdmin::ProcedureAdmin(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

core::Result<std::vector<core::Procedure>> ProcedureAdmin::search(const core::StaffMember& actor,
                                                                  std::string_view text,
                                                                  std::int64_t limit) const {
  if (core::Status allowed = require_admin(actor); !allowed.ok()) return allowed.error();
  std::vector<core::Procedure> out;
  core::Status read = store_.read([&](Repositories& repos) -> core::Status {
    auto found = repos.procedures().search(text, "", limit);
    if (!found.ok()) return found.error();
    out = std::move(found).value();
    return {};
  });
  if (!read.ok()) return read.error();
  return out;
}

core::Result<std::optional<core::Procedure>> ProcedureAdmin::find(const core::StaffMember& actor,
                                                                  std::string_view code) const {
  if (core::Status allowed = require_admin(actor); !allowed.ok()) return allowed.error();
  std::optional<core::Procedure> out;
  core::Status read = store_.read([&](Repositories& repos) -> core::Status {
    auto found = repos.procedures().find(code);
    if (!found.ok()) return found.error();
    out = std::move(found).value();
    return {};
  });
  if (!read.ok()) return read.error();
  return out;
}

core::Status ProcedureAdmin::change(
    const core::StaffMember& actor, std::string_view code, std::string_view action,
    const std::function<core::Status(core::Procedure&, std::string&)>& edit) const {
  if (core::Status allowed = require_admin(actor); !allowed.ok()) return allowed;
  const std::chrono::sys_seconds now = clock_.now();
  return store_.transact([&](Repositories& repos) -> core::Status {
    auto found = repos.procedures().find(code);
    if (!found.ok()) return found.error();
    if (!found->has_value()) {
      return core::Error{core::ErrorKind::kNotFound, "there is no procedure " + std::string(code)};
    }
    core::Procedure procedure = std::move(**found);
    std::string before = snapshot(procedure);
    std::string after;
    if (core::Status edited = edit(procedure, after); !edited.ok()) return edited;
    if (core::Status saved = repos.procedures().save(procedure); !saved.ok()) return saved;
    return repos.audit().append(AuditEntry{.at = now,
                                           .actor = audit_actor(actor),
                                           .action = std::string(action),
                                           .entity_type = "procedure",
                                           .entity_id = procedure.code,
                                           .before = before,
                                           .after = after.empty() ? snapshot(procedure) : after});
  });
}

core::Status ProcedureAdmin::update_details(const core::StaffMember& actor, std::string_view code,
                                            const ProcedureDetails& input) const {
  ProcedureDetails details = input;
  if (core::Status s = tidy(details.name); !s.ok()) return s;
  if (core::Status s = tidy(details.field); !s.ok()) return s;
  if (details.name.empty()) return core::invalid_input("a procedure needs a name");
  if (details.field.empty()) return core::invalid_input("a procedure needs a field");
  if (details.processing_days < 0 || details.processing_days > kMaxProcessingDays) {
    return core::invalid_input("processing days are 0-365");
  }
  return change(actor, code, "procedure.update",
                [&](core::Procedure& p, std::string&) -> core::Status {
                  p.name = details.name;
                  p.field = details.field;
                  p.processing_days = details.processing_days;
                  return {};
                });
}

core::Status ProcedureAdmin::update_public_terms(const core::StaffMember& actor,
                                                 std::string_view code,
                                                 const ProcedurePublicTerms& input) const {
  ProcedurePublicTerms terms = input;
  if (core::Status s = tidy(terms.implementing_agency); !s.ok()) return s;
  if (terms.implementing_agency.size() > kMaxAgencyText) {
    return core::invalid_input("the implementing agency is too long");
  }
  for (core::ProcedureDocument& d : terms.documents) {
    if (core::Status s = tidy(d.name); !s.ok()) return s;
    if (d.name.empty()) return core::invalid_input("a document needs a name");
    if (d.originals < 0 || d.copies < 0) return core::invalid_input("counts are not negative");
  }
  return change(actor, code, "procedure.terms",
                [&](core::Procedure& p, std::string& after) -> core::Status {
                  p.implementing_agency = terms.implementing_agency;
                  p.online = terms.online;
                  p.fees_up_front = terms.fees_up_front;
                  p.documents = terms.documents;
                  after = JsonObject()
                              .add("implementing_agency", p.implementing_agency)
                              .add("online", p.online)
                              .add("fees_up_front", p.fees_up_front)
                              .add("documents", static_cast<std::int64_t>(p.documents.size()))
                              .str();
                  return {};
                });
}

core::Status ProcedureAdmin::add_fee(const core::StaffMember& actor, std::string_view code,
                                     const core::ProcedureFee& input) const {
  core::ProcedureFee fee = input;
  if (core::Status s = tidy(fee.item.name); !s.ok()) return s;
  if (core::Status s = tidy(fee.item.unit); !s.ok()) return s;
  if (core::Status s = tidy(fee.legal_basis); !s.ok()) return s;
  for (core::FeeTier& tier : fee.item.tiers) {
    if (core::Status s = tidy(tier.description); !s.ok()) return s;
    if (tier.description.empty()) tier.description = fee.item.name;
  }
  if (fee.item.name.empty()) return core::invalid_input("a fee item needs a name");
  if (fee.item.unit.empty()) return core::invalid_input("a fee item needs a unit");
  if (core::Status valid = core::validate_fee_item(fee.item); !valid.ok()) return valid;
  if (fee.item.tiers.empty()) return core::invalid_input("a fee item needs an amount");
  if (fee.item.cap_per_set && !(fee.item.cap_per_set->in_dong() > 0)) {
    return core::invalid_input("a cap must be positive");
  }
  if (fee.valid_until && *fee.valid_until < fee.valid_from) {
    return core::invalid_input("the last day is before the first");
  }
  return change(actor, code, "procedure.fee_add",
                [&](core::Procedure& p, std::string& after) -> core::Status {
                  p.fees.push_back(fee);
                  after = fee_snapshot(fee);
                  return {};
                });
}

core::Status ProcedureAdmin::remove_fee(const core::StaffMember& actor, std::string_view code,
                                        std::size_t index) const {
  return change(actor, code, "procedure.fee_remove",
                [&](core::Procedure& p, std::string& after) -> core::Status {
                  if (index >= p.fees.size()) {
                    return core::Error{core::ErrorKind::kNotFound, "there is no such fee item"};
                  }
                  after = JsonObject().add("removed", fee_snapshot(p.fees[index])).str();
                  p.fees.erase(p.fees.begin() + static_cast<std::ptrdiff_t>(index));
                  return {};
                });
}

}  // namespace motcua::app
