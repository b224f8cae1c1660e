#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace motcua::core {

// An amount of money in whole đồng. Vietnamese fees have no subunit, so int64 đồng is exact;
// floating point never touches money. Arithmetic that could overflow goes through the checked
// functions below, which return kOverflow instead of wrapping.
class Money {
 public:
  constexpr Money() = default;
  static constexpr Money dong(std::int64_t amount) { return Money(amount); }

  constexpr std::int64_t in_dong() const { return dong_; }
  constexpr bool is_zero() const { return dong_ == 0; }
  constexpr bool is_negative() const { return dong_ < 0; }

  friend constexpr auto operator<=>(Money, Money) = default;

 private:
  constexpr explicit Money(std::int64_t amount) : dong_(amount) {}
  std::int64_t dong_ = 0;
};

Result<Money> checked_add(Money a, Money b);
Result<Money> checked_subtract(Money a, Money b);
// Unit price times a quantity (pages, copies, cases).
Result<Money> checked_multiply(Money unit, std::int64_t quantity);

// "2.000": dot-grouped thousands, as the guide displays amounts; "-2.000" when negative.
std::string format_grouped(Money amount);
// "2.000 VND".
std::string format_vnd(Money amount);

// Accepts "2000", "2.000", "2.000 VND", "2000VND", "2.000 đ" and "2.000 đồng" (surrounding
// spaces ignored). Rejects decimals, commas, signs, misplaced dots and anything past int64.
Result<Money> parse_money(std::string_view text);

}  // namespace motcua::core
