#include "core/procedure_code.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

TEST(ProcedureCode, ParsesTheFullNationalCode) {
  Result<ProcedureCode> code = parse_procedure_code("2.000815.000.00.00.H34");
  ASSERT_TRUE(code.ok()) << code.error().message;
  EXPECT_EQ(code->level, "2");
  EXPECT_EQ(code->number, "000815");
  EXPECT_EQ(code->suffix, "000.00.00.H34");
  EXPECT_EQ(code->short_form(), "2.000815");
  EXPECT_EQ(code->full(), "2.000815.000.00.00.H34");
}

TEST(ProcedureCode, ParsesTheShortForm) {
  Result<ProcedureCode> code = parse_procedure_code("1.001612");
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(code->full(), "1.001612");
}

TEST(ProcedureCode, RejectsOtherShapes) {
  for (const char* bad :
       {"", "2", "4.000815", "2.00815", "2.000815.000.00.H34", "2.000815.000.00.00.h34",
        "2.000815.000.00.00.H3", "2.000815.", "2.000815.000.00.00.H34.1", "2.0008a5"}) {
    EXPECT_FALSE(parse_procedure_code(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace motcua::core
