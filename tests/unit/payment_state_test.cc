#include "core/payment_state.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

using P = PaymentState;

TEST(PaymentState, NormalSuccess) {
  EXPECT_EQ(transition_payment(P::kCreated, P::kPending).value(), P::kPending);
  EXPECT_EQ(transition_payment(P::kPending, P::kSucceeded).value(), P::kSucceeded);
}

TEST(PaymentState, LateConfirmationAfterExpiryIsRecorded) {
  EXPECT_EQ(transition_payment(P::kExpired, P::kSucceeded).value(), P::kSucceeded);
  EXPECT_EQ(transition_payment(P::kFailed, P::kSucceeded).value(), P::kSucceeded);
  EXPECT_EQ(transition_payment(P::kCancelled, P::kSucceeded).value(), P::kSucceeded);
}

TEST(PaymentState, SuccessIsFinalExceptForRefund) {
  for (P to : {P::kCreated, P::kPending, P::kFailed, P::kCancelled, P::kExpired}) {
    Result<P> r = transition_payment(P::kSucceeded, to);
    ASSERT_FALSE(r.ok()) << to_string(to);
    EXPECT_EQ(r.error().kind, ErrorKind::kIllegalTransition);
  }
  EXPECT_EQ(transition_payment(P::kSucceeded, P::kRefunded).value(), P::kRefunded);
  EXPECT_FALSE(transition_payment(P::kRefunded, P::kSucceeded).ok());
  EXPECT_FALSE(transition_payment(P::kPending, P::kRefunded).ok());
}

TEST(PaymentState, RepeatingAStateIsNotATransition) {
  EXPECT_FALSE(transition_payment(P::kSucceeded, P::kSucceeded).ok());
  EXPECT_FALSE(transition_payment(P::kPending, P::kPending).ok());
}

TEST(PaymentState, VietnameseLabels) {
  EXPECT_EQ(label_vi(P::kPending), "Đang chờ thanh toán");
  EXPECT_EQ(label_vi(P::kSucceeded), "Thanh toán thành công");
}

}  // namespace
}  // namespace motcua::core
