#include "core/civil_time.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

using namespace std::chrono;

TEST(CivilTime, VietnamIsUtcPlusSevenAllYear) {
  local_seconds local = parse_local_date_time("2024-04-26 07:27:52").value();
  sys_seconds instant = from_vietnam_local(local);
  EXPECT_EQ(instant, sys_days{2024y / 4 / 26} + 27min + 52s);  // 00:27:52 UTC
  EXPECT_EQ(to_vietnam_local(instant), local);
  // No daylight saving time: January and July have the same offset.
  EXPECT_EQ(to_vietnam_local(sys_days{2024y / 1 / 1}) - local_days{2024y / 1 / 1}, 7h);
  EXPECT_EQ(to_vietnam_local(sys_days{2024y / 7 / 1}) - local_days{2024y / 7 / 1}, 7h);
}

TEST(CivilTime, ParsesDateTimeAndDate) {
  EXPECT_EQ(parse_local_date_time("2024-02-29 23:59:59").value(),
            local_days{2024y / 2 / 29} + 23h + 59min + 59s);
  EXPECT_EQ(parse_date("2024-05-04").value(), 2024y / 5 / 4);
}

TEST(CivilTime, ReadsEnteredDatesInEitherShape) {
  EXPECT_EQ(parse_entered_date("26/04/2024").value(), 2024y / 4 / 26);
  EXPECT_EQ(parse_entered_date("2024-04-26").value(), 2024y / 4 / 26);
  for (const char* text : {"", "30/02/2024", "26/4/2024", "26/04/24", "2024/04/26", "26-04-2024",
                           "26/04/2024 ", "ab/cd/efgh", "29/02/2023"}) {
    EXPECT_FALSE(parse_entered_date(text).ok()) << text;
  }
}

TEST(CivilTime, RejectsImpossibleDates) {
  EXPECT_FALSE(parse_date("2024-02-30").ok());
  EXPECT_FALSE(parse_date("2023-02-29").ok());
  EXPECT_FALSE(parse_date("2024-13-01").ok());
  EXPECT_FALSE(parse_date("2024-00-10").ok());
  EXPECT_FALSE(parse_local_date_time("2024-02-30 07:00:00").ok());
}

TEST(CivilTime, RejectsMalformedText) {
  for (const char* text :
       {"", "2024-4-26 07:27:52", "2024-04-26T07:27:52", "2024-04-26 24:00:00",
        "2024-04-26 07:60:00", "2024-04-26 07:27:60", "2024-04-26 07:27", "2024-04-26 07:27:52 ",
        " 2024-04-26 07:27:52", "2024-04-26 +7:27:52", "26/04/2024 07:27:52"}) {
    EXPECT_FALSE(parse_local_date_time(text).ok()) << text;
  }
  EXPECT_FALSE(parse_date("2024-04-26 ").ok());
  EXPECT_FALSE(parse_date("２０２４-04-26").ok());
  Result<year_month_day> bad = parse_date("2024-02-30");
  EXPECT_NE(bad.error().message.find("2024-02-30"), std::string::npos);
}

TEST(CivilTime, FormatsAsTheGuideAndTheCli) {
  local_seconds t = local_days{2024y / 4 / 26} + 7h + 27min + 52s;
  EXPECT_EQ(format_display_date_time(t), "26/04/2024 07:27:52");
  EXPECT_EQ(format_cli_date_time(local_days{2024y / 5 / 2} + 7h + 27min), "2024-05-02 07:27");
  EXPECT_EQ(format_cli_date_time(t), "2024-04-26 07:27");
  EXPECT_EQ(format_display_date(2024y / 5 / 4), "04/05/2024");
  EXPECT_EQ(format_iso_date(2024y / 5 / 4), "2024-05-04");
}

}  // namespace
}  // namespace motcua::core
