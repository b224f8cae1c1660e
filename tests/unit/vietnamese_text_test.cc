#include "core/vietnamese_text.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

// "Võ" written decomposed: o + combining tilde (U+0303).
const std::string kDecomposedVo = "Vo\xCC\x83";

TEST(VietnameseText, NfcComposesDecomposedInput) {
  Result<std::string> nfc = to_nfc(kDecomposedVo);
  ASSERT_TRUE(nfc.ok());
  EXPECT_EQ(nfc.value(), "Võ");
}

TEST(VietnameseText, UpperCasesWithMarks) {
  EXPECT_EQ(to_upper("Võ Đặng Ngọc Giả").value(), "VÕ ĐẶNG NGỌC GIẢ");
  EXPECT_EQ(to_upper(kDecomposedVo).value(), "VÕ");
}

TEST(VietnameseText, StripDiacriticsKeepsCaseAndMapsDStroke) {
  EXPECT_EQ(strip_diacritics("Thanh toán lệ phí cho hồ sơ").value(), "Thanh toan le phi cho ho so");
  EXPECT_EQ(strip_diacritics("Đặng đường").value(), "Dang duong");
  EXPECT_EQ(strip_diacritics("ƯỚC ƠN").value(), "UOC ON");
}

TEST(VietnameseText, SearchKeyIgnoresCaseDiacriticsAndSpacing) {
  EXPECT_EQ(search_key("  Võ Đặng   Ngọc Giả ").value(), "vo dang ngoc gia");
  EXPECT_EQ(search_key("vo dang ngoc gia").value(), search_key("VÕ ĐẶNG NGỌC GIẢ").value());
  EXPECT_EQ(search_key(kDecomposedVo).value(), "vo");
}

TEST(VietnameseText, RejectsInvalidUtf8) {
  const std::string broken = "abc\xC3";
  EXPECT_EQ(to_nfc(broken).error().kind, ErrorKind::kInvalidInput);
  EXPECT_FALSE(to_upper(broken).ok());
  EXPECT_FALSE(strip_diacritics(broken).ok());
  EXPECT_FALSE(search_key("\xFF").ok());
}

TEST(VietnameseText, PrintableAscii) {
  EXPECT_TRUE(is_printable_ascii("Thanh toan 2000"));
  EXPECT_FALSE(is_printable_ascii("Thanh toán"));
  EXPECT_FALSE(is_printable_ascii("tab\there"));
}

}  // namespace
}  // namespace motcua::core
