#include "core/fee_line.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

// The guide's fee tab: 2.000 paid online, 1.000 unpaid.
std::vector<FeeLine> guide_lines() {
  FeeLine first{"Phí chứng thực bản sao từ bản chính",
                "Phí chứng thực bản sao từ bản chính",
                1,
                Money::dong(2000),
                Money::dong(2000),
                false,
                std::nullopt};
  FeeLine second{"Phí chứng thực bản sao từ bản chính từ trang thứ 3.",
                 "Phí chứng thực bản sao từ bản chính từ trang thứ 3.",
                 1,
                 Money::dong(1000),
                 Money::dong(1000),
                 false,
                 std::nullopt};
  return {first, second};
}

TEST(FeeLine, PartlyPaidLeavesTheRemainder) {
  auto lines = guide_lines();
  ASSERT_TRUE(mark_paid(lines[0], PaymentMethod::kPaymentPlatform).ok());
  PaymentSummary s = summarize(lines).value();
  EXPECT_EQ(s.total, Money::dong(3000));
  EXPECT_EQ(s.paid, Money::dong(2000));
  EXPECT_EQ(s.outstanding, Money::dong(1000));
  EXPECT_EQ(s.progress, PaymentProgress::kPartlyPaid);
  EXPECT_EQ(label_vi(*lines[0].method), "Trực tuyến qua CDVCQG (Payment Platform)");
}

TEST(FeeLine, NoFeeLineIsPaidTwice) {
  auto lines = guide_lines();
  ASSERT_TRUE(mark_paid(lines[0], PaymentMethod::kPaymentPlatform).ok());
  Status again = mark_paid(lines[0], PaymentMethod::kCash);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(lines[0].method, PaymentMethod::kPaymentPlatform);
}

TEST(FeeLine, ProgressLabels) {
  auto lines = guide_lines();
  EXPECT_EQ(summarize(lines).value().progress, PaymentProgress::kUnpaid);
  for (auto& line : lines) ASSERT_TRUE(mark_paid(line, PaymentMethod::kCash).ok());
  EXPECT_EQ(summarize(lines).value().progress, PaymentProgress::kPaid);
  EXPECT_EQ(summarize({}).value().progress, PaymentProgress::kNothingDue);
  EXPECT_EQ(label_vi(PaymentProgress::kUnpaid), "Chưa thanh toán");
  EXPECT_EQ(label_vi(PaymentProgress::kPaid), "Đã thanh toán");
}

}  // namespace
}  // namespace motcua::core
