#include "app/numbering_config.h"

#include <chrono>

#include "app/admin_access.h"
#include "app/json_object.h"
#include "core/case_code.h"
#include "core/civil_time.h"

namespace motcua::app {
namespace {

core::Result<core::Agency> agency_of(Repositories& repos, std::string_view code) {
  core::Result<std::optional<core::Agency>> found = repos.agencies().find(code);
  if (!found.ok()) return found.error();
  if (!found->has_value()) {
    return core::Error{core::ErrorKind::kNotFound, "there is no agency " + std::string(code)};
  }
  return std::move(**found);
}

core::Result<NumberingPreview> preview_in(Repositories& repos, std::string_view agency_code,
                                          std::string_view pattern_text,
                                          std::chrono::year_month_day today) {
  core::Result<core::Agency> agency = agency_of(repos, agency_code);
  if (!agency.ok()) return agency.error();
  core::Result<core::CaseCodePattern> pattern = core::CaseCodePattern::parse(pattern_text);
  if (!pattern.ok()) return pattern.error();
  core::Result<std::int64_t> last =
      repos.sequences().current(pattern->scope_key(agency->code, today));
  if (!last.ok()) return last.error();
  core::Result<std::string> next = pattern->next(agency->code, today, *last);
  if (!next.ok()) return next.error();
  return NumberingPreview{agency->code, pattern->text(), *next, *last};
}

}  // namespace

NumberingConfig::NumberingConfig(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

core::Result<NumberingPreview> NumberingConfig::preview(const core::StaffMember& actor,
                                                        std::string_view agency_code,
                                                        std::string_view pattern) const {
  if (!may_view_numbering(actor, agency_code)) {
    return core::Error{
        core::ErrorKind::kForbidden,
        actor.username + " may not read the numbering of " + std::string(agency_code)};
  }
  const std::chrono::year_month_day today{core::local_day(core::to_vietnam_local(clock_.now()))};
  NumberingPreview out;
  core::Status read = store_.read([&](Repositories& repos) -> core::Status {
    core::Result<NumberingPreview> p = preview_in(repos, agency_code, pattern, today);
    if (!p.ok()) return p.error();
    out = std::move(p).value();
    return {};
  });
  if (!read.ok()) return read.error();
  return out;
}

core::Result<NumberingPreview> NumberingConfig::current(const core::StaffMember& actor,
                                                        std::string_view agency_code) const {
  if (!may_view_numbering(actor, agency_code)) {
    return core::Error{
        core::ErrorKind::kForbidden,
        actor.username + " may not read the numbering of " + std::string(agency_code)};
  }
  std::string pattern;
  core::Status read = store_.read([&](Repositories& repos) -> core::Status {
    core::Result<core::Agency> agency = agency_of(repos, agency_code);
    if (!agency.ok()) return agency.error();
    pattern = agency->case_code_pattern;
    return {};
  });
  if (!read.ok()) return read.error();
  return preview(actor, agency_code, pattern);
}

core::Status NumberingConfig::save(const core::StaffMember& actor, std::string_view agency_code,
                                   std::string_view pattern) const {
  if (!may_configure_numbering(actor, agency_code)) {
    return core::Error{
        core::ErrorKind::kForbidden,
        actor.username + " may not change the numbering of " + std::string(agency_code)};
  }
  const std::chrono::sys_seconds now = clock_.now();
  const std::chrono::year_month_day today{core::local_day(core::to_vietnam_local(now))};
  return store_.transact([&](Repositories& repos) -> core::Status {
    // The preview validates the pattern against today's numbers, as the page showed it.
    core::Result<NumberingPreview> checked = preview_in(repos, agency_code, pattern, today);
    if (!checked.ok()) return checked.error();
    core::Result<core::Agency> found = agency_of(repos, agency_code);
    if (!found.ok()) return found.error();
    core::Agency agency = std::move(found).value();
    std::string before = agency.case_code_pattern;
    agency.case_code_pattern = checked->pattern;
    if (core::Status saved = repos.agencies().save(agency); !saved.ok()) return saved;
    return repos.audit().append(
        AuditEntry{.at = now,
                   .actor = audit_actor(actor),
                   .action = "agency.case_code_pattern",
                   .entity_type = "agency",
                   .entity_id = agency.code,
                   .before = JsonObject().add("case_code_pattern", before).str(),
                   .after = JsonObject().add("case_code_pattern", checked->pattern).str()});
  });
}

}  // namespace motcua::app
