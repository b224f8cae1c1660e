#include "core/case_code.h"

#include <charconv>

namespace motcua::core {
namespace {

using Kind = CaseCodePattern::Token::Kind;

bool is_literal_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_' || c == '/';
}

std::string zero_padded(std::int64_t value, int width) {
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width) {
    digits.insert(0, static_cast<size_t>(width) - digits.size(), '0');
  }
  return digits;
}

// Reads exactly `width` digits at the front of `s`.
bool take_digits(std::string_view& s, int width, int* value) {
  auto w = static_cast<size_t>(width);
  if (s.size() < w) return false;
  for (size_t i = 0; i < w; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  std::from_chars(s.data(), s.data() + w, *value);
  s.remove_prefix(w);
  return true;
}

}  // namespace

// Builds patterns token by token; a friend so the pattern's invariants are set in one place.
struct CaseCodeParser {
  static Result<CaseCodePattern> parse(std::string_view text) {
    CaseCodePattern pattern;
    pattern.text_ = std::string(text);
    bool has_agency = false, has_year = false, has_month = false, has_day = false;
    size_t i = 0;
    while (i < text.size()) {
      if (text[i] != '{') {
        if (!is_literal_char(text[i])) {
          return invalid_input("case-code pattern '" + std::string(text) +
                               "' has a character outside [A-Za-z0-9.-_/]: '" +
                               std::string(1, text[i]) + "'");
        }
        if (pattern.tokens_.empty() || pattern.tokens_.back().kind != Kind::kLiteral) {
          pattern.tokens_.push_back({Kind::kLiteral, ""});
        }
        pattern.tokens_.back().literal += text[i++];
        continue;
      }
      size_t close = text.find('}', i);
      if (close == std::string_view::npos) {
        return invalid_input("case-code pattern '" + std::string(text) + "' has an unclosed '{'");
      }
      std::string_view name = text.substr(i + 1, close - i - 1);
      i = close + 1;
      if (name == "agency") {
        if (has_agency) return invalid_input("case-code pattern repeats {agency}");
        has_agency = true;
        pattern.tokens_.push_back({Kind::kAgency, ""});
      } else if (name == "yyyy" || name == "yy") {
        if (has_year) return invalid_input("case-code pattern repeats the year");
        has_year = true;
        pattern.tokens_.push_back({name == "yyyy" ? Kind::kYear4 : Kind::kYear2, ""});
      } else if (name == "MM") {
        if (has_month) return invalid_input("case-code pattern repeats {MM}");
        has_month = true;
        pattern.tokens_.push_back({Kind::kMonth, ""});
      } else if (name == "dd") {
        if (has_day) return invalid_input("case-code pattern repeats {dd}");
        has_day = true;
        pattern.tokens_.push_back({Kind::kDay, ""});
      } else if (name.substr(0, 4) == "seq:" && name.size() == 5 && name[4] >= '1' &&
                 name[4] <= '9') {
        if (pattern.sequence_width_ != 0) {
          return invalid_input("case-code pattern repeats {seq:N}");
        }
        pattern.sequence_width_ = name[4] - '0';
        pattern.tokens_.push_back({Kind::kSequence, ""});
      } else {
        return invalid_input("case-code pattern has an unknown token {" + std::string(name) +
                             "}; known: {agency} {yyyy} {yy} {MM} {dd} {seq:N}");
      }
    }
    if (!has_agency) return invalid_input("case-code pattern needs {agency}");
    if (pattern.sequence_width_ == 0) return invalid_input("case-code pattern needs {seq:N}");
    if (!has_year) return invalid_input("case-code pattern needs {yyyy} or {yy}");
    if (has_day && !has_month) return invalid_input("case-code pattern has {dd} without {MM}");
    for (size_t t = 0; t < pattern.tokens_.size(); ++t) {
      if (pattern.tokens_[t].kind == Kind::kAgency &&
          (t + 1 == pattern.tokens_.size() || pattern.tokens_[t + 1].kind != Kind::kLiteral)) {
        return invalid_input("case-code pattern must put literal text after {agency}");
      }
    }
    return pattern;
  }
};

