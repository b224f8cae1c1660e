#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/repositories.h"
#include "app/store.h"
#include "core/access_policy.h"
#include "core/account.h"
#include "core/case_record.h"
#include "core/fee_line.h"
#include "core/result.h"

namespace motcua::app {

// Narrows `query` to what `scope` may see (core::scope_filter). A narrower agency root the
// caller already set is kept; a root outside the scope, or another staff member's cases in the
// kOwn scope, can match nothing: returns false then (the caller shows an empty list).
bool apply_scope(CaseQuery& query, const core::CaseScope& scope);

// One row of "Tra cứu hồ sơ", with what the guide's columns show.
struct CaseListItem {
  core::CaseRecord record;   // with its fee lines
  std::string status_label;  // "Được tiếp nhận"
  // "Còn lại 0 ngày 16 giờ 16 phút 46 giây" / "Đã quá hạn …" against the clock; empty when the
  // case has no deadline or its status is terminal or Đã xử lý xong (the clock has stopped).
  std::string remaining_text;
  core::PaymentSummary payment;
  std::string payment_label;  // "Chưa thanh toán", "Thanh toán một phần", ...
  core::CaseRights rights;    // what the reader may do with this row
  // "Cơ quan thực hiện": the processing agency's name (the receiving unit's when it processes
  // the case itself), and "Cán bộ": the assigned officer's full name; empty when unknown.
  std::string agency_name;
  std::string officer_name;
};

struct CaseListPage {
  std::vector<CaseListItem> items;
  std::int64_t total = 0;
  bool total_capped = false;  // more than `total` match (CaseQuery::count_limit)
  std::int64_t page = 1;
  std::int64_t page_size = 10;
  core::CaseScope scope;  // the scope that was applied
};

// The case page: "Thông tin", "Lệ phí" and the history.
struct CaseDetail {
  CaseListItem summary;
  std::string outstanding_text;     // "(Còn lại 1.000 VND)"; empty when nothing is outstanding
  std::vector<AuditEntry> history;  // oldest first
  // Who the history's actors are: "staff:12" -> the officer's full name (others are absent).
  std::map<std::string, std::string> actor_names;
};

class CaseLookup {
 public:
  CaseLookup(Store& store, const Clock& clock);

  // Searches within the scope `kind` that `actor` asks for (the menu: theo đơn vị, toàn cơ
  // quan, cá nhân). kForbidden when the roles do not give that scope; kInvalidInput for a bad
  // page; kStorage.
  core::Result<CaseListPage> search(const core::StaffMember& actor, core::CaseScopeKind kind,
                                    CaseQuery query) const;

  // The case with its fee lines, payment summary and audit history. kNotFound when there is no
  // such case, kForbidden when `actor` may not view it.
  core::Result<CaseDetail> open_case(const core::StaffMember& actor, std::string_view code) const;

 private:
  Store& store_;
  const Clock& clock_;
};

// The row of a case for a reader at `now` (pure; exposed for tests and other lists).
core::Result<CaseListItem> make_list_item(core::CaseRecord record, const core::StaffMember& actor,
                                          std::chrono::sys_seconds now);
// The same row for a reader who is not staff (a citizen): no rights at all.
core::Result<CaseListItem> make_list_item(core::CaseRecord record, std::chrono::sys_seconds now);

// Every agency's name by code, inside a read.
core::Result<std::map<std::string, std::string, std::less<>>> agency_names(Repositories& repos);
// Fills each item's agency_name ("Cơ quan thực hiện": the processing agency, else the
// receiving one) inside a read.
core::Status name_agencies(Repositories& repos, std::vector<CaseListItem>& items);

// "(Còn lại 1.000 VND)" for what is outstanding; empty when nothing is.
std::string outstanding_text(const core::PaymentSummary& payment);

}  // namespace motcua::app
