#include "core/lunar_calendar.h"

#include <cmath>
#include <numbers>
#include <string>

namespace motcua::core {
namespace {

// Vietnam's meridian, in hours east of Greenwich. China's calendar (UTC+8) differs in some
// years (e.g. Tết 1985), which is why the zone matters.
constexpr double kTimeZone = 7.0;
constexpr double kRad = std::numbers::pi / 180.0;
constexpr double kSynodicMonth = 29.530588853;
// Julian day numbers: of 1970-01-01 (the sys_days epoch), and the new moon of 1900-01-01.
constexpr long kJdUnixEpoch = 2440588;
constexpr double kJdNewMoon1900 = 2415021.076998695;

long jd_from_date(std::chrono::year_month_day date) {
  return std::chrono::sys_days{date}.time_since_epoch().count() + kJdUnixEpoch;
}

// Julian day (TT, fractional) of the k-th new moon after 1900-01-01 (Meeus, ch. 49, short form).
double new_moon(long k) {
  double kd = static_cast<double>(k);
  double t = kd / 1236.85;
  double t2 = t * t;
  double t3 = t2 * t;
  double jd1 = 2415020.75933 + 29.53058868 * kd + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * std::sin((166.56 + 132.87 * t - 0.009173 * t2) * kRad);
  double m = 359.2242 + 29.10535608 * kd - 0.0000333 * t2 - 0.00000347 * t3;
  double mpr = 306.0253 + 385.81691806 * kd + 0.0107306 * t2 + 0.00001236 * t3;
  double f = 21.2964 + 390.67050646 * kd - 0.0016528 * t2 - 0.00000239 * t3;
  double c1 = (0.1734 - 0.000393 * t) * std::sin(m * kRad) + 0.0021 * std::sin(2 * kRad * m);
  c1 = c1 - 0.4068 * std::sin(mpr * kRad) + 0.0161 * std::sin(kRad * 2 * mpr);
  c1 = c1 - 0.0004 * std::sin(kRad * 3 * mpr);
  c1 = c1 + 0.0104 * std::sin(kRad * 2 * f) - 0.0051 * std::sin(kRad * (m + mpr));
  c1 = c1 - 0.0074 * std::sin(kRad * (m - mpr)) + 0.0004 * std::sin(kRad * (2 * f + m));
  c1 = c1 - 0.0004 * std::sin(kRad * (2 * f - m)) - 0.0006 * std::sin(kRad * (2 * f + mpr));
  c1 = c1 + 0.0010 * std::sin(kRad * (2 * f - mpr)) + 0.0005 * std::sin(kRad * (2 * mpr + m));
  double delta_t = 0;
  if (t < -11) {
    delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
  } else {
    delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2;
  }
  return jd1 + c1 - delta_t;
}

// Julian day number of the local day on which the k-th new moon falls.
long new_moon_day(long k) {
  return static_cast<long>(std::floor(new_moon(k) + 0.5 + kTimeZone / 24.0));
}

// The sun's apparent longitude (radians, 0..2π) at Julian day `jdn` (Meeus, ch. 25, low accuracy).
double sun_longitude(double jdn) {
  double t = (jdn - 2451545.0) / 36525.0;
  double t2 = t * t;
  double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * std::sin(kRad * m);
  dl += (0.019993 - 0.000101 * t) * std::sin(kRad * 2 * m) + 0.000290 * std::sin(kRad * 3 * m);
  double l = (l0 + dl) * kRad;
  return l - 2 * std::numbers::pi * std::floor(l / (2 * std::numbers::pi));
}

// Which of the 12 solar terms' sectors (0..11, 30° each) the sun is in at the start of a day.
long sun_sector(long day_number) {
  double jd = static_cast<double>(day_number) - 0.5 - kTimeZone / 24.0;
  return static_cast<long>(std::floor(sun_longitude(jd) / std::numbers::pi * 6));
}

// The day the 11th lunar month (the one holding the winter solstice) starts in `year`.
long lunar_month_11(int year) {
  long off = jd_from_date(std::chrono::year{year} / 12 / 31) - 2415021;
  auto k = static_cast<long>(std::floor(static_cast<double>(off) / kSynodicMonth));
  long nm = new_moon_day(k);
  if (sun_sector(nm) >= 9) nm = new_moon_day(k - 1);
  return nm;
}

// Offset, counted from month 11 starting at `a11`, of the first month without a major solar
// term: the leap month of a 13-month year.
long leap_month_offset(long a11) {
  auto k = static_cast<long>(
      std::floor((static_cast<double>(a11) - kJdNewMoon1900) / kSynodicMonth + 0.5));
  long i = 1;
  long arc = sun_sector(new_moon_day(k + i));
  long last = 0;
  do {
    last = arc;
    ++i;
    arc = sun_sector(new_moon_day(k + i));
  } while (arc != last && i < 14);
  return i - 1;
}

}  // namespace

Result<std::chrono::sys_days> lunar_to_solar(const LunarDate& date) {
  if (date.year < kLunarFirstYear || date.year > kLunarLastYear) {
    return invalid_input("lunar year " + std::to_string(date.year) + " is outside " +
                         std::to_string(kLunarFirstYear) + "-" + std::to_string(kLunarLastYear));
  }
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 30) {
    return invalid_input("lunar month must be 1-12 and day 1-30");
  }
  long a11 = 0;
  long b11 = 0;
  if (date.month < 11) {
    a11 = lunar_month_11(date.year - 1);
    b11 = lunar_month_11(date.year);
  } else {
    a11 = lunar_month_11(date.year);
    b11 = lunar_month_11(date.year + 1);
  }
  auto k = static_cast<long>(
      std::floor(0.5 + (static_cast<double>(a11) - kJdNewMoon1900) / kSynodicMonth));
  long off = static_cast<long>(date.month) - 11;
  if (off < 0) off += 12;
  bool has_leap_month = b11 - a11 > 365;
  if (has_leap_month) {
    long leap_off = leap_month_offset(a11);
    long leap_month = leap_off - 2;
    if (leap_month < 0) leap_month += 12;
    if (date.leap_month && static_cast<long>(date.month) != leap_month) {
      return invalid_input("lunar year " + std::to_string(date.year) + " has no leap month " +
                           std::to_string(date.month));
    }
    if (date.leap_month || off >= leap_off) off += 1;
  } else if (date.leap_month) {
    return invalid_input("lunar year " + std::to_string(date.year) + " has no leap month");
  }
  long month_start = new_moon_day(k + off);
  long next_month_start = new_moon_day(k + off + 1);
  if (static_cast<long>(date.day) > next_month_start - month_start) {
    return invalid_input("that lunar month has only " +
                         std::to_string(next_month_start - month_start) + " days");
  }
  long jd = month_start + static_cast<long>(date.day) - 1;
  return std::chrono::sys_days{std::chrono::days{jd - kJdUnixEpoch}};
}

}  // namespace motcua::core
