#pragma once

// The result table of "Tra cứu hồ sơ" (templates/case_lookup.mustache), shared by every console
// page that lists cases (lookup_pages.cc, pending_pages.cc, process_pages.cc).
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/web/i18n.h"
#include "adapters/web/template_data.h"
#include "app/case_lookup.h"
#include "app/staff_authentication.h"
#include "core/case_status.h"

namespace motcua::adapters::web {

// A whole decimal number, or nothing.
std::optional<std::int64_t> number_of(std::string_view text);

// `text` with every byte but A-Z a-z 0-9 - . _ ~ percent-encoded, for a query value or path.
std::string percent_encoded(std::string_view text);

// "/can-bo/ho-so/{code}", the code percent-encoded.
std::string case_href(std::string_view code);

// A range of days as entered ("Từ ngày", "Đến ngày", dd/mm/yyyy), turned into instants: the
// whole Vietnam-local days, "Đến ngày" included. `error_key` names the message when a date does
// not read or the range is backwards (lookup_pages.cc).
struct DateRange {
  std::optional<std::chrono::sys_seconds> from;
  std::optional<std::chrono::sys_seconds> until;
  std::string_view error_key;
};
DateRange received_range(std::string_view from_text, std::string_view to_text);

// One <option> of a <select>: {{value}}, {{label}}, {{selected}}.
TemplateData select_option(std::string value, std::string_view label, bool selected);

// One row of the table: the guide's columns for `item`.
TemplateData case_row(const app::CaseListItem& item);

// One form of the table's "Thao tác" column (with_actions): moves the row's case to `to`
// through the row's change_action, version and return_to; a required reason field labelled
// `reason_label` unless it is empty.
TemplateData row_action(std::string_view code, core::CaseStatus to, const std::string& label,
                        const std::string& reason_label);

// "Số hồ sơ tìm thấy": "1.234", or "hơn 1.000" / "more than 1,000" when the count stopped at
// its limit (CaseListPage::total_capped).
std::string shown_total(const app::CaseListPage& page, Language language);

// The table data of a console list whose rows carry status-change forms ("Hồ sơ chờ tiếp
// nhận", "Xử lý hồ sơ"): total, rows and page links of `found`; each row's forms post to the
// case's status change and come back to the same page of `href`. `actions_of` lists a row's
// forms (row_action).
TemplateData actionable_case_list(
    const app::CaseListPage& found, const std::string& href,
    const std::function<TemplateData(const app::CaseListItem&)>& actions_of);

// The page links of `page`, each `base` followed by the page number: a window, not every page
// (a million matches are 100,000 pages): the first, the current with two either side, and the
// last, or a gap ({{gap}}) where pages are left out and after the last counted page when the
// count stopped at its limit.
TemplateData page_links(std::string_view base, const app::CaseListPage& page);

}  // namespace motcua::adapters::web
