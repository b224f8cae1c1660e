// The daily reconciliation file (src/adapters/payment/reconciliation_file.h).
#include "adapters/payment/reconciliation_file.h"

#include <gtest/gtest.h>

namespace motcua::adapters::payment {
namespace {

using core::Money;
using core::PaymentState;

TEST(ReconciliationFile, WritesRowsAndATrailerOfSucceededAmounts) {
  std::vector<ReconciliationRow> rows{
      {"PP24042600001", "PR-1", PaymentState::kSucceeded, Money::dong(3000), 1714091272, "MOMO",
       "SBX-1"},
      {"PP24042600002", "PR-2,\"x\"", PaymentState::kFailed, Money::dong(2000), 0, "970436", ""},
      {"PP24042600003", "PR-3", PaymentState::kSucceeded, Money::dong(1000), 1714091300, "970415",
       "SBX-3"}};
  std::string csv = encode_reconciliation_csv(rows);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "transaction_id,client_transaction_id,status,amount,currency,paid_at,channel_code,"
            "provider_reference");
  EXPECT_NE(
      csv.find("PP24042600001,PR-1,succeeded,3000,VND,2024-04-26T07:27:52+07:00,MOMO,SBX-1\n"),
      std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\"PR-2,\"\"x\"\"\""), std::string::npos) << csv;
  EXPECT_TRUE(csv.ends_with("#TOTAL,3,4000\n")) << csv;
  auto back = decode_reconciliation_csv(csv);
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->rows.size(), 3u);
  EXPECT_EQ(back->rows[1].reference, "PR-2,\"x\"");
  EXPECT_EQ(back->rows[0].paid_at, 1714091272);
  EXPECT_EQ(back->succeeded_total, Money::dong(4000));
}

TEST(ReconciliationFile, RefusesAMissingOrWrongTrailer) {
  std::string csv = encode_reconciliation_csv(
      {{"PP1", "PR-1", PaymentState::kSucceeded, Money::dong(3000), 1714091272, "MOMO", "S"}});
  EXPECT_TRUE(decode_reconciliation_csv(csv).ok());
  std::string wrong = csv;
  wrong.replace(wrong.find("#TOTAL,1,3000"), 13, "#TOTAL,1,2999");
  EXPECT_FALSE(decode_reconciliation_csv(wrong).ok());
  EXPECT_FALSE(decode_reconciliation_csv(csv.substr(0, csv.find("#TOTAL"))).ok());
  EXPECT_TRUE(decode_reconciliation_csv(encode_reconciliation_csv({})).ok());
}

}  // namespace
}  // namespace motcua::adapters::payment
