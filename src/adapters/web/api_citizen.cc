// The citizen API: a portal account's own cases as JSON, with the portal's session cookie
// (motcua_portal). Only GETs, so no CSRF token. No citizen session (a staff session does not
// count): 401; another account's case: 404, as for an unknown code.
#include <boost/json.hpp>
#include <string>

#include "adapters/web/api_case_json.h"
#include "adapters/web/api_support.h"
#include "adapters/web/case_history.h"
#include "adapters/web/case_table.h"
#include "adapters/web/mycases_routes.h"
#include "adapters/web/page_support.h"
#include "adapters/web/public_site.h"
#include "app/citizen_cases.h"
#include "core/receipt_state.h"

namespace motcua::adapters::web {
namespace {

namespace json = boost::json;

template <typename Handler>
HttpHandler api_citizen_only(WebState& state, Handler handler) {
  return [&state, handler](HttpRequest& request) -> HttpResponse {
    std::optional<app::CitizenSession> session = signed_in_citizen(state, request);
    if (!session) {
      return problem(request, 401, "unauthenticated",
                     "sign in on the portal (/dang-nhap) and send its motcua_portal cookie");
    }
    return handler(request, *session);
  };
}

std::string api_citizen_case_href(std::string_view code) {
  return "/api/v1/citizen/cases/" + percent_encoded(code);
}

// The staff API's summary without what concerns the office only (the assigned officer), plus
// the agency's name, the citizen's links and whether "Thanh toán" is offered.
json::object citizen_summary(WebState& state, const app::CaseListItem& item, bool payable) {
  const core::CaseRecord& c = item.record;
  json::object out = case_summary_json(item, {});
  out.erase("officer");
  out["agency_name"] = item.agency_name;
  out["href"] = api_citizen_case_href(c.code);
  out["page_url"] = my_case_href(c.code);
  out["payable"] = payable;
  out["pay_url"] = payable ? json::value(payment_link_url(state, c.code)) : json::value(nullptr);
  return out;
}

HttpResponse list_cases(WebState& state, const HttpRequest& request,
                        const app::CitizenSession& session) {
  CitizenFilters filters = citizen_filters(
      request.query_value("code"), request.query_value("status"), request.query_value("field"),
      request.query_value("page"), request.query_value("page_size"));
  std::vector<FieldProblem> errors;
  if (filters.bad_status) errors.push_back({"status", "a status number from 1 to 11"});
  if (filters.bad_page_size) errors.push_back({"page_size", "10, 20 or 50"});
  if (!errors.empty()) return problem(request, 422, "validation", "bad filters", errors);
  core::Result<app::CitizenCasePage> found = app::CitizenCases(state.deps.store, state.deps.clock)
                                                 .search(session.citizen.id, filters.query);
  if (!found.ok()) return problem_for(request, found.error());
  const app::CaseListPage& page = found->page;
  json::array items;
  for (std::size_t i = 0; i < page.items.size(); ++i) {
    items.push_back(citizen_summary(state, page.items[i], found->payable[i]));
  }
  return json_response(200, json::object{{"page", page.page},
                                         {"page_size", page.page_size},
                                         {"total", page.total},
                                         {"items", std::move(items)}});
}

HttpResponse get_case(WebState& state, const HttpRequest& request,
                      const app::CitizenSession& session) {
  const std::string& code = request.path_params.at("code");
  core::Result<app::CitizenCaseDetail> found =
      app::CitizenCases(state.deps.store, state.deps.clock).open_case(session.citizen.id, code);
  if (!found.ok()) {
    if (found.error().kind == core::ErrorKind::kNotFound) {
      return problem(request, 404, "not_found", "there is no case " + code + " in this account");
    }
    return problem_for(request, found.error());
  }
  const app::CaseDetail& detail = found->detail;
  const core::CaseRecord& c = detail.summary.record;
  json::object out = case_detail_json(detail, {});
  for (std::string_view office_only : {"officer", "can_change", "version"}) out.erase(office_only);
  json::object summary = citizen_summary(state, detail.summary, found->payable);
  for (const auto& member : summary) out[member.key()] = member.value();
  out["receiving_agency_name"] = found->receiving_agency_name;
  out["fees_up_front"] = found->fees_up_front;

  json::array history;
  for (const HistoryEvent& event : history_events(detail, api_language(request))) {
    history.push_back(json::object{
        {"at", json_instant(event.at)},
        {"action", event.action},
        {"text", event.action_text},
        {"status", event.status.empty() ? json::value(nullptr) : json::value(event.status)},
        {"reason", event.reason}});
  }
  out["history"] = std::move(history);

  std::string link = payment_link_url(state, c.code);
  json::array receipts;
  for (const app::ReceiptSummary& r : found->receipts) {
    std::string base = link.empty() ? "" : link + "/bien-lai/" + std::to_string(r.id);
    receipts.push_back(json::object{
        {"id", r.id},
        {"form_symbol", r.form_symbol},
        {"series", r.series},
        {"number", r.number},
        {"amount", r.amount.in_dong()},
        {"issued_at", json_instant(r.issued_at)},
        {"state", std::string(core::to_string(r.state))},
        {"pdf_url", base.empty() ? json::value(nullptr) : json::value(base + "/pdf")},
        {"verification_url", link.empty() ? json::value(nullptr)
                                          : json::value(receipt_verification_url(state, r.id))}});
  }
  out["receipts"] = std::move(receipts);
  return json_response(200, out);
}

}  // namespace

void add_api_citizen_routes(WebState& state) {
  state.router.add("GET", "/api/v1/citizen/cases",
                   api_citizen_only(state, [&state](HttpRequest& r, const app::CitizenSession& s) {
                     return list_cases(state, r, s);
                   }));
  state.router.add("GET", "/api/v1/citizen/cases/{code}",
                   api_citizen_only(state, [&state](HttpRequest& r, const app::CitizenSession& s) {
                     return get_case(state, r, s);
                   }));
}

}  // namespace motcua::adapters::web
