#include "core/amount_in_words.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace motcua::core {
namespace {

std::string words(std::int64_t dong) {
  Result<std::string> r = amount_in_words(Money::dong(dong));
  return r.ok() ? r.value() : "error: " + r.error().message;
}

TEST(AmountInWords, MatchesTheDesignExamples) {
  EXPECT_EQ(words(3'000), "Ba nghìn đồng");
  EXPECT_EQ(words(15'000), "Mười lăm nghìn đồng");
  EXPECT_EQ(words(21'000), "Hai mươi mốt nghìn đồng");
  EXPECT_EQ(words(34'000), "Ba mươi tư nghìn đồng");
  EXPECT_EQ(words(105'000), "Một trăm linh năm nghìn đồng");
  EXPECT_EQ(words(1'005'000), "Một triệu không trăm linh năm nghìn đồng");
  EXPECT_EQ(words(1'000'000), "Một triệu đồng");
  EXPECT_EQ(words(2'500'000'000), "Hai tỷ năm trăm triệu đồng");
}

TEST(AmountInWords, SmallNumbers) {
  EXPECT_EQ(words(0), "Không đồng");
  EXPECT_EQ(words(1), "Một đồng");
  EXPECT_EQ(words(10), "Mười đồng");
  EXPECT_EQ(words(11), "Mười một đồng");
  EXPECT_EQ(words(14), "Mười bốn đồng");
  EXPECT_EQ(words(15), "Mười lăm đồng");
  EXPECT_EQ(words(24), "Hai mươi tư đồng");
  EXPECT_EQ(words(25), "Hai mươi lăm đồng");
  EXPECT_EQ(words(21), "Hai mươi mốt đồng");
  EXPECT_EQ(words(50), "Năm mươi đồng");
}

TEST(AmountInWords, SaysLinhForZeroTens) {
  EXPECT_EQ(words(101), "Một trăm linh một đồng");
  EXPECT_EQ(words(105), "Một trăm linh năm đồng");
  EXPECT_EQ(words(1'001), "Một nghìn không trăm linh một đồng");
}

TEST(AmountInWords, HundredsAndThousands) {
  EXPECT_EQ(words(110), "Một trăm mười đồng");
  EXPECT_EQ(words(10'500), "Mười nghìn năm trăm đồng");
  EXPECT_EQ(words(999'999), "Chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng");
  EXPECT_EQ(words(2'000), "Hai nghìn đồng");
}

TEST(AmountInWords, SkipsAllZeroGroups) {
  // Chosen reading, documented in docs/domain.md.
  EXPECT_EQ(words(1'000'500), "Một triệu năm trăm đồng");
  EXPECT_EQ(words(1'000'005), "Một triệu không trăm linh năm đồng");
  EXPECT_EQ(words(1'000'000'500), "Một tỷ năm trăm đồng");
}

TEST(AmountInWords, LargeAmounts) {
  EXPECT_EQ(words(123'456'789),
            "Một trăm hai mươi ba triệu bốn trăm năm mươi sáu nghìn bảy trăm tám mươi chín đồng");
  EXPECT_EQ(words(1'000'000'000), "Một tỷ đồng");
  EXPECT_EQ(words(1'000'000'000'000), "Một nghìn tỷ đồng");
  EXPECT_EQ(words(1'500'000'000'000), "Một nghìn năm trăm tỷ đồng");
  EXPECT_EQ(words(1'000'000'005'000), "Một nghìn tỷ không trăm linh năm nghìn đồng");
  EXPECT_EQ(words(kMaxAmountInWords),
            "Chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi "
            "chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng");
}

TEST(AmountInWords, RejectsPastTheLargestAndNegative) {
  Result<std::string> too_big = amount_in_words(Money::dong(kMaxAmountInWords + 1));
  ASSERT_FALSE(too_big.ok());
  EXPECT_EQ(too_big.error().kind, ErrorKind::kOutOfRange);
  EXPECT_NE(too_big.error().message.find("largest"), std::string::npos);
  EXPECT_FALSE(amount_in_words(Money::dong(-1)).ok());
}

}  // namespace
}  // namespace motcua::core
