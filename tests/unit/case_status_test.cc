#include "core/case_status.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

TEST(CaseStatus, LabelsAndNationalCodesFollowThePortal) {
  EXPECT_EQ(label_vi(CaseStatus::kNew), "Mới đăng ký");
  EXPECT_EQ(label_vi(CaseStatus::kAccepted), "Được tiếp nhận");
  EXPECT_EQ(label_vi(CaseStatus::kResultReturned), "Đã trả kết quả");
  EXPECT_EQ(label_vi(CaseStatus::kCancelled), "Đã hủy");
  for (int n = 1; n <= 10; ++n) {
    EXPECT_EQ(national_code(case_status_from_number(n).value()), n);
  }
  EXPECT_EQ(national_code(CaseStatus::kCancelled), std::nullopt);
  EXPECT_FALSE(case_status_from_number(0).ok());
  EXPECT_FALSE(case_status_from_number(12).ok());
}

TEST(CaseStatus, TheGuidesJourneyIsLegal) {
  CaseStatus s = CaseStatus::kNew;
  for (CaseStatus next : {CaseStatus::kAccepted, CaseStatus::kProcessing, CaseStatus::kProcessed,
                          CaseStatus::kResultReturned}) {
    Result<CaseStatus> r = transition_case(s, next, "");
    ASSERT_TRUE(r.ok()) << r.error().message;
    s = r.value();
  }
  EXPECT_TRUE(is_terminal(s));
}

TEST(CaseStatus, IllegalTransitionIsAnErrorValue) {
  Result<CaseStatus> r = transition_case(CaseStatus::kNew, CaseStatus::kResultReturned, "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kIllegalTransition);
  EXPECT_NE(r.error().message.find("Mới đăng ký"), std::string::npos);
  EXPECT_FALSE(transition_case(CaseStatus::kResultReturned, CaseStatus::kProcessing, "x").ok());
  EXPECT_FALSE(transition_case(CaseStatus::kCancelled, CaseStatus::kAccepted, "x").ok());
  EXPECT_FALSE(transition_case(CaseStatus::kAccepted, CaseStatus::kAccepted, "").ok());
}

TEST(CaseStatus, RefusalNeedsAReason) {
  Result<CaseStatus> r = transition_case(CaseStatus::kNew, CaseStatus::kRejected, "   ");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(transition_case(CaseStatus::kNew, CaseStatus::kRejected, "Thiếu giấy tờ").value(),
            CaseStatus::kRejected);
  EXPECT_FALSE(transition_case(CaseStatus::kProcessing, CaseStatus::kSupplementRequested, "").ok());
  EXPECT_FALSE(transition_case(CaseStatus::kAccepted, CaseStatus::kCancelled, "").ok());
}

TEST(CaseStatus, TerminalStatesHaveNoWayOut) {
  for (CaseStatus s : {CaseStatus::kRejected, CaseStatus::kWithdrawalRequested,
                       CaseStatus::kStopped, CaseStatus::kResultReturned, CaseStatus::kCancelled}) {
    EXPECT_TRUE(is_terminal(s)) << label_vi(s);
  }
  EXPECT_FALSE(is_terminal(CaseStatus::kFinancialObligation));
}

TEST(CaseStatus, TableHasNoDuplicatesOrSelfLoops) {
  const auto& table = case_transition_table();
  for (size_t i = 0; i < table.size(); ++i) {
    EXPECT_NE(table[i].from, table[i].to);
    for (size_t j = i + 1; j < table.size(); ++j) {
      EXPECT_FALSE(table[i].from == table[j].from && table[i].to == table[j].to);
    }
  }
}

}  // namespace
}  // namespace motcua::core
