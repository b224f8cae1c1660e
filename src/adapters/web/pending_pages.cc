// "Hồ sơ chờ tiếp nhận": the Mới đăng ký cases of the officer's unit, in the lookup pages' table,
// each row with "Tiếp nhận" and "Không tiếp nhận" posted to the case's status change.
#include <string>

#include "adapters/web/case_table.h"
#include "adapters/web/console_pages.h"
#include "adapters/web/page_support.h"
#include "app/case_lookup.h"
#include "core/case_status.h"

namespace motcua::adapters::web {
namespace {

constexpr const char* kPendingHref = "/can-bo/ho-so-cho-tiep-nhan";

HttpResponse pending(WebState& state, const HttpRequest& request,
                     const app::StaffSession& session) {
  Language language = language_of(request);
  app::CaseQuery query;
  query.status = core::CaseStatus::kNew;
  query.page = number_of(request.query_value("trang")).value_or(1);
  if (query.page < 1) query.page = 1;
  query.page_size = 10;
  core::Result<app::CaseListPage> found =
      app::CaseLookup(state.deps.store, state.deps.clock)
          .search(session.staff, core::CaseScopeKind::kUnit, query);
  if (!found.ok()) {
    int status = http_status_for(found.error().kind);
    return error_page(state, request, status, status == 403 ? "forbidden" : "server_error",
                      session);
  }

  TemplateData data =
      actionable_case_list(*found, kPendingHref, [&](const app::CaseListItem& item) {
        TemplateData actions = TemplateData::list();
        actions.push(row_action(item.record.code, core::CaseStatus::kAccepted,
                                std::string(text(language, "accept_case")), ""));
        actions.push(row_action(item.record.code, core::CaseStatus::kRejected,
                                std::string(text(language, "refuse_case")),
                                std::string(text(language, "refusal_reason"))));
        return actions;
      });
  return console_page(state, request, 200, std::string(text(language, "menu_pending")),
                      "case_lookup", data, session, kPendingHref);
}

}  // namespace

void add_pending_routes(WebState& state) {
  state.router.add("GET", kPendingHref,
                   staff_only(state, [&state](HttpRequest& r, const app::StaffSession& s) {
                     return pending(state, r, s);
                   }));
}

}  // namespace motcua::adapters::web
