// "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" on A4, laid out after Mẫu 01 of Thông tư
// 01/2018/TT-VPCP: the receiving unit and the national header, "Số: <code>/BPTNTKQ", place and
// date, the submitter, the request, the numbered items (documents, sets, legal time, reception,
// appointment, where to receive the result), the fees, and both signatures. While something is
// due it carries the case's payment QR, so the citizen can pay later by scanning the paper.
#include <algorithm>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "adapters/documents/cairo_printed_documents.h"
#include "adapters/documents/pdf_canvas.h"
#include "core/money.h"
#include "core/vietnamese_text.h"

namespace motcua::adapters::documents {
namespace {

constexpr double kA4Width = 210 * kMillimetre;
constexpr double kA4Height = 297 * kMillimetre;
constexpr double kMargin = 15 * kMillimetre;
constexpr double kQrSide = 28 * kMillimetre;  // the symbol; with its quiet zone about 33 mm
constexpr double kSize = 10.5;

constexpr TextStyle kBody{.size = kSize};
constexpr TextStyle kCenterBold{.size = kSize, .bold = true, .align = Align::kCenter};

std::string upper(const std::string& text) {
  core::Result<std::string> up = core::to_upper(text);
  return up.ok() ? *up : text;
}

void line(PdfCanvas& pdf, const std::string& text, const TextStyle& style = kBody) {
  pdf.paragraph(text, pdf.left(), pdf.content_width(), style);
  pdf.space(1.5);
}

// The unit on the left, the national header on the right, each with a short rule under it.
void header(PdfCanvas& pdf, const app::IntakeSlipDocument& d) {
  double top = pdf.y();
  double left_width = pdf.content_width() * 0.42;
  double right_x = pdf.left() + left_width;
  double right_width = pdf.content_width() - left_width;
  TextStyle center{.size = kSize, .align = Align::kCenter};
  double y = top;
  if (!d.parent_name.empty()) y += pdf.text_at(d.parent_name, pdf.left(), y, left_width, center);
  y += pdf.text_at(upper(d.unit_name), pdf.left(), y, left_width, kCenterBold);
  pdf.set_y(y + 1.5);
  pdf.rule(pdf.left() + left_width * 0.35, pdf.left() + left_width * 0.65);
  y += 5;
  y += pdf.text_at("Số: " + d.case_code + "/BPTNTKQ", pdf.left(), y, left_width, center);

  double right = top;
  right +=
      pdf.text_at("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right_x, right, right_width, kCenterBold);
  right += pdf.text_at("Độc lập - Tự do - Hạnh phúc", right_x, right, right_width,
                       {.size = 13, .bold = true, .align = Align::kCenter});
  pdf.set_y(right + 1.5);
  pdf.rule(right_x + right_width * 0.25, right_x + right_width * 0.75);
  right += 5;
  right += pdf.text_at(d.place_date, right_x, right, right_width,
                       {.size = kSize, .italic = true, .align = Align::kCenter});
  pdf.set_y(std::max(y, right));
}

// "Thành phần hồ sơ": the documents received, or blank rows the officer fills in by hand.
void documents(PdfCanvas& pdf, const app::IntakeSlipDocument& d) {
  double width = pdf.content_width();
  std::vector<double> columns{width * 0.08, width * 0.52, width * 0.26, width * 0.14};
  TextStyle head{.size = 10, .bold = true, .align = Align::kCenter};
  pdf.row(pdf.left(), columns,
          {{"TT", head}, {"Tên loại giấy tờ", head}, {"Hình thức", head}, {"Số lượng", head}});
  TextStyle cell{.size = 10};
  TextStyle center{.size = 10, .align = Align::kCenter};
  if (d.documents.empty()) {
    for (int i = 1; i <= 3; ++i) pdf.row(pdf.left(), columns, {{std::to_string(i), center}});
    return;
  }
  int number = 0;
  for (const std::string& name : d.documents) {
    pdf.row(pdf.left(), columns, {{std::to_string(++number), center}, {name, cell}});
  }
}

// "Phí, lệ phí" in a column `width` wide from the left margin.
void fees(PdfCanvas& pdf, const app::IntakeSlipDocument& d, double width) {
  if (d.fee_lines.empty()) {
    pdf.paragraph("Phí, lệ phí: Hồ sơ không có lệ phí.", pdf.left(), width, kBody);
    return;
  }
  pdf.paragraph("Phí, lệ phí:", pdf.left(), width, {.size = kSize, .bold = true});
  pdf.space(1.5);
  std::vector<double> columns{width * 0.43, width * 0.15, width * 0.2, width * 0.22};
  TextStyle head{.size = 10, .bold = true, .align = Align::kCenter};
  TextStyle cell{.size = 10};
  TextStyle right{.size = 10, .align = Align::kRight};
  pdf.row(pdf.left(), columns,
          {{"Loại lệ phí", head}, {"Số lượng", head}, {"Mức lệ phí", head}, {"Thành tiền", head}});
  for (const app::SlipFeeLine& fee : d.fee_lines) {
    pdf.row(pdf.left(), columns,
            {{fee.name, cell},
             {std::to_string(fee.quantity), {.size = 10, .align = Align::kCenter}},
             {core::format_vnd(fee.unit_amount), right},
             {core::format_vnd(fee.amount), right}});
  }
  pdf.row(pdf.left(), {columns[0] + columns[1] + columns[2], columns[3]},
          {{"Tổng", {.size = 10, .bold = true, .align = Align::kRight}},
           {core::format_vnd(d.total), {.size = 10, .bold = true, .align = Align::kRight}}});
  pdf.space(3);
  if (!d.total_in_words.empty()) {
    pdf.paragraph("Số tiền bằng chữ: " + d.total_in_words, pdf.left(), width, kBody);
  }
}

// The pay link's QR in a column `width` wide at x, from the cursor down, with what it is for
// under it. Returns where it ends; the cursor does not move.
double payment_qr(PdfCanvas& pdf, const app::IntakeSlipDocument& d, double x, double width) {
  double top = pdf.y();
  double quiet = kQrSide * 0.1;  // about the 4-module quiet zone of a 40-module symbol
  double y = top + pdf.qr_code(d.payment_url, x + (width - kQrSide) / 2 - quiet, top, kQrSide);
  TextStyle center{.size = 9, .align = Align::kCenter};
  y += pdf.text_at("Quét mã để thanh toán lệ phí", x, y, width,
                   {.size = 9, .bold = true, .align = Align::kCenter});
  y += pdf.text_at("Số tiền cần thanh toán: " + core::format_vnd(d.outstanding), x, y, width,
                   center);
  y +=
      pdf.text_at(d.payment_url, x, y, width, {.size = 5.5, .sans = true, .align = Align::kCenter});
  return y;
}

// The fees, and beside them the payment QR while something is due.
void fees_and_payment(PdfCanvas& pdf, const app::IntakeSlipDocument& d) {
  if (d.payment_url.empty()) return fees(pdf, d, pdf.content_width());
  double column = 44 * kMillimetre;
  pdf.keep(kQrSide * 1.2 + 40);  // the QR column starts on the page the fees start on
  double qr_end = payment_qr(pdf, d, pdf.left() + pdf.content_width() - column, column);
  fees(pdf, d, pdf.content_width() - column - 8);
  pdf.set_y(std::max(pdf.y(), qr_end));
}

void signatures(PdfCanvas& pdf, const app::IntakeSlipDocument& d) {
  constexpr double kSignSpace = 34;  // room to sign by hand
  double width = pdf.content_width() / 2;
  TextStyle note{.size = 10, .italic = true, .align = Align::kCenter};
  TextStyle name{.size = kSize, .bold = true, .align = Align::kCenter};
  double height =
      pdf.measure("NGƯỜI TIẾP NHẬN HỒ SƠ", width, kCenterBold) +
      pdf.measure("(Ký và ghi rõ họ tên)", width, note) + kSignSpace +
      std::max(pdf.measure(d.submitter, width, name), pdf.measure(d.officer_name, width, name));
  pdf.keep(height);
  double bottom = pdf.y();
  for (auto [x, title, person] :
       {std::tuple{pdf.left(), "NGƯỜI NỘP HỒ SƠ", &d.submitter},
        std::tuple{pdf.left() + width, "NGƯỜI TIẾP NHẬN HỒ SƠ", &d.officer_name}}) {
    double y = pdf.y();
    y += pdf.text_at(title, x, y, width, kCenterBold);
    y += pdf.text_at("(Ký và ghi rõ họ tên)", x, y, width, note);
    y += kSignSpace;
    y += pdf.text_at(*person, x, y, width, name);
    bottom = std::max(bottom, y);
  }
  pdf.set_y(bottom);
}

}  // namespace

core::Result<std::string> CairoPrintedDocuments::intake_slip_pdf(
    const app::IntakeSlipDocument& d) const {
  std::unique_lock<std::mutex> lock = fonts_->lock();
  PdfCanvas pdf(*fonts_, kA4Width, kA4Height, kMargin);
  pdf.set_metadata("Giấy tiếp nhận hồ sơ " + d.case_code, d.reception_at);
  header(pdf, d);
  pdf.space(10);
  pdf.paragraph("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", pdf.left(), pdf.content_width(),
                {.size = 14, .bold = true, .align = Align::kCenter});
  pdf.paragraph("Mã hồ sơ: " + d.case_code, pdf.left(), pdf.content_width(), kCenterBold);
  pdf.paragraph("(Liên: Lưu/giao khách hàng)", pdf.left(), pdf.content_width(),
                {.size = 10, .italic = true, .align = Align::kCenter});
  pdf.space(10);
  line(pdf, "Bộ phận tiếp nhận và trả kết quả: " + d.unit_name);
  line(pdf, "Tiếp nhận hồ sơ của: " + d.submitter);
  if (!d.id_number.empty()) line(pdf, "Số CMND/CCCD/MST: " + d.id_number);
  if (!d.owner.empty()) line(pdf, "Chủ hồ sơ: " + d.owner);
  line(pdf, "Địa chỉ: " + d.address);
  line(pdf, "Số điện thoại: " + d.phone + (d.email.empty() ? "" : "    Email: " + d.email));
  line(pdf, "Nội dung yêu cầu giải quyết: " + d.procedure);
  line(pdf, "1. Thành phần hồ sơ nộp gồm:");
  documents(pdf, d);
  pdf.space(4);
  std::string sets = (d.sets < 10 ? "0" : "") + std::to_string(d.sets);
  line(pdf, "2. Số lượng hồ sơ: " + sets + " (bộ)");
  line(pdf, "3. Thời gian giải quyết hồ sơ theo quy định là: " + d.legal_days +
                " ngày làm việc (hạn xử lý toàn quy trình: " + d.deadline_time + ")");
  line(pdf, "4. Thời gian nhận hồ sơ: " + d.received_time);
  line(pdf, "5. Thời gian trả kết quả giải quyết hồ sơ: " + d.return_time);
  line(pdf, "6. Đăng ký nhận kết quả tại: " + d.pickup);
  pdf.space(4);
  fees_and_payment(pdf, d);
  pdf.space(4);
  line(pdf, "Vào Sổ theo dõi hồ sơ, Quyển số: .......... Số thứ tự: ..........");
  pdf.space(6);
  signatures(pdf, d);
  return pdf.finish();
}

}  // namespace motcua::adapters::documents
