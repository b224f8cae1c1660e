#pragma once

// The result table of "Tra cứu hồ sơ" (templates/case_lookup.mustache), shared by every console
// page that lists cases (lookup_pages.cc, pending_pages.cc).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/web/template_data.h"
#include "app/case_lookup.h"
#include "app/staff_authentication.h"

namespace motcua::adapters::web {

// A whole decimal number, or nothing.
std::optional<std::int64_t> number_of(std::string_view text);

// "/can-bo/ho-so/{code}", the code percent-encoded.
std::string case_href(std::string_view code);

// One row of the table: the guide's columns for `item`.
TemplateData case_row(const app::CaseListItem& item);

// The page links of `page`, each `base` followed by the page number.
TemplateData page_links(std::string_view base, const app::CaseListPage& page);

}  // namespace motcua::adapters::web
