#include "core/amount_in_words.h"

#include <array>
#include <string_view>

namespace motcua::core {
namespace {

constexpr std::array<std::string_view, 10> kDigits = {"không", "một", "hai", "ba",  "bốn",
                                                      "năm",   "sáu", "bảy", "tám", "chín"};

void append_word(std::string& out, std::string_view word) {
  if (!out.empty()) out += ' ';
  out += word;
}

// Reads 0 < n < 1000. `full` reads the hundreds even when zero ("không trăm linh năm"): a group
// that follows a higher group must not drop them, or 1.005 would read as 1.5.
void append_group(std::string& out, int n, bool full) {
  int hundreds = n / 100;
  int tens = (n / 10) % 10;
  int units = n % 10;
  if (hundreds > 0 || full) {
    append_word(out, kDigits[static_cast<size_t>(hundreds)]);
    append_word(out, "trăm");
  }
  if (tens == 0) {
    if (units == 0) return;
    if (hundreds > 0 || full) append_word(out, "linh");
    append_word(out, kDigits[static_cast<size_t>(units)]);
    return;
  }
  if (tens == 1) {
    append_word(out, "mười");
  } else {
    append_word(out, kDigits[static_cast<size_t>(tens)]);
    append_word(out, "mươi");
  }
  if (units == 0) return;
  if (units == 1 && tens >= 2) {
    append_word(out, "mốt");
  } else if (units == 4 && tens >= 2) {
    append_word(out, "tư");
  } else if (units == 5) {
    append_word(out, "lăm");
  } else {
    append_word(out, kDigits[static_cast<size_t>(units)]);
  }
}

// Reads 0 <= n < 10^9 with the scale words nghìn and triệu. `leading` is false when a higher
// scale (tỷ) has already been read, so the first group read here is read in full.
void append_below_billion(std::string& out, std::int64_t n, bool leading) {
  constexpr std::array<std::string_view, 3> kScales = {"triệu", "nghìn", ""};
  constexpr std::array<std::int64_t, 3> kDivisors = {1'000'000, 1'000, 1};
  bool read_any = !leading;
  for (size_t i = 0; i < kScales.size(); ++i) {
    auto group = static_cast<int>((n / kDivisors[i]) % 1000);
    if (group == 0) continue;
    append_group(out, group, read_any);
    if (!kScales[i].empty()) append_word(out, kScales[i]);
    read_any = true;
  }
}

// Every reading starts with a digit name, and each of those begins with an ASCII letter.
void capitalise_first(std::string& text) {
  if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') {
    text.front() = static_cast<char>(text.front() - 'a' + 'A');
  }
}

}  // namespace

Result<std::string> amount_in_words(Money amount) {
  std::int64_t n = amount.in_dong();
  if (n < 0) return out_of_range("a negative amount has no reading in words");
  if (n > kMaxAmountInWords) {
    return out_of_range("amount " + format_vnd(amount) +
                        " is above the largest amount read in words (999.999.999.999.999 đồng)");
  }
  std::string words;
  if (n == 0) {
    words = "không";
  } else {
    std::int64_t billions = n / 1'000'000'000;
    std::int64_t rest = n % 1'000'000'000;
    if (billions > 0) {
      append_below_billion(words, billions, true);
      append_word(words, "tỷ");
    }
    append_below_billion(words, rest, billions == 0);
  }
  append_word(words, "đồng");
  capitalise_first(words);
  return words;
}

}  // namespace motcua::core
