#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace motcua::core {

// Mã hồ sơ (case code), e.g. "H34.22.6-240426-0002": the receiving agency's code, the date of
// reception and a sequence. Each agency configures its pattern ("Cấu hình số hồ sơ") from these
// tokens: {agency}, {yyyy}, {yy}, {MM}, {dd}, and {seq:N} (the sequence, zero-padded to N digits,
// 1 <= N <= 9). Anything else is literal text from [A-Za-z0-9.-_/].
// A code is stored as issued and never re-derived: a later change of pattern or agency code
// leaves old codes as they are.
class CaseCodePattern {
 public:
  static constexpr std::string_view kDefault = "{agency}-{yy}{MM}{dd}-{seq:4}";

  // Rejects unknown tokens, missing {agency} or {seq:N}, a pattern without a year, {dd}
  // without {MM}, and an {agency} not followed by literal text (it could not be parsed back).
  static Result<CaseCodePattern> parse(std::string_view pattern);

  // The code for the given sequence number. kOutOfRange when the sequence needs more digits
  // than the pattern gives (a day's numbers are exhausted) or is not positive.
  Result<std::string> format(std::string_view agency_code, std::chrono::year_month_day date,
                             std::int64_t sequence) const;

  // The code after `last_sequence` (0 when none has been issued in this scope yet).
  Result<std::string> next(std::string_view agency_code, std::chrono::year_month_day date,
                           std::int64_t last_sequence) const;

  // The numbering scope: the code with "{seq}" in place of the sequence, e.g.
  // "H34.22.6-240426-{seq}". Codes share one sequence exactly when they share this key, so a
  // pattern with {dd} numbers per day and one with only {yyyy} per year.
  std::string scope_key(std::string_view agency_code, std::chrono::year_month_day date) const;

  struct Token {
    enum class Kind { kLiteral, kAgency, kYear4, kYear2, kMonth, kDay, kSequence } kind;
    std::string literal;
  };

  const std::string& text() const { return text_; }
  int sequence_width() const { return sequence_width_; }
  const std::vector<Token>& tokens() const { return tokens_; }

 private:
  std::string text_;
  std::vector<Token> tokens_;
  int sequence_width_ = 0;

  friend struct CaseCodeParser;
};

// What a code says, read back with the pattern that issued it.
struct CaseCodeParts {
  std::string agency_code;
  int year = 0;   // full year; two-digit years are read as 20yy
  int month = 0;  // 0 when the pattern has no month
  int day = 0;    // 0 when the pattern has no day
  std::int64_t sequence = 0;
};

Result<CaseCodeParts> parse_case_code(std::string_view code, const CaseCodePattern& pattern);

}  // namespace motcua::core
