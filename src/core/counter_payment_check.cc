#include "core/counter_payment_check.h"

#include <algorithm>

namespace motcua::core {
namespace {

bool ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

std::string trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return "";
  size_t last = text.find_last_not_of(kSpace);
  return std::string(text.substr(first, last - first + 1));
}

std::string upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

}  // namespace

std::string_view describe(CounterRefusal refusal) {
  switch (refusal) {
    case CounterRefusal::kNoLines:
      return "no fee line is chosen";
    case CounterRefusal::kTerminalId:
      return "the POS terminal id must be 1 to 16 letters, digits or '-'";
    case CounterRefusal::kApprovalCode:
      return "the approval code must be 6 letters or digits";
    case CounterRefusal::kCardLast4:
      return "the card's last digits must be 4 digits";
    case CounterRefusal::kAmount:
      return "the amount must be a whole number of dong above zero";
    case CounterRefusal::kAmountMismatch:
      return "the POS amount differs from the total of the chosen lines";
    case CounterRefusal::kTenderedMissing:
      return "the cash tendered must be a whole number of dong";
    case CounterRefusal::kTenderedShort:
      return "the cash tendered is less than the total of the chosen lines";
  }
  return "";
}

PosSlip pos_slip_normalised(PosSlip slip) {
  slip.terminal_id = upper(trimmed(slip.terminal_id));
  slip.approval_code = upper(trimmed(slip.approval_code));
  slip.card_last4 = trimmed(slip.card_last4);
  return slip;
}

std::optional<CounterRefusal> check_pos_payment(const PosSlip& slip, Money amount,
                                                Money lines_total) {
  const std::string& tid = slip.terminal_id;
  if (tid.empty() || tid.size() > 16 ||
      !std::all_of(tid.begin(), tid.end(), [](char c) { return ascii_alnum(c) || c == '-'; })) {
    return CounterRefusal::kTerminalId;
  }
  const std::string& code = slip.approval_code;
  if (code.size() != 6 || !std::all_of(code.begin(), code.end(), ascii_alnum)) {
    return CounterRefusal::kApprovalCode;
  }
  const std::string& last4 = slip.card_last4;
  if (last4.size() != 4 ||
      !std::all_of(last4.begin(), last4.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return CounterRefusal::kCardLast4;
  }
  if (amount <= Money{}) return CounterRefusal::kAmount;
  if (amount != lines_total) return CounterRefusal::kAmountMismatch;
  return std::nullopt;
}

Result<Money> cash_change(Money tendered, Money lines_total) {
  if (lines_total <= Money{}) return invalid_input(std::string(describe(CounterRefusal::kAmount)));
  if (tendered < lines_total) {
    return invalid_input(std::string(describe(CounterRefusal::kTenderedShort)));
  }
  return checked_subtract(tendered, lines_total);
}

}  // namespace motcua::core
