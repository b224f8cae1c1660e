// The pure parts of the public catalogue and the public case lookup.
#include <gtest/gtest.h>

#include "app/public_case_status.h"
#include "app/public_catalogue.h"

namespace motcua::app {
namespace {

TEST(PublicCaseStatus, LastFourDigitsOfTheIdNumberMatch) {
  EXPECT_TRUE(id_ends_with("062190008870", "8870"));
  EXPECT_FALSE(id_ends_with("062190008870", "8871"));
  EXPECT_FALSE(id_ends_with("062190008870", "0887"));
  // A branch tax code: its hyphen is not a digit.
  EXPECT_TRUE(id_ends_with("0101234567-001", "7001"));
  EXPECT_TRUE(id_ends_with("0101234567 001", "7001"));
  EXPECT_FALSE(id_ends_with("123", "0123")) << "fewer than 4 digits never match";
  EXPECT_FALSE(id_ends_with("062190008870", "870")) << "exactly 4 digits are compared";
  EXPECT_FALSE(id_ends_with("", "0000"));
}

TEST(PublicCatalogue, LevelsLoseTheirDetailOnceEach) {
  EXPECT_EQ(main_levels({"Tỉnh (Công an tỉnh)", "Tỉnh (Sở Tài chính - Phòng Đăng ký kinh doanh)",
                         "Xã", "Xã (Công an cấp xã)", "Tỉnh"}),
            (std::vector<std::string>{"Tỉnh", "Xã"}));
  EXPECT_TRUE(main_levels({""}).empty());
}

}  // namespace
}  // namespace motcua::app
