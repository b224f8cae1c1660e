#include "adapters/web/i18n.h"

#include <gtest/gtest.h>

namespace motcua::adapters::web {
namespace {

TEST(I18n, EveryKeyIsTranslatedOnceInBothLanguages) { EXPECT_EQ(translation_problems(), ""); }

TEST(I18n, VietnameseIsTheDefaultAndEnglishIsSelectable) {
  EXPECT_EQ(text(Language::kVietnamese, "menu_intake"), "Tiếp nhận hồ sơ");
  EXPECT_EQ(text(Language::kEnglish, "menu_intake"), "Take in a case");
}

TEST(I18n, AnUnknownKeyShowsItself) {
  EXPECT_EQ(text(Language::kVietnamese, "no_such"), "no_such");
}

}  // namespace
}  // namespace motcua::adapters::web
