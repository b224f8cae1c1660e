#include "adapters/config/calendar_file.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "adapters/config/shipped_calendars.h"
#include "core/civil_time.h"
#include "core/working_calendar.h"

namespace motcua::adapters::config {
namespace {

using namespace std::chrono;

const char* kValid = R"(
year = 2030
confirmed = true
source = "test"

[[day_off]]
from = 2030-04-29
to = 2030-05-01
name = "Nghỉ lễ"

[[day_off]]
date = 2030-09-02
name = "Quốc khánh"
confirmed = false

[[make_up_day]]
date = 2030-05-04
name = "Làm bù"
)";

std::string error_of(const std::string& text) {
  core::Result<core::YearCalendar> r = parse_calendar_toml(text, "test.toml");
  return r.ok() ? std::string("(accepted)") : r.error().message;
}

TEST(CalendarFile, ParsesDaysOffMakeUpDaysAndConfirmation) {
  core::YearCalendar y = parse_calendar_toml(kValid, "test.toml").value();
  EXPECT_EQ(y.year(), 2030);
  EXPECT_TRUE(y.confirmed());
  EXPECT_EQ(y.source(), "test");
  ASSERT_EQ(y.entries().size(), 3u);
  EXPECT_FALSE(y.is_working_day(sys_days{2030y / 4 / 30}));
  EXPECT_TRUE(y.is_working_day(sys_days{2030y / 5 / 4}));  // Saturday, make-up
  EXPECT_FALSE(y.entries()[1].confirmed);
  EXPECT_TRUE(y.entries()[0].confirmed);
}

TEST(CalendarFile, NamesAreStoredAsNfc) {
  // "Lễ" with a decomposed circumflex and dot below.
  std::string text =
      "year = 2030\nconfirmed = true\n[[day_off]]\ndate = 2030-01-01\nname = "
      "\"Le\xCC\x82\xCC\xA3\"\n";
  EXPECT_EQ(parse_calendar_toml(text, "x").value().entries()[0].name, "Lệ");
}

TEST(CalendarFile, SyntaxErrorNamesFileLineAndColumn) {
  std::string message = error_of("year = 2030\nconfirmed = tru\n");
  EXPECT_EQ(message.rfind("test.toml:2:", 0), 0u) << message;
}

TEST(CalendarFile, FieldErrorsNameTheField) {
  EXPECT_NE(error_of("confirmed = true\n").find("'year'"), std::string::npos);
  EXPECT_NE(error_of("year = 2030\n").find("'confirmed'"), std::string::npos);
  EXPECT_NE(error_of("year = \"2030\"\nconfirmed = true\n").find("'year'"), std::string::npos);
  std::string bad_to =
      "year = 2030\nconfirmed = true\n[[day_off]]\nfrom = 2030-01-01\nto = \"2030-01-02\"\n"
      "name = \"x\"\n";
  EXPECT_NE(error_of(bad_to).find("day_off #1: 'to' must be a date"), std::string::npos)
      << error_of(bad_to);
  std::string date_time =
      "year = 2030\nconfirmed = true\n[[make_up_day]]\ndate = 2030-05-04T08:00:00\nname = \"x\"\n";
  EXPECT_NE(error_of(date_time).find("make_up_day #1: 'date'"), std::string::npos);
  std::string no_name = "year = 2030\nconfirmed = true\n[[day_off]]\ndate = 2030-01-01\n";
  EXPECT_NE(error_of(no_name).find("'name'"), std::string::npos);
}

TEST(CalendarFile, RejectsUnknownKeysSoTyposCannotDropAHoliday) {
  EXPECT_NE(error_of("year = 2030\nconfirmed = true\n[[dayoff]]\ndate = 2030-01-01\nname = \"x\"\n")
                .find("unknown key 'dayoff'"),
            std::string::npos);
  EXPECT_NE(error_of("year = 2030\nconfirmed = true\n[[day_off]]\ndate = 2030-01-01\n"
                     "name = \"x\"\ncomfirmed = false\n")
                .find("unknown key 'comfirmed'"),
            std::string::npos);
}

TEST(CalendarFile, DomainErrorsComeFromTheYearCalendar) {
  std::string outside =
      "year = 2030\nconfirmed = true\n[[day_off]]\ndate = 2031-01-01\nname = \"x\"\n";
  EXPECT_NE(error_of(outside).find("outside the year 2030"), std::string::npos)
      << error_of(outside);
  std::string clash =
      "year = 2030\nconfirmed = true\n[[day_off]]\ndate = 2030-05-04\nname = \"x\"\n"
      "[[make_up_day]]\ndate = 2030-05-04\nname = \"y\"\n";
  EXPECT_NE(error_of(clash).find("also a day off"), std::string::npos) << error_of(clash);
}

TEST(CalendarFile, MissingFileIsNamed) {
  core::Result<core::YearCalendar> r = load_calendar_file("/nonexistent/2030.toml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("/nonexistent/2030.toml"), std::string::npos);
}

TEST(CalendarFile, ShippedFilesMatchTheRepositoryData) {
  auto texts = embedded_calendar_texts();
  ASSERT_GE(texts.size(), 3u);
  for (const EmbeddedCalendarText& file : texts) {
    std::string path = std::string(MOTCUA_SOURCE_DIR) + "/data/calendar/" + std::string(file.name);
    core::Result<core::YearCalendar> from_disk = load_calendar_file(path);
    ASSERT_TRUE(from_disk.ok()) << from_disk.error().message;
    std::ifstream in(path, std::ios::binary);
    std::string disk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(disk, file.content) << file.name << " is stale in the build";
  }
}

TEST(CalendarFile, ShippedYearsAreConfirmedExceptTheReportedCultureDay) {
  std::vector<core::YearCalendar> years = shipped_calendars().value();
  ASSERT_EQ(years.size(), 3u);
  for (const core::YearCalendar& y : years) {
    EXPECT_TRUE(y.confirmed()) << y.year();
    for (const core::CalendarEntry& e : y.entries()) {
      bool culture_day = e.from == sys_days{2026y / 11 / 24};
      EXPECT_EQ(e.confirmed, !culture_day) << y.year() << " " << e.name;
    }
  }
}

std::string deadline(const core::WorkingCalendar& c, const char* from, long long days) {
  return core::format_cli_date_time(
      c.add_working_days(core::parse_local_date_time(from).value(), days).value().at);
}

TEST(CalendarFile, ShippedDataGivesTheGuideDeadlines) {
  core::WorkingCalendar c = load_working_calendar({}, core::WorkingHours::standard()).value();
  EXPECT_EQ(deadline(c, "2024-04-26 07:27:52", 1), "2024-05-02 07:27");
  EXPECT_EQ(deadline(c, "2024-04-26 07:27:52", 3), "2024-05-04 07:27");
  EXPECT_EQ(deadline(c, "2025-01-24 07:27:00", 1), "2025-02-03 07:27");
  EXPECT_EQ(deadline(c, "2026-01-09 07:27:00", 1), "2026-01-10 07:27");
  EXPECT_EQ(deadline(c, "2026-08-21 07:27:00", 1), "2026-08-22 07:27");
  EXPECT_EQ(deadline(c, "2026-04-24 07:27:00", 1), "2026-04-28 07:27");  // 27/04 off
}

TEST(CalendarFile, ShippedDataMatchesTheDesignLists) {
  core::WorkingCalendar c = load_working_calendar({}, core::WorkingHours::standard()).value();
  auto working = [&](year_month_day d) { return c.is_working_day(sys_days{d}).value(); };
  for (year_month_day d :
       {2024y / 1 / 1,  2024y / 2 / 8,  2024y / 2 / 14, 2024y / 4 / 18, 2024y / 4 / 29,
        2024y / 9 / 3,  2025y / 1 / 1,  2025y / 1 / 27, 2025y / 1 / 31, 2025y / 4 / 7,
        2025y / 5 / 2,  2025y / 9 / 1,  2026y / 1 / 2,  2026y / 2 / 16, 2026y / 2 / 20,
        2026y / 4 / 27, 2026y / 4 / 30, 2026y / 5 / 1,  2026y / 8 / 31, 2026y / 9 / 1,
        2026y / 11 / 24}) {
    EXPECT_FALSE(working(d)) << core::format_iso_date(d);
  }
  for (year_month_day d :
       {2024y / 2 / 7, 2024y / 2 / 15, 2024y / 5 / 4, 2025y / 2 / 3, 2025y / 4 / 26, 2025y / 9 / 3,
        2026y / 1 / 5, 2026y / 1 / 10, 2026y / 2 / 23, 2026y / 8 / 22, 2026y / 9 / 3}) {
    EXPECT_TRUE(working(d)) << core::format_iso_date(d);
  }
}

TEST(CalendarFile, AFileReplacesTheShippedYear) {
  std::string path = ::testing::TempDir() + "motcua_calendar_2024.toml";
  {
    std::ofstream out(path);
    out << "year = 2024\nconfirmed = true\nsource = \"no holidays\"\n";
  }
  core::WorkingCalendar c = load_working_calendar({path}, core::WorkingHours::standard()).value();
  EXPECT_EQ(deadline(c, "2024-04-26 07:27:52", 1), "2024-04-29 07:27");
  EXPECT_FALSE(load_working_calendar({path, path}, core::WorkingHours::standard()).ok());
  std::remove(path.c_str());
}

}  // namespace
}  // namespace motcua::adapters::config
