#pragma once

#include "core/result.h"
#include "core/year_calendar.h"

namespace motcua::core {

// The first year in which 24/11, Ngày Văn hóa Việt Nam (Vietnamese Culture Day), is a paid
// holiday (reported for 2026; the admin confirms it).
inline constexpr int kCultureDayFirstYear = 2026;

// Proposes the public holidays of a year nobody has entered, from the Labour Code 2019
// (Bộ luật Lao động 45/2019/QH14), Art. 112:
//   - 01/01 (Tết Dương lịch);
//   - Tết Nguyên đán, 5 days: the lunar new year's eve and days 1-4 of the lunar year;
//   - 10/3 lunar (Giỗ Tổ Hùng Vương);
//   - 30/04 and 01/05;
//   - 02/09 and one adjacent day: whichever of 01/09 and 03/09 gives the longer unbroken break
//     (weekends and compensatory days included), 01/09 on a tie;
//   - from kCultureDayFirstYear, 24/11.
// A holiday on Saturday or Sunday gives a compensatory day off (ngày nghỉ bù) on the next
// working day (Art. 112(3)), within the year. No make-up working days are proposed: those
// come only from the government's announcement. The result is marked unconfirmed, and so is
// every entry. Fails only for a year outside 1800-2199 (no lunar data).
Result<YearCalendar> propose_holidays(int year);

}  // namespace motcua::core
