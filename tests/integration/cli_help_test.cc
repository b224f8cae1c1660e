#include <gtest/gtest.h>

#include "../support/run_process.h"

namespace motcua::testing {
namespace {

TEST(Cli, HelpListsTheCommandGroups) {
  ProcessResult r = run_process(std::string(MOTCUA_BIN) + " --help");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("vietqr"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("money"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("calendar"), std::string::npos) << r.out;
}

TEST(Cli, UnknownCommandIsAUsageError) {
  ProcessResult r = run_process(std::string(MOTCUA_BIN) + " frobnicate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(r.err.empty());
}

}  // namespace
}  // namespace motcua::testing
