// "BIÊN LAI THU PHÍ, LỆ PHÍ" on A5 portrait: the collecting unit and the receipt's form symbol,
// series and number; the payer, the case and its procedure; the fee lines and the total in
// figures and in words; how and when it was paid; the unit's electronic signature block and
// the QR code of the receipt's public verification page.
#include <algorithm>
#include <mutex>
#include <string>
#include <vector>

#include "adapters/documents/cairo_printed_documents.h"
#include "adapters/documents/pdf_canvas.h"
#include "core/civil_time.h"
#include "core/money.h"

namespace motcua::adapters::documents {
namespace {

constexpr double kA5Width = 148 * kMillimetre;
constexpr double kA5Height = 210 * kMillimetre;
constexpr double kMargin = 12 * kMillimetre;
constexpr double kQrSide = 28 * kMillimetre;  // the symbol; with its quiet zone about 33 mm

constexpr TextStyle kBody{.size = 10};
constexpr TextStyle kBold{.size = 10, .bold = true};

std::string shown_at(std::chrono::sys_seconds at) {
  return core::format_display_date_time(core::to_vietnam_local(at));
}

// "Label: value" as one wrapped paragraph across the page.
void field(PdfCanvas& pdf, const std::string& label, const std::string& value) {
  pdf.paragraph(label + ": " + value, pdf.left(), pdf.content_width(), kBody);
  pdf.space(2);
}

void header(PdfCanvas& pdf, const app::ReceiptView& r) {
  double top = pdf.y();
  double left_width = pdf.content_width() * 0.64;
  double right_x = pdf.left() + left_width + 6;
  double right_width = pdf.content_width() - left_width - 6;
  double y = top;
  y += pdf.text_at(r.unit_name, pdf.left(), y, left_width, {.size = 10, .bold = true});
  y += pdf.text_at("Mã số thuế: " + r.unit_tax_code, pdf.left(), y, left_width, kBody);
  double right = top;
  right += pdf.text_at("Mẫu số: " + r.form_symbol, right_x, right, right_width, kBody);
  right += pdf.text_at("Ký hiệu: " + r.series, right_x, right, right_width, kBody);
  right += pdf.text_at("Số: " + r.number, right_x, right, right_width, kBold);
  pdf.set_y(std::max(y, right));
}

void fee_table(PdfCanvas& pdf, const app::ReceiptView& r) {
  double width = pdf.content_width();
  std::vector<double> columns{width * 0.1, width * 0.6, width * 0.3};
  TextStyle center{.size = 10, .align = Align::kCenter};
  TextStyle right{.size = 10, .align = Align::kRight};
  pdf.row(pdf.left(), columns,
          {{"STT", {.size = 10, .bold = true, .align = Align::kCenter}},
           {"Tên loại phí, lệ phí", {.size = 10, .bold = true, .align = Align::kCenter}},
           {"Số tiền", {.size = 10, .bold = true, .align = Align::kCenter}}});
  int number = 0;
  for (const app::ReceiptLine& line : r.lines) {
    pdf.row(pdf.left(), columns,
            {{std::to_string(++number), center},
             {line.name, kBody},
             {core::format_vnd(line.amount), right}});
  }
  pdf.row(pdf.left(), {columns[0] + columns[1], columns[2]},
          {{"Tổng cộng", {.size = 10, .bold = true, .align = Align::kRight}},
           {core::format_vnd(r.amount), {.size = 10, .bold = true, .align = Align::kRight}}});
}

// The QR code of the verification page on the left, the unit's signature on the right.
void signature(PdfCanvas& pdf, const app::ReceiptView& r, const std::string& verification_url) {
  pdf.keep(kQrSide * 1.2 + 40);
  double top = pdf.y();
  double bottom = top;
  double column = pdf.content_width() * 0.42;
  if (!verification_url.empty()) {
    double quiet = kQrSide * 0.1;  // about the 4-module quiet zone of a 40-module symbol
    double outer =
        pdf.qr_code(verification_url, pdf.left() + (column - kQrSide) / 2 - quiet, top, kQrSide);
    double y = top + outer;
    y += pdf.text_at("Quét mã để xác minh biên lai", pdf.left(), y, column,
                     {.size = 8, .sans = true, .align = Align::kCenter});
    y += pdf.text_at(verification_url, pdf.left(), y, column,
                     {.size = 6, .sans = true, .align = Align::kCenter});
    bottom = y;
  }
  double x = pdf.left() + column;
  double width = pdf.content_width() - column;
  TextStyle center{.size = 9.5, .align = Align::kCenter};
  double y = top + 6;
  y +=
      pdf.text_at("ĐƠN VỊ THU", x, y, width, {.size = 10.5, .bold = true, .align = Align::kCenter});
  y += pdf.text_at("(Ký điện tử)", x, y, width,
                   {.size = 9.5, .italic = true, .align = Align::kCenter});
  y += 6;
  y += pdf.text_at("Ký bởi: " + r.unit_name, x, y, width, center);
  y += pdf.text_at("Ngày ký: " + shown_at(r.issued_at), x, y, width, center);
  pdf.set_y(std::max(bottom, y));
}

}  // namespace

core::Result<std::string> CairoPrintedDocuments::receipt_pdf(
    const app::ReceiptDocument& document) const {
  const app::ReceiptView& r = document.receipt;
  if (r.lines.empty()) return core::invalid_input("a receipt has at least one fee line");
  std::unique_lock<std::mutex> lock = fonts_->lock();
  PdfCanvas pdf(*fonts_, kA5Width, kA5Height, kMargin);
  pdf.set_metadata("Biên lai " + r.series + " " + r.number, r.issued_at);
  header(pdf, r);
  pdf.space(12);
  pdf.paragraph("BIÊN LAI THU PHÍ, LỆ PHÍ", pdf.left(), pdf.content_width(),
                {.size = 14, .bold = true, .align = Align::kCenter});
  pdf.paragraph("(Bản thể hiện của biên lai điện tử)", pdf.left(), pdf.content_width(),
                {.size = 9, .italic = true, .align = Align::kCenter});
  pdf.space(10);
  field(pdf, "Người nộp tiền", r.payer_name);
  field(pdf, "CCCD/MST", r.payer_id_number);
  if (!r.payer_address.empty()) field(pdf, "Địa chỉ", r.payer_address);
  field(pdf, "Mã số hồ sơ", r.case_code);
  field(pdf, "Thủ tục", r.procedure_name);
  pdf.space(4);
  fee_table(pdf, r);
  pdf.space(6);
  field(pdf, "Số tiền viết bằng chữ", r.amount_in_words);
  field(pdf, "Hình thức thanh toán", r.method_label);
  if (!r.provider_transaction_id.empty()) field(pdf, "Mã giao dịch", r.provider_transaction_id);
  if (!r.reference.empty()) field(pdf, "Mã yêu cầu thanh toán", r.reference);
  field(pdf, "Ngày thu", shown_at(r.issued_at));
  pdf.space(10);
  signature(pdf, r, document.verification_url);
  return pdf.finish();
}

}  // namespace motcua::adapters::documents
