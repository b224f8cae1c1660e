#include "app/numbering.h"

#include <gtest/gtest.h>

#include "../fakes/fake_sequences.h"

namespace motcua::app {
namespace {

using namespace std::chrono_literals;
using testing::FakeSequences;

core::Agency ward() {
  core::Agency a;
  a.code = "H34.22.6";
  return a;
}

TEST(Numbering, CaseCodesFollowThePatternAndTheDailySequence) {
  FakeSequences sequences;
  sequences.set("H34.22.6-240426-{seq}", 1);
  EXPECT_EQ(allocate_case_code(sequences, ward(), 2024y / 4 / 26).value(), "H34.22.6-240426-0002");
  EXPECT_EQ(allocate_case_code(sequences, ward(), 2024y / 4 / 26).value(), "H34.22.6-240426-0003");
  EXPECT_EQ(allocate_case_code(sequences, ward(), 2024y / 4 / 27).value(), "H34.22.6-240427-0001");
}

TEST(Numbering, ACustomPatternNumbersInItsOwnScope) {
  FakeSequences sequences;
  core::Agency a = ward();
  a.case_code_pattern = "{agency}/{yyyy}/{seq:6}";
  EXPECT_EQ(allocate_case_code(sequences, a, 2024y / 4 / 26).value(), "H34.22.6/2024/000001");
  EXPECT_EQ(allocate_case_code(sequences, a, 2024y / 12 / 31).value(), "H34.22.6/2024/000002");
}

TEST(Numbering, BrokenPatternOrExhaustedDayIsAnError) {
  FakeSequences sequences;
  core::Agency a = ward();
  a.case_code_pattern = "{agency}-{seq:4}";
  EXPECT_EQ(allocate_case_code(sequences, a, 2024y / 4 / 26).error().kind,
            core::ErrorKind::kInvalidInput);
  sequences.set("H34.22.6-240426-{seq}", 9999);
  EXPECT_EQ(allocate_case_code(sequences, ward(), 2024y / 4 / 26).error().kind,
            core::ErrorKind::kOutOfRange);
}

TEST(Numbering, ReceiptNumbersHaveSevenDigitsPerSeries) {
  FakeSequences sequences;
  ReceiptNumber first = allocate_receipt_number(sequences, "AA-24E").value();
  EXPECT_EQ(first.value, 1);
  EXPECT_EQ(first.text, "0000001");
  EXPECT_EQ(allocate_receipt_number(sequences, "AA-24E").value().text, "0000002");
  EXPECT_EQ(allocate_receipt_number(sequences, "AB-24E").value().text, "0000001");
  sequences.set("receipt:AA-24E", kMaxReceiptNumber);
  EXPECT_EQ(allocate_receipt_number(sequences, "AA-24E").error().kind,
            core::ErrorKind::kOutOfRange);
  EXPECT_FALSE(allocate_receipt_number(sequences, "").ok());
}

}  // namespace
}  // namespace motcua::app
