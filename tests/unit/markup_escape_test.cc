#include "core/markup_escape.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

TEST(MarkupEscape, EscapesEveryCharacterThatCanBreakOutOfTextOrAttributes) {
  EXPECT_EQ(escape_markup("<a href=\"x\" onclick='y'>`&`</a>"),
            "&lt;a href&#61;&quot;x&quot; onclick&#61;&#39;y&#39;&gt;&#96;&amp;&#96;&lt;/a&gt;");
  EXPECT_EQ(escape_markup("Võ Đặng Ngọc Giả"), "Võ Đặng Ngọc Giả");
  EXPECT_EQ(escape_markup(""), "");
}

}  // namespace
}  // namespace motcua::core
