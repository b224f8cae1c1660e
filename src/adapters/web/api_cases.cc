// GET /api/v1/cases (the lookup pages' search), GET /api/v1/cases/{code} (the case page) and
// POST /api/v1/cases/{code}/status (its status change), with the console's scope rules.
#include <boost/json.hpp>
#include <set>

#include "adapters/web/api_case_json.h"
#include "adapters/web/api_routes.h"
#include "adapters/web/api_support.h"
#include "adapters/web/case_table.h"
#include "app/case_lookup.h"
#include "app/case_workflow.h"
#include "core/case_status.h"

namespace motcua::adapters::web {
namespace {

namespace json = boost::json;

constexpr std::int64_t kPageSize = 10;  // the guide's "Hiển thị 10"

// The names of the officers assigned to `items` (the "Cán bộ" column); a failed read leaves
// names out rather than failing the answer.
StaffNames officer_names(WebState& state, const std::vector<const app::CaseListItem*>& items) {
  std::set<std::int64_t> ids;
  for (const app::CaseListItem* item : items) {
    if (item->record.assigned_staff_id) ids.insert(*item->record.assigned_staff_id);
  }
  StaffNames names;
  if (ids.empty()) return names;
  (void)state.deps.store.read([&](app::Repositories& r) -> core::Status {
    for (std::int64_t id : ids) {
      auto staff = r.staff().find_by_id(id);
      if (staff.ok() && staff->has_value()) names[id] = (*staff)->full_name;
    }
    return {};
  });
  return names;
}

// ?scope=own|unit|agency|all; empty: the widest scope the caller's roles give.
std::optional<core::CaseScopeKind> scope_kind(std::string_view text,
                                              const core::StaffMember& staff) {
  if (text.empty()) {
    core::Result<core::CaseScope> widest = core::widest_scope(staff);
    return widest.ok() ? std::optional(widest->kind) : std::optional(core::CaseScopeKind::kOwn);
  }
  if (text == "own") return core::CaseScopeKind::kOwn;
  if (text == "unit") return core::CaseScopeKind::kUnit;
  if (text == "agency") return core::CaseScopeKind::kAgency;
  if (text == "all") return core::CaseScopeKind::kAll;
  return std::nullopt;
}

std::string_view scope_code(core::CaseScopeKind kind) {
  switch (kind) {
    case core::CaseScopeKind::kOwn:
      return "own";
    case core::CaseScopeKind::kUnit:
      return "unit";
    case core::CaseScopeKind::kAgency:
      return "agency";
    case core::CaseScopeKind::kAll:
      break;
  }
  return "all";
}

std::string trimmed(std::string text) {
  constexpr std::string_view kSpace = " \t\r\n";
  size_t first = text.find_first_not_of(kSpace);
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// Search fields as the console reads them: a status that is not a status number matches no
// case; a page that is not a positive number is page 1.
HttpResponse list_cases(WebState& state, const HttpRequest& request,
                        const app::StaffSession& session) {
  std::optional<core::CaseScopeKind> kind = scope_kind(request.query_value("scope"), session.staff);
  if (!kind) {
    return problem(request, 422, "validation", "scope is one of own, unit, agency, all",
                   {{"scope", "must be own, unit, agency or all"}});
  }
  app::CaseQuery query;
  query.code = trimmed(request.query_value("code"));
  query.id_number = trimmed(request.query_value("id_number"));
  query.name = trimmed(request.query_value("name"));
  query.page = number_of(request.query_value("page")).value_or(1);
  if (query.page < 1) query.page = 1;
  query.page_size = kPageSize;
  // Refuse a scope the roles do not give before anything else, whatever the other fields.
  if (core::Result<core::CaseScope> granted = core::grant_scope(session.staff, *kind);
      !granted.ok()) {
    return problem_for(request, granted.error());
  }
  bool matches_nothing = false;
  if (std::string status = trimmed(request.query_value("status")); !status.empty()) {
    std::optional<std::int64_t> number = number_of(status);
    if (number && *number >= 1 && *number <= 11) {
      query.status = core::case_status_from_number(static_cast<int>(*number)).value();
    } else {
      matches_nothing = true;
    }
  }
  app::CaseListPage found;
  found.page = query.page;
  found.page_size = query.page_size;
  if (!matches_nothing) {
    core::Result<app::CaseListPage> searched =
        app::CaseLookup(state.deps.store, state.deps.clock).search(session.staff, *kind, query);
    if (!searched.ok()) return problem_for(request, searched.error());
    found = std::move(searched.value());
  }
  std::vector<const app::CaseListItem*> items;
  for (const app::CaseListItem& item : found.items) items.push_back(&item);
  StaffNames names = officer_names(state, items);
  json::array list;
  for (const app::CaseListItem* item : items) list.push_back(case_summary_json(*item, names));
  json::object body{{"scope", scope_code(*kind)},
                    {"page", found.page},
                    {"page_size", found.page_size},
                    {"total", found.total},
                    {"items", std::move(list)}};
  return json_response(200, body);
}

// The case, or 404 for a case the caller may not see: the answer does not reveal that it
// exists.
HttpResponse get_case(WebState& state, const HttpRequest& request, const app::StaffSession& session,
                      std::string_view code, int status) {
  core::Result<app::CaseDetail> detail =
      app::CaseLookup(state.deps.store, state.deps.clock).open_case(session.staff, code);
  if (!detail.ok()) {
    core::ErrorKind kind = detail.error().kind;
    if (kind == core::ErrorKind::kNotFound || kind == core::ErrorKind::kForbidden) {
      return problem(request, 404, "not_found", "there is no case " + std::string(code));
    }
    return problem_for(request, detail.error());
  }
  StaffNames names = officer_names(state, {&detail->summary});
  return json_response(status, case_detail_json(*detail, names));
}

// POST /api/v1/cases/{code}/status {status, reason, version}.
HttpResponse change_status(WebState& state, const HttpRequest& request,
                           const app::StaffSession& session) {
  std::string code = request.path_params.at("code");
  json::error_code ec;
  json::value parsed = json::parse(request.body, ec);
  if (ec || !parsed.is_object()) {
    return problem(request, 400, "bad_json", "the body must be a JSON object");
  }
  const json::object& body = parsed.get_object();
  std::vector<FieldProblem> errors;
  std::optional<core::CaseStatus> to;
  if (const json::value* v = body.if_contains("status"); v && v->is_int64()) {
    std::int64_t n = v->get_int64();
    if (n >= 1 && n <= 11) to = core::case_status_from_number(static_cast<int>(n)).value();
  }
  if (!to) errors.push_back({"status", "a status number from 1 to 11"});
  std::optional<std::int64_t> version;
  if (const json::value* v = body.if_contains("version"); v && v->is_int64()) {
    version = v->get_int64();
  }
  if (!version) errors.push_back({"version", "the case's version, as GET returned it"});
  std::string reason;
  if (const json::value* v = body.if_contains("reason"); v && !v->is_null()) {
    if (v->is_string()) {
      reason = trimmed(std::string(v->get_string()));
    } else {
      errors.push_back({"reason", "a string"});
    }
  }
  for (const auto& member : body) {
    std::string_view key = member.key();
    if (key != "status" && key != "version" && key != "reason") {
      errors.push_back({std::string(key), "unknown field"});
    }
  }
  if (!errors.empty()) return problem(request, 422, "validation", "the body is invalid", errors);

  core::Result<std::shared_ptr<const core::WorkingCalendar>> calendar = current_calendar(state);
  if (!calendar.ok()) return problem_for(request, calendar.error());
  app::CaseWorkflow workflow(state.deps.store, state.deps.clock, **calendar);
  core::Result<core::CaseRecord> changed =
      workflow.change_status(session.staff, code, *version, *to, reason);
  if (changed.ok()) return get_case(state, request, session, changed->code, 200);
  const core::Error& error = changed.error();
  if (error.kind == core::ErrorKind::kForbidden || error.kind == core::ErrorKind::kNotFound) {
    // A case the caller may see but not change is a 403; one it may not see stays hidden.
    HttpResponse seen = get_case(state, request, session, code, 200);
    if (seen.status != 200) return seen;
    return problem(request, 403, "forbidden", "you may view but not change case " + code);
  }
  if (error.kind == core::ErrorKind::kInvalidInput) {
    return problem(request, 422, "validation", error.message, {{"reason", error.message}});
  }
  return problem_for(request, error);
}

}  // namespace

void add_api_case_routes(WebState& state) {
  state.router.add(
      "GET", "/api/v1/cases",
      api_staff_only(state, false, [&state](HttpRequest& r, const app::StaffSession& s) {
        return list_cases(state, r, s);
      }));
  state.router.add(
      "GET", "/api/v1/cases/{code}",
      api_staff_only(state, false, [&state](HttpRequest& r, const app::StaffSession& s) {
        return get_case(state, r, s, r.path_params["code"], 200);
      }));
  state.router.add(
      "POST", "/api/v1/cases/{code}/status",
      api_staff_only(state, true, [&state](HttpRequest& r, const app::StaffSession& s) {
        return change_status(state, r, s);
      }));
}

}  // namespace motcua::adapters::web
