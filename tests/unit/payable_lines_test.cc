#include "core/payable_lines.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

FeeLine line(std::int64_t id, std::int64_t amount, bool paid = false) {
  FeeLine l;
  l.id = id;
  l.name = "Phí " + std::to_string(id);
  l.amount = Money::dong(amount);
  l.unit_amount = l.amount;
  l.paid = paid;
  return l;
}

std::vector<std::int64_t> ids(const PayableLines& p) {
  std::vector<std::int64_t> out;
  for (const FeeLine& l : p.lines) out.push_back(l.id);
  return out;
}

TEST(PayableLines, DefaultIsEveryUnpaidLineWithAnAmount) {
  auto p = choose_payable_lines({line(1, 2000), line(2, 0), line(3, 1000, true), line(4, 500)}, {});
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(ids(*p), (std::vector<std::int64_t>{1, 4}));
  EXPECT_EQ(p->total, Money::dong(2500));
}

TEST(PayableLines, NothingDueIsAnEmptyChoice) {
  auto p = choose_payable_lines({line(1, 2000, true), line(2, 0)}, {});
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->lines.empty());
  EXPECT_EQ(p->total, Money{});
}

TEST(PayableLines, ChosenLinesKeepTheCaseOrder) {
  auto p = choose_payable_lines({line(1, 2000), line(2, 1000), line(3, 700)}, {3, 1});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(ids(*p), (std::vector<std::int64_t>{1, 3}));
  EXPECT_EQ(p->total, Money::dong(2700));
}

TEST(PayableLines, ChosenLineOfAnotherCaseIsRefused) {
  auto p = choose_payable_lines({line(1, 2000)}, {9});
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().kind, ErrorKind::kInvalidInput);
}

TEST(PayableLines, ChosenPaidLineIsAConflict) {
  auto p = choose_payable_lines({line(1, 2000, true), line(2, 1000)}, {1, 2});
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().kind, ErrorKind::kConflict);
}

TEST(PayableLines, ChosenTwiceOrFreeLineIsRefused) {
  EXPECT_EQ(choose_payable_lines({line(1, 2000)}, {1, 1}).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(choose_payable_lines({line(1, 0)}, {1}).error().kind, ErrorKind::kInvalidInput);
}

TEST(PayableLines, SumOverflowIsAnError) {
  auto p = choose_payable_lines({line(1, INT64_MAX), line(2, 1)}, {});
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().kind, ErrorKind::kOverflow);
}

}  // namespace
}  // namespace motcua::core
