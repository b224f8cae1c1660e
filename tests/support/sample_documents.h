#pragma once
// The guide's case as printed documents (the integration tests and bench/documents_bench.cc):
// Võ Đặng Ngọc Giả's copy certification at the ward H34.22.6, 2.000 + 1.000 VND, receipt
// AA-24E 0000001 issued, and the case received, at 07:27:52 on 26/04/2024 Vietnam time.
#include <chrono>
#include <string>

#include "app/printed_documents.h"

namespace motcua::testing {

inline std::chrono::sys_seconds sample_document_time() {
  using namespace std::chrono_literals;
  return std::chrono::sys_days{std::chrono::year{2024} / 4 / 26} + 27min + 52s;  // 07:27:52
}

inline app::ReceiptDocument sample_receipt(const std::string& verification_url) {
  app::ReceiptView r;
  r.id = 1;
  r.form_symbol = "01BLP0-001";
  r.series = "AA-24E";
  r.number = "0000001";
  r.unit_name = "Bộ phận TN&TKQ phường Trần Hưng Đạo";
  r.unit_tax_code = "6100123456";
  r.payer_name = "Võ Đặng Ngọc Giả";
  r.payer_id_number = "062190018870";
  r.payer_address = "Tổ 3, phường Trần Hưng Đạo, thành phố Kon Tum";
  r.case_code = "H34.22.6-240426-0002";
  r.procedure_name = "Thủ tục chứng thực bản sao từ bản chính";
  r.lines = {{"Lệ phí chứng thực bản sao (trang 1-2)", core::Money::dong(2000)},
             {"Lệ phí chứng thực bản sao (trang 3)", core::Money::dong(1000)}};
  r.amount = core::Money::dong(3000);
  r.amount_in_words = "Ba nghìn đồng";
  r.issued_at = sample_document_time();
  r.method_label = "Trực tuyến qua CDVCQG (Payment Platform)";
  r.reference = "PR-000001";
  r.provider_transaction_id = "TX-PR-000001";
  return {r, verification_url};
}

inline app::IntakeSlipDocument sample_slip(const std::string& payment_url) {
  app::IntakeSlipDocument d;
  d.parent_name = "TỈNH KON TUM";
  d.unit_name = "Bộ phận TN&TKQ phường Trần Hưng Đạo";
  d.case_code = "H34.22.6-240426-0002";
  d.place_date = "Kon Tum, ngày 26 tháng 4 năm 2024";
  d.submitter = "Võ Đặng Ngọc Giả";
  d.id_number = "062190018870";
  d.address = "Tổ 3, phường Trần Hưng Đạo, thành phố Kon Tum";
  d.phone = "0905123456";
  d.procedure = "Thủ tục chứng thực bản sao từ bản chính (2.000815.000.00.00.H34)";
  d.legal_days = "1";
  d.deadline_time = "07 giờ 27 phút, ngày 29 tháng 4 năm 2024";
  d.received_time = "07 giờ 27 phút, ngày 26 tháng 4 năm 2024";
  d.return_time = "07 giờ 27 phút, ngày 29 tháng 4 năm 2024";
  d.pickup = "Trực tiếp tại Bộ phận Một cửa — Bộ phận TN&TKQ phường Trần Hưng Đạo";
  d.officer_name = "Cán bộ phường";
  d.fee_lines = {
      {"Lệ phí chứng thực bản sao", 3, core::Money::dong(1000), core::Money::dong(3000)}};
  d.total = core::Money::dong(3000);
  d.total_in_words = "Ba nghìn đồng";
  d.payment_url = payment_url;
  d.outstanding = core::Money::dong(3000);
  d.reception_at = sample_document_time();
  return d;
}

}  // namespace motcua::testing
