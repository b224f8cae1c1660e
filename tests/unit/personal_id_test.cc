#include "core/personal_id.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

TEST(PersonalId, MasksAllButTheLastFour) {
  EXPECT_EQ(mask_personal_id("079123458870"), "****8870");
  EXPECT_EQ(mask_personal_id("123458870"), "****8870");
  EXPECT_EQ(mask_personal_id("0101234567-001"), "****-001");
  EXPECT_EQ(mask_personal_id("8870"), "****");
  EXPECT_EQ(mask_personal_id(""), "****");
}

TEST(PersonalId, ClassifiesByShape) {
  EXPECT_EQ(parse_personal_id("079123458870").value().kind, PersonalIdKind::kCitizenId);
  EXPECT_EQ(parse_personal_id("079 123 458 870").value().digits, "079123458870");
  EXPECT_EQ(parse_personal_id("123458870").value().kind, PersonalIdKind::kOldId);
  EXPECT_EQ(parse_personal_id("0101234567").value().kind, PersonalIdKind::kTaxCode);
  EXPECT_EQ(parse_personal_id("0101234567001").value().kind, PersonalIdKind::kTaxCode);
  EXPECT_EQ(parse_personal_id("0101234567-001").value().kind, PersonalIdKind::kTaxCode);
}

TEST(PersonalId, RejectsOtherShapes) {
  for (const char* bad :
       {"", "12345678", "12345678901", "1234567890123456", "07912345887O", "0101234567-01",
        "010123456-0001", "-", "0101234567-000", "0101234567000"}) {
    Result<PersonalId> r = parse_personal_id(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("CCCD"), std::string::npos);
  }
}

TEST(PersonalId, CanonicalSpellingGivesABranchMstItsHyphen) {
  EXPECT_EQ(canonical_personal_id(parse_personal_id("0101234567001").value()), "0101234567-001");
  EXPECT_EQ(canonical_personal_id(parse_personal_id("0101234567-001").value()), "0101234567-001");
  EXPECT_EQ(canonical_personal_id(parse_personal_id("0101234567").value()), "0101234567");
  EXPECT_EQ(canonical_personal_id(parse_personal_id("079 123 458 870").value()), "079123458870");
}

}  // namespace
}  // namespace motcua::core