Result<CaseCodePattern> CaseCodePattern::parse(std::string_view pattern) {
  return CaseCodeParser::parse(pattern);
}

std::string CaseCodePattern::scope_key(std::string_view agency_code,
                                       std::chrono::year_month_day date) const {
  auto year = static_cast<int>(date.year());
  auto month = static_cast<int>(static_cast<unsigned>(date.month()));
  auto day = static_cast<int>(static_cast<unsigned>(date.day()));
  std::string out;
  for (const Token& token : tokens_) {
    switch (token.kind) {
      case Kind::kLiteral:
        out += token.literal;
        break;
      case Kind::kAgency:
        out += agency_code;
        break;
      case Kind::kYear4:
        out += zero_padded(year, 4);
        break;
      case Kind::kYear2:
        out += zero_padded(year % 100, 2);
        break;
      case Kind::kMonth:
        out += zero_padded(month, 2);
        break;
      case Kind::kDay:
        out += zero_padded(day, 2);
        break;
      case Kind::kSequence:
        out += "{seq}";
        break;
    }
  }
  return out;
}

Result<std::string> CaseCodePattern::format(std::string_view agency_code,
                                            std::chrono::year_month_day date,
                                            std::int64_t sequence) const {
  if (sequence < 1) return out_of_range("case-code sequence must be positive");
  std::string digits = zero_padded(sequence, sequence_width_);
  if (static_cast<int>(digits.size()) > sequence_width_) {
    return out_of_range("case-code sequence " + digits + " needs more than the pattern's " +
                        std::to_string(sequence_width_) + " digits");
  }
  std::string code = scope_key(agency_code, date);
  code.replace(code.find("{seq}"), 5, digits);
  return code;
}

Result<std::string> CaseCodePattern::next(std::string_view agency_code,
                                          std::chrono::year_month_day date,
                                          std::int64_t last_sequence) const {
  if (last_sequence < 0) return out_of_range("last case-code sequence cannot be negative");
  return format(agency_code, date, last_sequence + 1);
}

Result<CaseCodeParts> parse_case_code(std::string_view code, const CaseCodePattern& pattern) {
  auto mismatch = [&] {
    return invalid_input("'" + std::string(code) + "' is not a case code of the form " +
                         pattern.text());
  };
  CaseCodeParts parts;
  std::string_view rest = code;
  const auto& tokens = pattern.tokens();
  for (size_t t = 0; t < tokens.size(); ++t) {
    const CaseCodePattern::Token& token = tokens[t];
    int value = 0;
    switch (token.kind) {
      case Kind::kLiteral:
        if (rest.substr(0, token.literal.size()) != token.literal) return mismatch();
        rest.remove_prefix(token.literal.size());
        break;
      case Kind::kAgency: {
        size_t end = rest.find(tokens[t + 1].literal);
        if (end == 0 || end == std::string_view::npos) return mismatch();
        parts.agency_code = std::string(rest.substr(0, end));
        rest.remove_prefix(end);
        break;
      }
      case Kind::kYear4:
        if (!take_digits(rest, 4, &value)) return mismatch();
        parts.year = value;
        break;
      case Kind::kYear2:
        if (!take_digits(rest, 2, &value)) return mismatch();
        parts.year = 2000 + value;
        break;
      case Kind::kMonth:
        if (!take_digits(rest, 2, &value) || value < 1 || value > 12) return mismatch();
        parts.month = value;
        break;
      case Kind::kDay:
        if (!take_digits(rest, 2, &value) || value < 1 || value > 31) return mismatch();
        parts.day = value;
        break;
      case Kind::kSequence:
        if (!take_digits(rest, pattern.sequence_width(), &value) || value == 0) return mismatch();
        parts.sequence = value;
        break;
    }
  }
  if (!rest.empty()) return mismatch();
  if (parts.day != 0) {
    std::chrono::year_month_day date{std::chrono::year{parts.year},
                                     std::chrono::month{static_cast<unsigned>(parts.month)},
                                     std::chrono::day{static_cast<unsigned>(parts.day)}};
    if (!date.ok()) return mismatch();
  }
  return parts;
}

}  // namespace motcua::core
