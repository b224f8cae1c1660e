#pragma once

#include <string>
#include <string_view>

#include "app/store.h"
#include "core/fee_line.h"
#include "core/money.h"
#include "core/result.h"

namespace motcua::app {

// What the public page "Thanh toán trực tuyến" shows for a case code anyone may type: the
// guide's "Người nộp tiền", "CCCD/MST", "Nội dung" and "Phí lệ phí". Nothing else of the case
// is public.
struct PublicPayment {
  std::string case_code;
  std::string payer_name;       // the submitter's name in upper case: "VÕ ĐẶNG NGỌC GIẢ"
  std::string payer_id_masked;  // "****8870" (core::mask_personal_id)
  std::string content;          // "Thanh toán lệ phí cho hồ sơ H34.22.6-240426-0002"
  core::Money amount_due;       // the unpaid lines' sum; zero when nothing is outstanding
  core::PaymentProgress progress = core::PaymentProgress::kNothingDue;  // paid vs. no fee
};

// The longest text taken as a case code; anything longer is refused before storage is asked.
inline constexpr std::size_t kMaxPublicCaseCode = 64;

// `text` without surrounding spaces and tabs: how a typed code (or its digits) is read.
std::string_view trimmed_typed(std::string_view text);

// Whether `code` could be a case code at all: 1..kMaxPublicCaseCode characters of
// [A-Za-z0-9._/-] (the literals core::CaseCodePattern allows).
bool plausible_case_code(std::string_view code);

// The public facts of the case `code` (surrounding spaces ignored). kNotFound, with one
// message whatever the reason, for a malformed code, an unknown code and a cancelled ("Đã hủy")
// case, so the answer never tells whether some other case exists; kStorage when the store fails.
core::Result<PublicPayment> find_public_payment(Store& store, std::string_view code);

// "Thanh toán lệ phí cho hồ sơ <code>": the payment's description, as the guide shows it.
std::string payment_content(std::string_view case_code);

}  // namespace motcua::app
