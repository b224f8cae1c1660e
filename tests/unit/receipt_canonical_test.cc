#include "core/receipt_canonical.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "core/receipt_state.h"

namespace motcua::core {
namespace {

ReceiptContent sample() {
  ReceiptContent c;
  c.form_symbol = "01BLP0-001";
  c.series = "AA-24E";
  c.number = 12;
  c.unit_name = "Văn phòng Đăng ký đất đai";
  c.unit_tax_code = "6100123456";
  c.payer_name = "Võ Đặng Ngọc Giả";
  c.payer_id_number = "062084000123";
  c.payer_address = "Phường Quyết Thắng, Kon Tum";
  c.case_code = "H34.22.6-240426-0001";
  c.procedure_name = "Đăng ký biến động";
  c.lines = {{"Lệ phí cấp giấy", 2000}, {"Phí thẩm định", 1000}};
  c.total = 3000;
  c.amount_in_words = "Ba nghìn đồng";
  c.issued_at = 1714091272;
  c.method = "Trực tuyến qua CDVCQG (Payment Platform)";
  c.provider_transaction_id = "PP-000123";
  return c;
}

TEST(ReceiptCanonical, IsDeterministicAndDocumented) {
  EXPECT_EQ(canonical_receipt(sample()), canonical_receipt(sample()));
  EXPECT_EQ(canonical_receipt(sample()),
            "motcua-receipt-v1\n"
            "form_symbol=01BLP0-001\n"
            "series=AA-24E\n"
            "number=12\n"
            "unit_name=Văn phòng Đăng ký đất đai\n"
            "unit_tax_code=6100123456\n"
            "payer_name=Võ Đặng Ngọc Giả\n"
            "payer_id_number=062084000123\n"
            "payer_address=Phường Quyết Thắng, Kon Tum\n"
            "case_code=H34.22.6-240426-0001\n"
            "procedure_name=Đăng ký biến động\n"
            "line_count=2\n"
            "line_name=Lệ phí cấp giấy\n"
            "line_amount=2000\n"
            "line_name=Phí thẩm định\n"
            "line_amount=1000\n"
            "total=3000\n"
            "amount_in_words=Ba nghìn đồng\n"
            "issued_at=1714091272\n"
            "method=Trực tuyến qua CDVCQG (Payment Platform)\n"
            "provider_transaction_id=PP-000123\n"
            "replaces=\n");
}

TEST(ReceiptCanonical, EveryFieldChangeChangesIt) {
  const std::string base = canonical_receipt(sample());
  std::vector<std::pair<std::string, std::function<void(ReceiptContent&)>>> changes = {
      {"form_symbol", [](ReceiptContent& c) { c.form_symbol = "01BLP0-002"; }},
      {"series", [](ReceiptContent& c) { c.series = "AA-24F"; }},
      {"number", [](ReceiptContent& c) { c.number = 13; }},
      {"unit_name", [](ReceiptContent& c) { c.unit_name += "."; }},
      {"unit_tax_code", [](ReceiptContent& c) { c.unit_tax_code = "6100123457"; }},
      {"payer_name", [](ReceiptContent& c) { c.payer_name = "Võ Đặng Ngọc Gia"; }},
      {"payer_id_number", [](ReceiptContent& c) { c.payer_id_number = "062084000124"; }},
      {"payer_address", [](ReceiptContent& c) { c.payer_address = ""; }},
      {"case_code", [](ReceiptContent& c) { c.case_code = "H34.22.6-240426-0002"; }},
      {"procedure_name", [](ReceiptContent& c) { c.procedure_name = "Khác"; }},
      {"line name", [](ReceiptContent& c) { c.lines[0].name = "Lệ phí"; }},
      {"line amount", [](ReceiptContent& c) { c.lines[1].amount = 1001; }},
      {"line order", [](ReceiptContent& c) { std::swap(c.lines[0], c.lines[1]); }},
      {"line removed", [](ReceiptContent& c) { c.lines.pop_back(); }},
      {"total", [](ReceiptContent& c) { c.total = 3001; }},
      {"amount_in_words", [](ReceiptContent& c) { c.amount_in_words = "Ba nghìn"; }},
      {"issued_at", [](ReceiptContent& c) { c.issued_at += 1; }},
      {"method", [](ReceiptContent& c) { c.method = "Tiền mặt"; }},
      {"provider_transaction_id", [](ReceiptContent& c) { c.provider_transaction_id = "x"; }},
      {"replaces", [](ReceiptContent& c) { c.replaces_receipt_id = 7; }},
  };
  for (const auto& [name, change] : changes) {
    ReceiptContent c = sample();
    change(c);
    EXPECT_NE(canonical_receipt(c), base) << name;
  }
}

TEST(ReceiptCanonical, NoValueCanForgeALine) {
  ReceiptContent a = sample();
  a.payer_name = "A\ntotal=1";
  ReceiptContent b = sample();
  b.payer_name = "A";
  std::string text = canonical_receipt(a);
  EXPECT_NE(text.find("payer_name=A\\ntotal=1\n"), std::string::npos);
  EXPECT_NE(text, canonical_receipt(b));
  ReceiptContent c = sample();
  c.payer_name = "A\\n";
  EXPECT_NE(canonical_receipt(c), text);  // a backslash is escaped too
}

TEST(ReceiptState, LabelsAndStoredValues) {
  EXPECT_EQ(label_vi(ReceiptState::kIssued), "Đã phát hành");
  EXPECT_EQ(label_vi(ReceiptState::kCancelled), "Đã hủy");
  EXPECT_EQ(label_vi(ReceiptState::kReplaced), "Đã bị thay thế");
  EXPECT_EQ(receipt_state_from(2), ReceiptState::kReplaced);
  EXPECT_EQ(receipt_state_from(3), std::nullopt);
  EXPECT_EQ(to_string(ReceiptState::kCancelled), "cancelled");
}

}  // namespace
}  // namespace motcua::core
