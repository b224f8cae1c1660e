// app::json_string: whatever the bytes, the literal is valid JSON and says the same text.
#include <gtest/gtest.h>

#include "app/json_object.h"

namespace motcua::app {
namespace {

TEST(JsonString, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(json_string("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(json_string("x\ny\r\tz"), R"("x\ny\r\tz")");
  EXPECT_EQ(json_string(std::string_view("\x01\x1f\0", 3)), R"("\u0001\u001f\u0000")");
}

TEST(JsonString, KeepsVietnameseAsUtf8) {
  EXPECT_EQ(json_string("Võ Đặng Ngọc Giả"), "\"Võ Đặng Ngọc Giả\"");
  EXPECT_EQ(json_string("\xF0\x9F\x98\x80"), "\"\xF0\x9F\x98\x80\"");  // U+1F600, 4 bytes
}

TEST(JsonString, ReplacesEachByteThatIsNotUtf8) {
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(json_string("a\xFF"
                        "b"),
            "\"a" + replacement + "b\"");                     // never a UTF-8 byte
  EXPECT_EQ(json_string("\xC3"), "\"" + replacement + "\"");  // truncated sequence
  EXPECT_EQ(json_string("\xC0\xAF"), "\"" + replacement + replacement + "\"");  // overlong '/'
  EXPECT_EQ(json_string("\xED\xA0\x80"),  // a UTF-16 surrogate, not a character
            "\"" + replacement + replacement + replacement + "\"");
  EXPECT_EQ(json_string("\xF4\x90\x80\x80"),  // above U+10FFFF
            "\"" + replacement + replacement + replacement + replacement + "\"");
}

}  // namespace
}  // namespace motcua::app
