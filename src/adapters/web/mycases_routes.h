#pragma once

// "Quản lý hồ sơ" (the guide, part B step 1): a signed-in citizen's own cases on the portal
// (mycases_pages.cc) and in the citizen API (api_citizen.cc), both over app::CitizenCases.
#include <cstdint>
#include <string_view>

#include "adapters/web/web_state.h"
#include "app/repositories.h"

namespace motcua::adapters::web {

// GET /quan-ly-ho-so (the list) and GET /quan-ly-ho-so/{code} (the case page), citizens only.
void add_mycases_routes(WebState& state);

// GET /api/v1/citizen/cases and GET /api/v1/citizen/cases/{code}, with the portal's cookie.
void add_api_citizen_routes(WebState& state);

// "/quan-ly-ho-so/{code}", the code percent-encoded.
std::string my_case_href(std::string_view code);

// The list's filters as typed, read into a query: the case number or its start (spaces
// trimmed, upper case), a status number 1-11, a field, the page (not a positive number: 1)
// and the page size (10, 20 or 50; empty: 10). `bad_status` / `bad_page_size` say that a value
// was given but is not one of those (the page ignores it, the API refuses it).
struct CitizenFilters {
  app::CaseQuery query;
  bool bad_status = false;
  bool bad_page_size = false;
};
CitizenFilters citizen_filters(std::string_view code, std::string_view status,
                               std::string_view field, std::string_view page,
                               std::string_view page_size);

}  // namespace motcua::adapters::web
