#include "adapters/payment/platform_time.h"

#include <chrono>
#include <cstdio>

#include "core/civil_time.h"

namespace motcua::adapters::payment {

std::string format_rfc3339_vietnam(std::int64_t unix_seconds) {
  auto local = core::to_vietnam_local(std::chrono::sys_seconds{std::chrono::seconds{unix_seconds}});
  auto day = std::chrono::floor<std::chrono::days>(local);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss hms{local - day};
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d+07:00",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return buffer;
}

core::Result<std::int64_t> parse_rfc3339(std::string_view text) {
  auto bad = [&] {
    return core::invalid_input("'" + std::string(text) + "' is not an RFC 3339 time");
  };
  if (text.size() < 20 || (text[10] != 'T' && text[10] != 't')) return bad();
  std::string plain(text.substr(0, 19));
  plain[10] = ' ';
  auto local = core::parse_local_date_time(plain);
  if (!local) return bad();
  std::string_view rest = text.substr(19);
  if (!rest.empty() && rest.front() == '.') {
    rest.remove_prefix(1);
    std::size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    if (digits == 0) return bad();
    rest.remove_prefix(digits);
  }
  std::int64_t offset = 0;
  if (rest == "Z" || rest == "z") {
    offset = 0;
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    auto digit = [&](std::size_t i) { return rest[i] >= '0' && rest[i] <= '9'; };
    if (!digit(1) || !digit(2) || !digit(4) || !digit(5)) return bad();
    int hours = (rest[1] - '0') * 10 + (rest[2] - '0');
    int minutes = (rest[4] - '0') * 10 + (rest[5] - '0');
    if (hours > 23 || minutes > 59) return bad();
    offset = (hours * 3600 + minutes * 60) * (rest[0] == '-' ? -1 : 1);
  } else {
    return bad();
  }
  return static_cast<std::int64_t>(local->time_since_epoch().count()) - offset;
}

}  // namespace motcua::adapters::payment
