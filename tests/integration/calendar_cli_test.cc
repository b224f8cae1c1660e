#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "../support/run_process.h"

namespace motcua::testing {
namespace {

// Runs motcua from / so that nothing depends on the working directory.
ProcessResult motcua(const std::string& arguments) {
  return run_process("cd / && " + shell_quote(MOTCUA_BIN) + " " + arguments);
}

TEST(CalendarCli, GuideOneWorkingDay) {
  ProcessResult r = motcua("calendar add --from '2024-04-26 07:27:52' --working-days 1");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2024-05-02 07:27\n");
  EXPECT_EQ(r.err, "");
}

TEST(CalendarCli, GuideThreeWorkingDaysEndOnTheMakeUpSaturday) {
  ProcessResult r = motcua("calendar add --from '2024-04-26 07:27:52' --working-days 3");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2024-05-04 07:27\n");
}

TEST(CalendarCli, GuideFourWorkingHours) {
  ProcessResult r = motcua("calendar add --from '2024-04-26 07:27:52' --working-hours 4");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2024-04-26 13:27\n");
}

TEST(CalendarCli, ProposedYearGivesOneWarningLine) {
  ProcessResult r = motcua("calendar add --from '2026-12-31 07:27:00' --working-days 1");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2027-01-04 07:27\n");
  EXPECT_EQ(r.err.rfind("warning: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("2027"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
}

TEST(CalendarCli, UnconfirmedCultureDayIsAppliedWithAWarning) {
  ProcessResult r = motcua("calendar add --from '2026-11-23 07:27:00' --working-days 1");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2026-11-25 07:27\n");
  EXPECT_NE(r.err.find("Ngày Văn hóa Việt Nam"), std::string::npos) << r.err;
}

TEST(CalendarCli, CustomHours) {
  // 07:27:52 is before the first window, so the count starts at 07:30: one day ends at 17:30.
  ProcessResult r = motcua(
      "calendar add --from '2024-04-26 07:27:52' --working-days 1 --hours "
      "'07:30-11:30,13:30-17:30'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2024-04-26 17:30\n");
}

TEST(CalendarCli, CalendarFileReplacesTheShippedYear) {
  std::string path = ::testing::TempDir() + "motcua_cli_2024.toml";
  {
    std::ofstream out(path);
    out << "year = 2024\nconfirmed = true\nsource = \"test\"\n";
  }
  ProcessResult r = motcua(
      "calendar add --from '2024-04-26 07:27:52' --working-days 1 --calendar " + shell_quote(path));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2024-04-29 07:27\n");
  std::remove(path.c_str());
}

void expect_rejected(const std::string& arguments, const std::string& needle) {
  ProcessResult r = motcua(arguments);
  EXPECT_EQ(r.exit_code, 1) << arguments << "\n" << r.err;
  EXPECT_EQ(r.out, "") << arguments;
  EXPECT_EQ(r.err.rfind("error: ", 0), 0u) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
}

TEST(CalendarCli, BadInputIsOneClearLine) {
  expect_rejected("calendar add --from '2024-02-30 07:00:00' --working-days 1", "2024-02-30");
  expect_rejected("calendar add --from 'yesterday' --working-days 1", "--from");
  expect_rejected("calendar add --from '2024-04-26 07:27:52' --working-days -1", "--working-days");
  expect_rejected("calendar add --from '2024-04-26 07:27:52' --working-days 1.5", "--working-days");
  expect_rejected("calendar add --from '2024-04-26 07:27:52' --working-days 1 --hours 13-17",
                  "working hours");
  expect_rejected(
      "calendar add --from '2024-04-26 07:27:52' --working-days 1 --calendar /nonexistent.toml",
      "/nonexistent.toml");
  expect_rejected("calendar add --from '2024-04-26 07:27:52'", "--working-days");
  expect_rejected("calendar add --from '2199-12-31 07:00:00' --working-days 5", "2200");
}

TEST(CalendarCli, MissingFromIsAUsageError) {
  ProcessResult r = motcua("calendar add --working-days 1");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_FALSE(r.err.empty());
}

TEST(CalendarCli, ShowListsTheYearAndItsConfirmation) {
  ProcessResult r = motcua("calendar show --year 2026");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("2026: confirmed\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("make-up day  2026-01-10"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2026-11-24  Ngày Văn hóa Việt Nam  (unconfirmed)"), std::string::npos);

  ProcessResult proposed = motcua("calendar show --year 2027");
  EXPECT_EQ(proposed.exit_code, 0) << proposed.err;
  EXPECT_EQ(proposed.out.rfind("2027: proposed, not confirmed\n", 0), 0u) << proposed.out;
  EXPECT_NE(proposed.err.find("warning"), std::string::npos);
}

}  // namespace
}  // namespace motcua::testing
