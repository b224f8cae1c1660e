#pragma once

// "Quản lý hồ sơ": a portal account's own cases (the guide, part B step 1), as its list, its
// case page and the citizen API read them. Ownership is decided here, once: a case belongs to
// the account whose id it carries in CaseRecord::citizen_account_id (cases submitted online by
// that account). A counter case with the same ID number is not the account's.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/case_lookup.h"
#include "app/clock.h"
#include "app/online_payment.h"
#include "app/repositories.h"
#include "app/store.h"
#include "core/case_record.h"
#include "core/fee_line.h"
#include "core/result.h"

namespace motcua::app {

// Whether the citizen may pay the case now ("Thanh toán"): something is outstanding, the case
// is neither cancelled nor refused, and either the procedure collects its fees up front or the
// office has taken the case in (it is past "Mới đăng ký").
bool citizen_may_pay(core::CaseStatus status, const core::PaymentSummary& payment,
                     bool fees_up_front);

// A page of the account's cases; payable[i] tells whether items[i] shows "Thanh toán".
struct CitizenCasePage {
  CaseListPage page;
  std::vector<bool> payable;
};

// The citizen's case page.
struct CitizenCaseDetail {
  // The case with its fee lines, payment summary, "(Còn lại …)", processing agency's name, and
  // the entries of its audit log that concern the case itself (intake, status changes,
  // cancellation: "case.*"), oldest first. No officer's name is read.
  CaseDetail detail;
  std::string receiving_agency_name;     // "Đơn vị tiếp nhận"
  bool fees_up_front = true;             // the procedure's; true when it left the catalogue
  bool payable = false;                  // citizen_may_pay
  std::vector<ReceiptSummary> receipts;  // oldest first, every state
};

class CitizenCases {
 public:
  static constexpr std::int64_t kMaxPageSize = 50;

  CitizenCases(Store& store, const Clock& clock);

  // The account's cases matching `query` (code_prefix, status, field, page, page_size), newest
  // submission first. Whatever `query` says about accounts, agencies, officers or persons is
  // replaced: only `account_id`'s cases can match. kInvalidInput for a page below 1 or a page
  // size outside 1..kMaxPageSize; kStorage.
  core::Result<CitizenCasePage> search(std::int64_t account_id, CaseQuery query) const;

  // The case `code` of `account_id`. kNotFound alike for an unknown code and for another
  // account's case (or a counter case), so codes cannot be probed; kStorage.
  core::Result<CitizenCaseDetail> open_case(std::int64_t account_id, std::string_view code) const;

 private:
  Store& store_;
  const Clock& clock_;
};

}  // namespace motcua::app
