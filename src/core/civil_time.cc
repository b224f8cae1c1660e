#include "core/civil_time.h"

#include <charconv>

namespace motcua::core {
namespace {

using std::chrono::days;
using std::chrono::local_days;
using std::chrono::local_seconds;
using std::chrono::year_month_day;

// Reads exactly `width` ASCII digits at `pos`; false if any is not a digit.
bool read_digits(std::string_view text, size_t pos, size_t width, int* value) {
  if (pos + width > text.size()) return false;
  int result = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return false;
    result = result * 10 + (c - '0');
  }
  *value = result;
  return true;
}

bool parse_ymd(std::string_view text, year_month_day* out) {
  int y = 0;
  int m = 0;
  int d = 0;
  if (text.size() < 10 || !read_digits(text, 0, 4, &y) || text[4] != '-' ||
      !read_digits(text, 5, 2, &m) || text[7] != '-' || !read_digits(text, 8, 2, &d)) {
    return false;
  }
  year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                     std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return false;
  *out = ymd;
  return true;
}

void append_padded(std::string& out, long long value, int width) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  (void)ec;  // 24 chars always hold a long long
  for (auto n = static_cast<int>(end - buffer); n < width; ++n) out.push_back('0');
  out.append(buffer, end);
}

struct Fields {
  year_month_day date;
  long long hour;
  long long minute;
  long long second;
};

Fields split(local_seconds time) {
  local_days day = local_day(time);
  long long s = (time - local_seconds{day}).count();
  return {year_month_day{day}, s / 3600, s / 60 % 60, s % 60};
}

}  // namespace

std::chrono::local_seconds to_vietnam_local(std::chrono::sys_seconds instant) {
  return local_seconds{instant.time_since_epoch() + kVietnamUtcOffset};
}

std::chrono::sys_seconds from_vietnam_local(std::chrono::local_seconds local) {
  return std::chrono::sys_seconds{local.time_since_epoch() - kVietnamUtcOffset};
}

Result<std::chrono::local_seconds> parse_local_date_time(std::string_view text) {
  Error error = invalid_input("'" + std::string(text) +
                              "' is not a valid local time (expected YYYY-MM-DD HH:MM:SS)");
  year_month_day date;
  int h = 0;
  int m = 0;
  int s = 0;
  if (text.size() != 19 || !parse_ymd(text, &date) || text[10] != ' ' ||
      !read_digits(text, 11, 2, &h) || text[13] != ':' || !read_digits(text, 14, 2, &m) ||
      text[16] != ':' || !read_digits(text, 17, 2, &s) || h > 23 || m > 59 || s > 59) {
    return error;
  }
  return local_seconds{local_days{date}} + std::chrono::hours{h} + std::chrono::minutes{m} +
         std::chrono::seconds{s};
}

Result<std::chrono::year_month_day> parse_date(std::string_view text) {
  year_month_day date;
  if (text.size() != 10 || !parse_ymd(text, &date)) {
    return invalid_input("'" + std::string(text) + "' is not a valid date (expected YYYY-MM-DD)");
  }
  return date;
}

Result<std::chrono::year_month_day> parse_entered_date(std::string_view text) {
  if (text.size() == 10 && text[2] == '/' && text[5] == '/') {
    int d = 0;
    int m = 0;
    int y = 0;
    if (read_digits(text, 0, 2, &d) && read_digits(text, 3, 2, &m) && read_digits(text, 6, 4, &y)) {
      year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                         std::chrono::day{static_cast<unsigned>(d)}};
      if (ymd.ok()) return ymd;
    }
    return invalid_input("'" + std::string(text) + "' is not a valid date (expected DD/MM/YYYY)");
  }
  return parse_date(text);
}

std::chrono::local_days local_day(std::chrono::local_seconds time) {
  return std::chrono::floor<days>(time);
}

std::string format_display_date_time(std::chrono::local_seconds time) {
  Fields f = split(time);
  std::string out = format_display_date(f.date);
  out.push_back(' ');
  append_padded(out, f.hour, 2);
  out.push_back(':');
  append_padded(out, f.minute, 2);
  out.push_back(':');
  append_padded(out, f.second, 2);
  return out;
}

std::string format_cli_date_time(std::chrono::local_seconds time) {
  Fields f = split(time);
  std::string out = format_iso_date(f.date);
  out.push_back(' ');
  append_padded(out, f.hour, 2);
  out.push_back(':');
  append_padded(out, f.minute, 2);
  return out;
}

std::string format_display_date(std::chrono::year_month_day date) {
  std::string out;
  append_padded(out, static_cast<unsigned>(date.day()), 2);
  out.push_back('/');
  append_padded(out, static_cast<unsigned>(date.month()), 2);
  out.push_back('/');
  append_padded(out, static_cast<int>(date.year()), 4);
  return out;
}

std::string format_iso_date(std::chrono::year_month_day date) {
  std::string out;
  append_padded(out, static_cast<int>(date.year()), 4);
  out.push_back('-');
  append_padded(out, static_cast<unsigned>(date.month()), 2);
  out.push_back('-');
  append_padded(out, static_cast<unsigned>(date.day()), 2);
  return out;
}

}  // namespace motcua::core
