// When "Quản lý hồ sơ" offers "Thanh toán" (app::citizen_may_pay).
#include <gtest/gtest.h>

#include "app/citizen_cases.h"

namespace motcua::app {
namespace {

core::PaymentSummary due(std::int64_t outstanding) {
  core::PaymentSummary s;
  s.total = core::Money::dong(3000);
  s.outstanding = core::Money::dong(outstanding);
  s.paid = core::Money::dong(3000 - outstanding);
  return s;
}

TEST(CitizenMayPay, UpFrontFeesArePayableAsSoonAsSubmitted) {
  EXPECT_TRUE(citizen_may_pay(core::CaseStatus::kNew, due(1000), true));
}

TEST(CitizenMayPay, OtherFeesWaitUntilTheCaseIsTakenIn) {
  EXPECT_FALSE(citizen_may_pay(core::CaseStatus::kNew, due(1000), false));
  EXPECT_TRUE(citizen_may_pay(core::CaseStatus::kAccepted, due(1000), false));
  EXPECT_TRUE(citizen_may_pay(core::CaseStatus::kFinancialObligation, due(1000), false));
}

TEST(CitizenMayPay, NothingDueMeansNothingToPay) {
  EXPECT_FALSE(citizen_may_pay(core::CaseStatus::kAccepted, due(0), true));
}

TEST(CitizenMayPay, CancelledAndRefusedCasesAreNeverPaid) {
  for (bool up_front : {true, false}) {
    EXPECT_FALSE(citizen_may_pay(core::CaseStatus::kCancelled, due(1000), up_front));
    EXPECT_FALSE(citizen_may_pay(core::CaseStatus::kRejected, due(1000), up_front));
  }
}

}  // namespace
}  // namespace motcua::app
