#include "core/money.h"

#include <limits>

namespace motcua::core {
namespace {

Error overflow(std::string_view operation) {
  return {ErrorKind::kOverflow, "amount overflows in " + std::string(operation)};
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool strip_suffix(std::string_view& s, std::string_view suffix) {
  if (s.size() < suffix.size() || s.substr(s.size() - suffix.size()) != suffix) return false;
  s.remove_suffix(suffix.size());
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digits with optional dot grouping: no dots at all, or a first group of 1-3 digits followed
// by groups of exactly three ("1.005.000").
bool well_grouped(std::string_view s) {
  size_t dot = s.find('.');
  if (dot == std::string_view::npos) return true;
  if (dot == 0 || dot > 3) return false;
  for (size_t i = dot; i < s.size(); i += 4) {
    if (s[i] != '.' || s.size() - i < 4) return false;
    if (s.substr(i + 1, 3).find('.') != std::string_view::npos) return false;
  }
  return true;
}

}  // namespace

Result<Money> checked_add(Money a, Money b) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a.in_dong(), b.in_dong(), &sum)) return overflow("addition");
  return Money::dong(sum);
}

Result<Money> checked_subtract(Money a, Money b) {
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(a.in_dong(), b.in_dong(), &difference)) {
    return overflow("subtraction");
  }
  return Money::dong(difference);
}

Result<Money> checked_multiply(Money unit, std::int64_t quantity) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(unit.in_dong(), quantity, &product)) return overflow("multiplication");
  return Money::dong(product);
}

std::string format_grouped(Money amount) {
  std::int64_t value = amount.in_dong();
  // Work on the magnitude as unsigned so INT64_MIN has one.
  std::uint64_t magnitude = value < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(value)
                                      : static_cast<std::uint64_t>(value);
  std::string digits = std::to_string(magnitude);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3 + 1);
  if (value < 0) out += '-';
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

std::string format_vnd(Money amount) { return format_grouped(amount) + " VND"; }

Result<Money> parse_money(std::string_view text) {
  std::string_view s = trim(text);
  for (std::string_view suffix : {"VND", "đồng", "đ"}) {
    if (strip_suffix(s, suffix)) {
      s = trim(s);
      break;
    }
  }
  if (s.empty()) return invalid_input("amount is empty");
  for (char c : s) {
    if (!is_digit(c) && c != '.') {
      return invalid_input("amount '" + std::string(text) +
                           "' must be whole đồng in digits, e.g. 2000 or 2.000");
    }
  }
  if (!well_grouped(s)) {
    return invalid_input("amount '" + std::string(text) +
                         "' has misplaced thousands dots (write 2.000 or 2000)");
  }
  std::int64_t value = 0;
  for (char c : s) {
    if (c == '.') continue;
    if (__builtin_mul_overflow(value, 10, &value) ||
        __builtin_add_overflow(value, c - '0', &value)) {
      return out_of_range("amount '" + std::string(text) + "' is too large");
    }
  }
  return Money::dong(value);
}

}  // namespace motcua::core
