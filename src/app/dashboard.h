#pragma once

#include <cstdint>
#include <map>

#include "app/store.h"
#include "core/access_policy.h"
#include "core/account.h"
#include "core/case_status.h"
#include "core/result.h"

namespace motcua::app {

// The console's counters (the guide's header: "Danh sách công việc (8)", "Đã hủy 12",
// "Đã trả kết quả 3919", "HS đã rút 15").
struct DashboardCounters {
  core::CaseScope scope;  // where by_status and the three totals were counted
  std::map<core::CaseStatus, std::int64_t> by_status;  // statuses with no case are absent
  // Danh sách công việc: cases waiting for an action of the reader (see work_list_statuses),
  // counted among the cases the reader may change: the unit's tree for officers, unit leads
  // and admins (their own unit), the cases assigned to them otherwise.
  std::int64_t work_list = 0;
  std::int64_t cancelled = 0;        // Đã hủy
  std::int64_t result_returned = 0;  // Đã trả kết quả
  std::int64_t withdrawn = 0;        // HS đã rút: Công dân yêu cầu rút hồ sơ
};

// The statuses in which a case waits for the office: Mới đăng ký (accept or refuse), Được tiếp
// nhận and Đang xử lý (process), Yêu cầu bổ sung giấy tờ and Yêu cầu thực hiện nghĩa vụ tài
// chính (follow up), Đã xử lý xong (return the result).
bool is_work_list_status(core::CaseStatus status);

// Counts in the scope `kind` that `actor` asks for (kForbidden when not granted), in one
// read transaction.
core::Result<DashboardCounters> dashboard_counters(Store& store, const core::StaffMember& actor,
                                                   core::CaseScopeKind kind);

}  // namespace motcua::app
