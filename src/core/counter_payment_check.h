#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/money.h"
#include "core/result.h"

namespace motcua::core {

// Why a payment taken at the counter is refused before anything is written. The web form names
// each one in Vietnamese; the use case returns kInvalidInput with describe(refusal).
enum class CounterRefusal {
  kNoLines,          // no fee line chosen
  kTerminalId,       // the POS terminal id is missing or malformed
  kApprovalCode,     // the approval code is not 6 letters or digits
  kCardLast4,        // the card's last digits are not 4 digits
  kAmount,           // the amount is missing, malformed or not above zero
  kAmountMismatch,   // the POS amount differs from the chosen lines' total
  kTenderedMissing,  // the cash tendered is missing or malformed
  kTenderedShort,    // the cash tendered is below the chosen lines' total
};
std::string_view describe(CounterRefusal refusal);  // English, for logs and the CLI

// What the officer types from a POS slip. Letters are kept as typed; check_pos_slip accepts
// upper and lower case and pos_slip_normalised() upper-cases them.
struct PosSlip {
  std::string terminal_id;    // mã máy POS (TID): 1 to 16 ASCII letters, digits or '-'
  std::string approval_code;  // mã chuẩn chi: exactly 6 ASCII letters or digits
  std::string card_last4;     // 4 số cuối thẻ: exactly 4 digits
};

// The slip with surrounding spaces removed and letters upper-cased.
PosSlip pos_slip_normalised(PosSlip slip);

// The first thing wrong with a POS payment of `amount` for lines totalling `lines_total`, in
// the form's order (slip fields, then the amount); nullopt when it may be recorded.
std::optional<CounterRefusal> check_pos_payment(const PosSlip& slip, Money amount,
                                                Money lines_total);

// The change for a cash payment: tendered - lines_total. kInvalidInput (describe(kTenderedShort))
// when less than the total is tendered, or (kAmount) when the total is not above zero.
Result<Money> cash_change(Money tendered, Money lines_total);

}  // namespace motcua::core
