#include "core/receipt_number.h"

#include <gtest/gtest.h>

#include "core/payment_reference.h"

namespace motcua::core {
namespace {

TEST(ReceiptNumber, IsSevenDigitsZeroPadded) {
  EXPECT_EQ(format_receipt_number(1).value(), "0000001");
  EXPECT_EQ(format_receipt_number(1234).value(), "0001234");
  EXPECT_EQ(format_receipt_number(9'999'999).value(), "9999999");
}

TEST(ReceiptNumber, OutsideOneToNineMillionIsRefused) {
  EXPECT_EQ(format_receipt_number(0).error().kind, ErrorKind::kOutOfRange);
  EXPECT_EQ(format_receipt_number(-5).error().kind, ErrorKind::kOutOfRange);
  EXPECT_EQ(format_receipt_number(10'000'000).error().kind, ErrorKind::kOutOfRange);
}

TEST(PaymentReference, IsPrAndAtLeastSixDigits) {
  EXPECT_EQ(format_payment_reference(123).value(), "PR-000123");
  EXPECT_EQ(format_payment_reference(1'234'567).value(), "PR-1234567");
  EXPECT_EQ(format_payment_reference(0).error().kind, ErrorKind::kOutOfRange);
}

}  // namespace
}  // namespace motcua::core
