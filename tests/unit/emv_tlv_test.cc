#include "core/emv_tlv.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

TEST(EmvTlv, SplitsFieldsInOrder) {
  Result<std::vector<EmvField>> fields = parse_emv_fields("000201010212", "");
  ASSERT_TRUE(fields.ok()) << fields.error().message;
  ASSERT_EQ(fields->size(), 2u);
  EXPECT_EQ((*fields)[0].tag, "00");
  EXPECT_EQ((*fields)[0].value, "01");
  EXPECT_EQ((*fields)[1].tag, "01");
  EXPECT_EQ((*fields)[1].value, "12");
}

TEST(EmvTlv, NamesTheTemplateWhenCharactersTrail) {
  Result<std::vector<EmvField>> fields = parse_emv_fields(
      "00069704030112001101234567"
      "8",
      "38.01");
  ASSERT_FALSE(fields.ok());
  EXPECT_EQ(fields.error().message, "tag 38.01: 1 trailing character after 38.01.01");
}

TEST(EmvTlv, RejectsALengthThatRunsPastTheEnd) {
  Result<std::vector<EmvField>> fields = parse_emv_fields("0005abc", "62");
  ASSERT_FALSE(fields.ok());
  EXPECT_EQ(fields.error().message, "tag 62.00: declares 5 characters but only 3 remain");
}

TEST(EmvTlv, RejectsARepeatedTag) {
  Result<std::vector<EmvField>> fields = parse_emv_fields("01021101021200", "");
  ASSERT_FALSE(fields.ok());
  EXPECT_EQ(fields.error().message, "tag 01 appears twice");
}

TEST(EmvTlv, RejectsNonDigitTagsAndLengths) {
  EXPECT_FALSE(parse_emv_fields("A10201", "").ok());
  Result<std::vector<EmvField>> fields = parse_emv_fields("01x211", "");
  ASSERT_FALSE(fields.ok());
  EXPECT_NE(fields.error().message.find("tag 01: length"), std::string::npos);
}

TEST(EmvTlv, RejectsAnEmptyValue) {
  Result<std::vector<EmvField>> fields = parse_emv_fields("0100", "");
  ASSERT_FALSE(fields.ok());
  EXPECT_NE(fields.error().message.find("00"), std::string::npos);
}

TEST(EmvTlv, AppendWritesTheCharacterCount) {
  std::string out;
  ASSERT_TRUE(append_emv_field(out, "08", "thanh toan don hang").ok());
  EXPECT_EQ(out, "0819thanh toan don hang");
}

TEST(EmvTlv, AppendRefusesAValueOver99Characters) {
  std::string out = "x";
  Status status = append_emv_field(out, "62", std::string(100, 'a'));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(out, "x");
  EXPECT_NE(status.error().message.find("99"), std::string::npos);
}

}  // namespace
}  // namespace motcua::core
