#include "app/agency_admin.h"

#include "app/admin_access.h"
#include "app/admin_text.h"
#include "app/json_object.h"
#include "core/case_code.h"

namespace motcua::app {
namespace {

bool digits_only(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

core::Status check_fields(const core::Agency& a) {
  if (core::Status code = core::validate_agency_code(a.code); !code.ok()) return code;
  if (a.name.empty()) return core::invalid_input("an agency needs a name");
  if (a.parent_code == a.code) return core::invalid_input("an agency cannot be its own parent");
  if (a.successor_code && *a.successor_code == a.code) {
    return core::invalid_input("an agency cannot succeed itself");
  }
  if (a.valid_until && *a.valid_until < a.valid_from) {
    return core::invalid_input("the last valid day is before the first");
  }
  if (auto pattern = core::CaseCodePattern::parse(a.case_code_pattern); !pattern.ok()) {
    return pattern.error();
  }
  if (!a.tax_code.empty() &&
      (!digits_only(a.tax_code) || (a.tax_code.size() != 10 && a.tax_code.size() != 13))) {
    return core::invalid_input("a tax code (MST) has 10 or 13 digits");
  }
  if (!a.bank_bin.empty() && (!digits_only(a.bank_bin) || a.bank_bin.size() != 6)) {
    return core::invalid_input("a bank BIN has 6 digits");
  }
  if (!a.bank_account.empty() && (!digits_only(a.bank_account) || a.bank_account.size() > 19)) {
    return core::invalid_input("a bank account has at most 19 digits");
  }
  return {};
}

core::Status known(Repositories& repos, const std::string& code, std::string_view what) {
  auto found = repos.agencies().find(code);
  if (!found.ok()) return found.error();
  if (!found->has_value()) {
    return core::invalid_input("unknown " + std::string(what) + " agency " + code);
  }
  return {};
}

std::string snapshot(const core::Agency& a) {
  return JsonObject()
      .add("code", a.code)
      .add("name", a.name)
      .add("parent_code", a.parent_code)
      .add("successor_code", a.successor_code.value_or(""))
      .add("tax_code", a.tax_code)
      .add("bank_bin", a.bank_bin)
      .add("bank_account", a.bank_account)
      .add("receipt_form_symbol", a.receipt_form_symbol)
      .add("receipt_series", a.receipt_series)
      .add("case_code_pattern", a.case_code_pattern)
      .str();
}

}  // namespace

AgencyAdmin::AgencyAdmin(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

core::Result<std::vector<core::Agency>> AgencyAdmin::list(const core::StaffMember& actor) const {
  if (core::Status allowed = require_admin(actor); !allowed.ok()) return allowed.error();
  std::vector<core::Agency> out;
  core::Status read = store_.read([&](Repositories& repos) -> core::Status {
    auto all = repos.agencies().list();
    if (!all.ok()) return all.error();
    out = std::move(all).value();
    return {};
  });
  if (!read.ok()) return read.error();
  return out;
}

core::Result<std::optional<core::Agency>> AgencyAdmin::find(const core::StaffMember& actor,
                                                            std::string_view code) const {
  if (core::Status allowed = require_admin(actor); !allowed.ok()) return allowed.error();
  std::optional<core::Agency> out;
  core::Status read = store_.read([&](Repositories& repos) -> core::Status {
    auto found = repos.agencies().find(code);
    if (!found.ok()) return found.error();
    out = std::move(found).value();
    return {};
  });
  if (!read.ok()) return read.error();
  return out;
}

core::Status AgencyAdmin::save(const core::StaffMember& actor, const core::Agency& input,
                               bool creating) const {
  if (core::Status allowed = require_admin(actor); !allowed.ok()) return allowed;
  core::Agency agency = input;
  for (std::string* field : {&agency.code, &agency.name, &agency.parent_code, &agency.tax_code,
                             &agency.bank_bin, &agency.bank_account, &agency.receipt_form_symbol,
                             &agency.receipt_series, &agency.case_code_pattern}) {
    core::Result<std::string> tidy = tidy_text(*field);
    if (!tidy.ok()) return tidy.error();
    *field = std::move(tidy).value();
  }
  if (agency.successor_code) {
    core::Result<std::string> tidy = tidy_text(*agency.successor_code);
    if (!tidy.ok()) return tidy.error();
    agency.successor_code = tidy->empty() ? std::nullopt : std::optional(*tidy);
  }
  if (core::Status valid = check_fields(agency); !valid.ok()) return valid;
  const std::chrono::sys_seconds now = clock_.now();
  return store_.transact([&](Repositories& repos) -> core::Status {
    auto existing = repos.agencies().find(agency.code);
    if (!existing.ok()) return existing.error();
    if (creating && existing->has_value()) {
      return core::Error{core::ErrorKind::kConflict, "agency " + agency.code + " exists"};
    }
    if (!creating && !existing->has_value()) {
      return core::Error{core::ErrorKind::kNotFound, "there is no agency " + agency.code};
    }
    if (!agency.parent_code.empty()) {
      if (core::Status s = known(repos, agency.parent_code, "parent"); !s.ok()) return s;
    }
    if (agency.successor_code) {
      if (core::Status s = known(repos, *agency.successor_code, "successor"); !s.ok()) return s;
    }
    if (core::Status saved = repos.agencies().save(agency); !saved.ok()) return saved;
    return repos.audit().append(
        AuditEntry{.at = now,
                   .actor = audit_actor(actor),
                   .action = creating ? "agency.create" : "agency.update",
                   .entity_type = "agency",
                   .entity_id = agency.code,
                   .before = creating ? std::string() : snapshot(**existing),
                   .after = snapshot(agency)});
  });
}

}  // namespace motcua::app
