// "Xử lý hồ sơ": the officer's unit's cases in processing, in the lookup pages' table, each
// row with one form per next status the transition table allows, posted to the case's status
// change (lookup_pages.cc) and coming back here.
#include <string>
#include <vector>

#include "adapters/web/case_table.h"
#include "adapters/web/intake_routes.h"
#include "adapters/web/page_support.h"
#include "app/case_lookup.h"
#include "core/case_status.h"

namespace motcua::adapters::web {
namespace {

constexpr const char* kProcessHref = "/can-bo/xu-ly-ho-so";

// The statuses a case can still move on from, except Mới đăng ký ("Hồ sơ chờ tiếp nhận" has
// those): read off the transition table, so a new move shows up here by itself.
std::vector<core::CaseStatus> processing_statuses() {
  std::vector<core::CaseStatus> statuses;
  for (const core::CaseTransitionRule& rule : core::case_transition_table()) {
    if (rule.from == core::CaseStatus::kNew) continue;
    bool seen = false;
    for (core::CaseStatus s : statuses) seen = seen || s == rule.from;
    if (!seen) statuses.push_back(rule.from);
  }
  return statuses;
}

HttpResponse process_list(WebState& state, const HttpRequest& request,
                          const app::StaffSession& session) {
  Language language = language_of(request);
  app::CaseQuery query;
  query.statuses = processing_statuses();
  query.page = number_of(request.query_value("trang")).value_or(1);
  if (query.page < 1) query.page = 1;
  query.page_size = 10;
  // The unit's cases; a staff member without a unit scope works on the cases assigned to them.
  core::CaseScopeKind kind = core::grant_scope(session.staff, core::CaseScopeKind::kUnit).ok()
                                 ? core::CaseScopeKind::kUnit
                                 : core::CaseScopeKind::kOwn;
  core::Result<app::CaseListPage> found =
      app::CaseLookup(state.deps.store, state.deps.clock).search(session.staff, kind, query);
  if (!found.ok()) {
    int status = http_status_for(found.error().kind);
    return error_page(state, request, status, status == 403 ? "forbidden" : "server_error",
                      session);
  }

  std::string reason_label(text(language, "reason"));
  TemplateData data =
      actionable_case_list(*found, kProcessHref, [&](const app::CaseListItem& item) {
        TemplateData actions = TemplateData::list();
        if (!item.rights.change) return actions;
        for (const core::CaseTransitionRule& rule : core::case_transition_table()) {
          if (rule.from != item.record.status) continue;
          actions.push(row_action(item.record.code, rule.to, std::string(core::label_vi(rule.to)),
                                  rule.reason_required ? reason_label : ""));
        }
        return actions;
      });
  data.set("intro", std::string(text(language, "process_intro")));
  return console_page(state, request, 200, std::string(text(language, "menu_process")),
                      "case_lookup", data, session, kProcessHref);
}

}  // namespace

void add_process_route(WebState& state) {
  state.router.add("GET", kProcessHref,
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return process_list(state, r, s);
                   }));
}

}  // namespace motcua::adapters::web
