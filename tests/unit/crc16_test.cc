#include "core/crc16.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

TEST(Crc16, MatchesTheStandardCheckValue) { EXPECT_EQ(crc16_ccitt_false("123456789"), 0x29B1); }

TEST(Crc16, EmptyInputIsTheInitialValue) { EXPECT_EQ(crc16_ccitt_false(""), 0xFFFF); }

TEST(Crc16, CoversTheVietQrCrcTagItself) {
  // NAPAS spec 6.1.2: the checksum runs over everything up to and including "6304".
  EXPECT_EQ(crc16_ccitt_false("00020101021138600010A00000072701300006970403011697040311012345670208"
                              "QRIBFTTC53037045802VN6304"),
            0x4F52);
}

}  // namespace
}  // namespace motcua::core
