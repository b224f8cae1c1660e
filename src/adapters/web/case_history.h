#pragma once

// The case page's "Lịch sử xử lý" and "Kết quả xử lý", read from the audit log.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "adapters/web/i18n.h"
#include "adapters/web/template_data.h"
#include "app/case_lookup.h"

namespace motcua::adapters::web {

// One audit entry of a case as people read it.
struct HistoryEvent {
  std::chrono::sys_seconds at{};
  std::string action;       // as stored, "case.status"
  std::string action_text;  // in words, in the page's language
  std::string actor;        // the officer's name when known, else the stored actor
  std::string status;       // the status it led to ("Được tiếp nhận"); empty when not said
  std::string reason;
};

// One event per audit entry, oldest first. An entry whose snapshot does not read still has
// its time, action and actor.
std::vector<HistoryEvent> history_events(const app::CaseDetail& detail, Language language);

// history_events as rows: at (shown in Vietnam time), action (in words), actor, status, reason.
TemplateData history_rows(const app::CaseDetail& detail, Language language);

// "Kết quả xử lý": for a case whose processing has an outcome (Đã xử lý xong, Đã trả kết quả,
// Không được tiếp nhận, Dừng xử lý, Đã hủy, withdrawn), that outcome with its time, officer
// and reason; nothing otherwise.
std::optional<TemplateData> processing_result(const app::CaseDetail& detail);

}  // namespace motcua::adapters::web
