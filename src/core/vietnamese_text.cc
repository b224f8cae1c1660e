#include "core/vietnamese_text.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace motcua::core {
namespace {

constexpr utf8proc_int32_t kSmallDStroke = 0x0111;    // đ: has no decomposition to d
constexpr utf8proc_int32_t kCapitalDStroke = 0x0110;  // Đ

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

Error invalid_utf8() { return invalid_input("text is not valid UTF-8"); }

// Runs utf8proc_map with `options`; an error from utf8proc means the input is not UTF-8.
Result<std::string> map_text(std::string_view text, int options) {
  utf8proc_uint8_t* raw = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &raw,
                                    static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(raw);
  if (n < 0) return invalid_utf8();
  return std::string(reinterpret_cast<const char*>(raw), static_cast<size_t>(n));
}

// Applies `f` to each code point and re-encodes; rejects invalid UTF-8.
template <typename F>
Result<std::string> map_code_points(std::string_view text, F f) {
  std::string out;
  out.reserve(text.size());
  auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto remaining = static_cast<utf8proc_ssize_t>(text.size());
  while (remaining > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t used = utf8proc_iterate(p, remaining, &cp);
    if (used < 0) return invalid_utf8();
    utf8proc_uint8_t buffer[4];
    utf8proc_ssize_t written = utf8proc_encode_char(f(cp), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(written));
    p += used;
    remaining -= used;
  }
  return out;
}

utf8proc_int32_t plain_d(utf8proc_int32_t cp) {
  if (cp == kSmallDStroke) return 'd';
  if (cp == kCapitalDStroke) return 'D';
  return cp;
}

}  // namespace

Result<std::string> to_nfc(std::string_view text) {
  return map_text(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

Result<std::string> to_upper(std::string_view text) {
  Result<std::string> upper = map_code_points(text, utf8proc_toupper);
  if (!upper.ok()) return upper;
  return to_nfc(upper.value());
}

Result<std::string> strip_diacritics(std::string_view text) {
  Result<std::string> plain = map_code_points(text, plain_d);
  if (!plain.ok()) return plain;
  return map_text(plain.value(), UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK);
}

Result<std::string> search_key(std::string_view text) {
  Result<std::string> stripped = strip_diacritics(text);
  if (!stripped.ok()) return stripped;
  Result<std::string> folded =
      map_text(stripped.value(), UTF8PROC_STABLE | UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE);
  if (!folded.ok()) return folded;
  std::string key;
  bool pending_space = false;
  for (char c : folded.value()) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (space) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key += ' ';
    pending_space = false;
    key += c;
  }
  return key;
}

bool is_printable_ascii(std::string_view text) {
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7E) return false;
  }
  return true;
}

}  // namespace motcua::core
