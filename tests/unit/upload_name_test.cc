#include "core/upload_name.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

TEST(UploadName, KeepsOnlyTheLastPathPart) {
  EXPECT_EQ(clean_upload_name("C:\\Users\\an\\giấy tờ.pdf"), "giấy tờ.pdf");
  EXPECT_EQ(clean_upload_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(clean_upload_name("a/b\\c.png"), "c.png");
}

TEST(UploadName, IsNfc) {
  // "ố" decomposed: o + U+0302 + U+0301.
  EXPECT_EQ(clean_upload_name("so\xCC\x82\xCC\x81.pdf"), "số.pdf");
}

TEST(UploadName, DropsControlsQuotesAndOuterSpaces) {
  EXPECT_EQ(clean_upload_name("  a\"b\r\n\tc\x7F.pdf  "), "abc.pdf");
  EXPECT_EQ(clean_upload_name("..hidden"), "hidden");
}

TEST(UploadName, FallsBackWhenNothingIsLeftOrTextIsNotUtf8) {
  EXPECT_EQ(clean_upload_name(""), "tep");
  EXPECT_EQ(clean_upload_name("dir/"), "tep");
  EXPECT_EQ(clean_upload_name(".."), "tep");
  EXPECT_EQ(clean_upload_name("\xFF\xFE.pdf"), "tep");
}

TEST(UploadName, IsCutAtACharacterBoundary) {
  std::string long_name;
  for (int i = 0; i < 100; ++i) long_name += "ệ";  // 3 bytes each
  std::string cleaned = clean_upload_name(long_name);
  EXPECT_LE(cleaned.size(), kMaxUploadNameBytes);
  EXPECT_EQ(cleaned.size() % 3, 0u);
  EXPECT_EQ(clean_upload_name(std::string(200, 'a')).size(), kMaxUploadNameBytes);
}

}  // namespace
}  // namespace motcua::core
