#pragma once

// How the API writes a case: the lookup list's columns, and the case page's fee table.
// Amounts are integer đồng; instants are RFC 3339 in Vietnam time ("2024-04-26T07:27:52+07:00").
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "app/case_lookup.h"

namespace boost::json {
class object;
class value;
}  // namespace boost::json

namespace motcua::adapters::web {

// Staff names by id, for the "Cán bộ" column.
using StaffNames = std::map<std::int64_t, std::string>;

// One item of GET /api/v1/cases: code, procedure, submitter (ID masked), status, dates,
// remaining time, agency and officer.
boost::json::object case_summary_json(const app::CaseListItem& item, const StaffNames& names);

// GET /api/v1/cases/{code}: the summary plus submitter and owner in full, channel, result
// delivery, version, the fee lines with total, paid and remaining, and the history.
boost::json::object case_detail_json(const app::CaseDetail& detail, const StaffNames& names);

// An instant as the API writes it, "2024-04-26T07:27:52+07:00"; null when absent.
boost::json::value json_instant(const std::optional<std::chrono::sys_seconds>& at);

// "/api/v1/cases/{code}", the code percent-encoded.
std::string api_case_href(std::string_view code);

}  // namespace motcua::adapters::web
