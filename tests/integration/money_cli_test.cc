#include <gtest/gtest.h>

#include <algorithm>

#include "../support/run_process.h"

namespace motcua::testing {
namespace {

ProcessResult motcua(const std::string& args) {
  return run_process(std::string(MOTCUA_BIN) + " " + args);
}

TEST(MoneyCli, PrintsWords) {
  ProcessResult r = motcua("money words 1005000");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Một triệu không trăm linh năm nghìn đồng\n");
  EXPECT_EQ(motcua("money words 105.000").out, "Một trăm linh năm nghìn đồng\n");
}

TEST(MoneyCli, FormatsAsThePages) { EXPECT_EQ(motcua("money format 2000").out, "2.000 VND\n"); }

TEST(MoneyCli, BadAmountIsOneLineAndNonZeroExit) {
  for (const char* bad : {"abc", "2,5", "-1", "1000000000000000", "99999999999999999999"}) {
    ProcessResult r = motcua(std::string("money words ") + shell_quote(bad));
    EXPECT_NE(r.exit_code, 0) << bad;
    EXPECT_TRUE(r.out.empty()) << bad;
    EXPECT_EQ(r.err.rfind("error: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
}

TEST(MoneyCli, MissingAmountIsAUsageError) {
  ProcessResult r = motcua("money words");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_FALSE(r.err.empty());
}

}  // namespace
}  // namespace motcua::testing
