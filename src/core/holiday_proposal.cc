#include "core/holiday_proposal.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/lunar_calendar.h"

namespace motcua::core {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

struct Holiday {
  sys_days day;
  std::string name;
};

sys_days solar(int year, unsigned month, unsigned day) {
  return sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
}

// The compensatory days for the holidays that fall on a weekend: for each such holiday, in date
// order, the next Monday-Friday that is neither a holiday nor already a compensatory day.
// Days that would fall after 31/12 are dropped (that year's own schedule covers them).
std::vector<Holiday> compensatory_days(const std::vector<Holiday>& holidays, int year) {
  std::set<sys_days> taken;
  for (const Holiday& h : holidays) taken.insert(h.day);
  std::vector<Holiday> sorted = holidays;
  std::sort(sorted.begin(), sorted.end(),
            [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
  sys_days last_day = solar(year, 12, 31);
  std::vector<Holiday> result;
  for (const Holiday& h : sorted) {
    if (is_weekday(h.day)) continue;
    sys_days d = h.day + days{1};
    while (!is_weekday(d) || taken.count(d) > 0) d += days{1};
    if (d > last_day) continue;
    taken.insert(d);
    result.push_back({d, "Nghỉ bù " + h.name});
  }
  return result;
}

// The length of the unbroken run of non-working days around `day`, given these days off.
long break_length(const std::set<sys_days>& off, sys_days day) {
  auto is_off = [&](sys_days d) { return !is_weekday(d) || off.count(d) > 0; };
  long length = 1;
  for (sys_days d = day - days{1}; is_off(d); d -= days{1}) ++length;
  for (sys_days d = day + days{1}; is_off(d); d += days{1}) ++length;
  return length;
}

// 01/09 or 03/09, whichever with 02/09 and compensation makes the longer break (01/09 on a tie).
sys_days national_day_companion(const std::vector<Holiday>& others, int year) {
  sys_days national_day = solar(year, 9, 2);
  long best_length = -1;
  sys_days best = national_day - days{1};
  for (sys_days candidate : {national_day - days{1}, national_day + days{1}}) {
    std::vector<Holiday> holidays = others;
    holidays.push_back({national_day, "Quốc khánh"});
    holidays.push_back({candidate, "Quốc khánh"});
    std::set<sys_days> off;
    for (const Holiday& h : holidays) off.insert(h.day);
    for (const Holiday& h : compensatory_days(holidays, year)) off.insert(h.day);
    long length = break_length(off, national_day);
    if (length > best_length) {
      best_length = length;
      best = candidate;
    }
  }
  return best;
}

}  // namespace

Result<YearCalendar> propose_holidays(int year) {
  Result<sys_days> tet = lunar_to_solar({year, 1, 1, false});
  if (!tet.ok()) return tet.error();
  Result<sys_days> hung_kings = lunar_to_solar({year, 3, 10, false});
  if (!hung_kings.ok()) return hung_kings.error();

  std::vector<Holiday> holidays;
  holidays.push_back({solar(year, 1, 1), "Tết Dương lịch"});
  for (int i = -1; i <= 3; ++i) holidays.push_back({*tet + days{i}, "Tết Nguyên đán"});
  holidays.push_back({*hung_kings, "Giỗ Tổ Hùng Vương"});
  holidays.push_back({solar(year, 4, 30), "Ngày Chiến thắng"});
  holidays.push_back({solar(year, 5, 1), "Ngày Quốc tế Lao động"});
  if (year >= kCultureDayFirstYear) {
    holidays.push_back({solar(year, 11, 24), "Ngày Văn hóa Việt Nam"});
  }
  sys_days companion = national_day_companion(holidays, year);
  holidays.push_back({solar(year, 9, 2), "Quốc khánh"});
  holidays.push_back({companion, "Quốc khánh"});
  for (Holiday& h : compensatory_days(holidays, year)) holidays.push_back(std::move(h));
  std::sort(holidays.begin(), holidays.end(),
            [](const Holiday& a, const Holiday& b) { return a.day < b.day; });

  std::vector<CalendarEntry> entries;
  for (Holiday& h : holidays) {
    entries.push_back({CalendarEntryKind::kDayOff, h.day, h.day, std::move(h.name), false});
  }
  return YearCalendar::create(year, false,
                              "Proposed by motcua from the Labour Code 2019, Art. 112; not the "
                              "announced schedule",
                              std::move(entries));
}

}  // namespace motcua::core
