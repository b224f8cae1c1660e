// Times on the payment platform's wire (src/adapters/payment/platform_time.h).
#include "adapters/payment/platform_time.h"

#include <gtest/gtest.h>

namespace motcua::adapters::payment {
namespace {

constexpr std::int64_t kReceived = 1714091272;  // 2024-04-26T07:27:52+07:00

TEST(PlatformTime, WritesVietnamOffsetAndReadsAnyOffset) {
  EXPECT_EQ(format_rfc3339_vietnam(kReceived), "2024-04-26T07:27:52+07:00");
  EXPECT_EQ(parse_rfc3339("2024-04-26T07:27:52+07:00").value(), kReceived);
  EXPECT_EQ(parse_rfc3339("2024-04-26T00:27:52Z").value(), kReceived);
  EXPECT_EQ(parse_rfc3339("2024-04-26T00:27:52.250Z").value(), kReceived);
  EXPECT_EQ(parse_rfc3339("2024-04-25T19:27:52-05:00").value(), kReceived);
  for (const char* bad : {"2024-04-26 07:27:52+07:00", "2024-04-26T07:27:52",
                          "2024-02-30T00:00:00Z", "2024-04-26T07:27:52+7:00", ""}) {
    EXPECT_FALSE(parse_rfc3339(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace motcua::adapters::payment
