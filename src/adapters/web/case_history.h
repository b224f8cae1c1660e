#pragma once

// The case page's "Lịch sử xử lý" and "Kết quả xử lý", read from the audit log.
#include <optional>

#include "adapters/web/i18n.h"
#include "adapters/web/template_data.h"
#include "app/case_lookup.h"

namespace motcua::adapters::web {

// One row per audit entry, oldest first: when, what (in words), who (the officer's name), the
// status it led to and the reason given. An entry whose snapshot does not read still shows
// its time, action and actor.
TemplateData history_rows(const app::CaseDetail& detail, Language language);

// "Kết quả xử lý": for a case whose processing has an outcome (Đã xử lý xong, Đã trả kết quả,
// Không được tiếp nhận, Dừng xử lý, Đã hủy, withdrawn), that outcome with its time, officer
// and reason; nothing otherwise.
std::optional<TemplateData> processing_result(const app::CaseDetail& detail);

}  // namespace motcua::adapters::web
