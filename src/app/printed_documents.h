#pragma once
// Port: the printed documents of a case as PDF files (issue 7), so that the web adapter does
// not depend on the PDF adapter (adapters/documents: cairo + pango).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/online_payment.h"
#include "core/money.h"
#include "core/result.h"

namespace motcua::app {

// A receipt as printed: what was issued, and where its QR code leads. For the public copy the
// caller passes a view whose ID number is already masked and whose address is cleared, as the
// public HTML receipt shows it.
struct ReceiptDocument {
  ReceiptView receipt;
  std::string verification_url;  // the QR's content; empty: no QR is printed
};

// One fee line of the intake slip.
struct SlipFeeLine {
  std::string name;
  std::int64_t quantity = 1;
  core::Money unit_amount;
  core::Money amount;
};

// "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", the fields of Mẫu 01 (Thông tư 01/2018/TT-VPCP).
// Dates and times come formatted as the slip prints them (the web layer formats them for its
// HTML slip too); `reception_at` dates the PDF itself, so one case always prints the same file.
struct IntakeSlipDocument {
  std::string parent_name;  // the unit's parent agency, upper case ("TỈNH KON TUM"); may be empty
  std::string unit_name;  // the receiving unit ("Bộ phận TN&TKQ phường Trần Hưng Đạo")
  std::string case_code;  // "H34.22.6-240426-0002"; the slip's number is "<code>/BPTNTKQ"
  std::string place_date;  // "Kon Tum, ngày 26 tháng 4 năm 2024"
  std::string submitter;
  std::string id_number;
  std::string owner;  // the case's owner when not the submitter ("Tên (số giấy tờ)"); or empty
  std::string address;
  std::string phone;
  std::string email;
  std::string procedure;  // the request: "Thủ tục ... (2.000815.000.00.00.H34)"
  // "Thành phần hồ sơ": the documents received, one per row; empty: blank rows the receiving
  // officer fills in by hand (the case does not record its documents).
  std::vector<std::string> documents;
  int sets = 1;               // "Số lượng hồ sơ: 01 (bộ)"
  std::string legal_days;     // "5" working days, or dots when the procedure is unknown
  std::string deadline_time;  // "07 giờ 00 phút, ngày 03 tháng 5 năm 2024"
  std::string received_time;  // "Thời gian nhận hồ sơ"
  std::string return_time;  // "Thời gian trả kết quả giải quyết hồ sơ" (the appointment)
  std::string pickup;       // "Đăng ký nhận kết quả tại"
  std::string officer_name;  // the receiving officer, under their signature
  std::vector<SlipFeeLine> fee_lines;
  core::Money total;
  std::string total_in_words;  // "Ba nghìn đồng"; may be empty
  std::string payment_url;     // the case's pay link for the QR; empty when nothing is due
  core::Money outstanding;     // printed beside the QR
  std::chrono::sys_seconds reception_at{};  // the PDF's creation date
};

class PrintedDocuments {
 public:
  virtual ~PrintedDocuments();
  // The receipt as a PDF (A5 portrait). kInvalidInput for text that is not UTF-8 or a row that
  // cannot fit on a page; long text wraps and continues on further pages. The same document
  // always gives the same bytes.
  virtual core::Result<std::string> receipt_pdf(const ReceiptDocument& document) const = 0;
  // The intake slip as a PDF (A4 portrait), with the payment QR when `payment_url` is set.
  // Errors and determinism as receipt_pdf.
  virtual core::Result<std::string> intake_slip_pdf(const IntakeSlipDocument& document) const = 0;
};

}  // namespace motcua::app
