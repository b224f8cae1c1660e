#include "core/case_code.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

using std::chrono::April;
using std::chrono::year_month_day;
using namespace std::chrono_literals;

CaseCodePattern default_pattern() {
  return CaseCodePattern::parse(CaseCodePattern::kDefault).value();
}

TEST(CaseCode, FormatsTheGuideExample) {
  Result<std::string> code = default_pattern().format("H34.22.6", 2024y / April / 26d, 2);
  ASSERT_TRUE(code.ok()) << code.error().message;
  EXPECT_EQ(code.value(), "H34.22.6-240426-0002");
}

TEST(CaseCode, NextFollowsTheLastSequence) {
  EXPECT_EQ(default_pattern().next("H34.4", 2024y / std::chrono::May / 3d, 11).value(),
            "H34.4-240503-0012");
  EXPECT_EQ(default_pattern().next("H34.4", 2024y / std::chrono::May / 3d, 0).value(),
            "H34.4-240503-0001");
}

TEST(CaseCode, SequenceIsPerAgencyPerDay) {
  CaseCodePattern p = default_pattern();
  EXPECT_EQ(p.scope_key("H34.22.6", 2024y / April / 26d), "H34.22.6-240426-{seq}");
  EXPECT_NE(p.scope_key("H34.22.6", 2024y / April / 26d),
            p.scope_key("H34.4", 2024y / April / 26d));
  EXPECT_NE(p.scope_key("H34.22.6", 2024y / April / 26d),
            p.scope_key("H34.22.6", 2024y / April / 27d));
}

TEST(CaseCode, YearlyPatternSharesOneSequencePerYear) {
  CaseCodePattern p = CaseCodePattern::parse("{agency}/{yyyy}/{seq:6}").value();
  EXPECT_EQ(p.scope_key("H48", 2025y / std::chrono::July / 1d),
            p.scope_key("H48", 2025y / std::chrono::December / 31d));
  EXPECT_EQ(p.format("H48", 2025y / std::chrono::July / 1d, 42).value(), "H48/2025/000042");
}

TEST(CaseCode, ExhaustedSequenceIsAnError) {
  CaseCodePattern p = default_pattern();
  EXPECT_EQ(p.format("H34.4", 2024y / April / 26d, 9999).value(), "H34.4-240426-9999");
  Result<std::string> r = p.next("H34.4", 2024y / April / 26d, 9999);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kOutOfRange);
  EXPECT_FALSE(p.format("H34.4", 2024y / April / 26d, 0).ok());
}

TEST(CaseCode, ParsesBackWithItsPattern) {
  Result<CaseCodeParts> parts = parse_case_code("H34.22.6-240426-0002", default_pattern());
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ(parts->agency_code, "H34.22.6");
  EXPECT_EQ(parts->year, 2024);
  EXPECT_EQ(parts->month, 4);
  EXPECT_EQ(parts->day, 26);
  EXPECT_EQ(parts->sequence, 2);
}

TEST(CaseCode, RejectsCodesThatDoNotFitThePattern) {
  CaseCodePattern p = default_pattern();
  for (const char* bad :
       {"", "H34.22.6", "H34.22.6-240426-002", "H34.22.6-240426-00021", "H34.22.6-241326-0002",
        "H34.22.6-240230-0002", "-240426-0002", "H34.22.6-240426-0000", "H34.22.6_240426_0002"}) {
    EXPECT_FALSE(parse_case_code(bad, p).ok()) << bad;
  }
}

TEST(CaseCodePattern, RejectsBadPatterns) {
  for (const char* bad :
       {"{agency}-{seq:4}", "{yy}{MM}{dd}-{seq:4}", "{agency}-{yy}{MM}{dd}", "{agency}{yy}-{seq:4}",
        "{agency}-{yy}{dd}-{seq:4}", "{agency}-{yy}-{x}", "{agency}-{yy}-{seq:0}",
        "{agency}-{yy}-{seq:4}{seq:2}", "{agency}-{yy}-{seq:4", "{agency} {yy}-{seq:4}"}) {
    EXPECT_FALSE(CaseCodePattern::parse(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace motcua::core
