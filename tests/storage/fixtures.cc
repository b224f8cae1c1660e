#include "fixtures.h"

namespace motcua::testing {

using namespace std::chrono_literals;

std::chrono::sys_seconds guide_reception() {
  // 07:27:52 at UTC+7 is 00:27:52 UTC.
  return std::chrono::sys_days{2024y / 4 / 26} + 0h + 27min + 52s;
}

core::Agency ward_agency() {
  core::Agency a;
  a.code = "H34.22.6";
  a.name = "Bộ phận TN&TKQ phường Trần Hưng Đạo";
  a.valid_from = std::chrono::sys_days{2015y / 1 / 1};
  a.valid_until = std::chrono::sys_days{2025y / 6 / 30};
  a.successor_code = "H48";
  a.parent_code = "H34";
  a.tax_code = "6100123456";
  a.bank_bin = "970415";
  a.bank_account = "113366668888";
  a.receipt_form_symbol = "01BLP0-001";
  a.receipt_series = "AA-24E";
  return a;
}

core::CaseRecord guide_case() {
  core::CaseRecord c;
  c.code = "H34.22.6-240426-0002";
  c.procedure_code = "2.000815.000.00.00.H34";
  c.procedure_name = "Chứng thực bản sao từ bản chính giấy tờ, văn bản";
  c.receiving_agency_code = "H34.22.6";
  c.processing_agency_code = "H34.22.6";
  c.submitter = {"Võ Đặng Ngọc Giả", "062190008870", "Phường Trần Hưng Đạo, Kon Tum", "0886650748",
                 "gia@example.vn"};
  c.owner = c.submitter;
  c.channel = core::IntakeChannel::kCounter;
  c.result_delivery = core::ResultDelivery::kAtCounter;
  c.submitted_at = guide_reception();
  c.received_at = guide_reception();
  c.deadline_at = std::chrono::sys_days{2024y / 5 / 2} + 0h + 27min;
  c.appointment_at = std::chrono::sys_days{2024y / 5 / 4} + 0h + 27min;
  c.status = core::CaseStatus::kAccepted;
  c.fee_lines = {
      {"Phí chứng thực bản sao từ bản chính", "Phí chứng thực bản sao từ bản chính", 1,
       core::Money::dong(2000), core::Money::dong(2000)},
      {"Phí chứng thực bản sao từ bản chính từ trang thứ 3.",
       "Phí chứng thực bản sao từ bản chính từ trang thứ 3.", 1, core::Money::dong(1000),
       core::Money::dong(1000)},
  };
  return c;
}

}  // namespace motcua::testing
