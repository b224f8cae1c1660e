// The printed documents (CairoPrintedDocuments) read back with independent tools: pdftotext
// finds the exact Vietnamese texts, pdffonts shows every font embedded and subset, and the
// QR code, rasterised by pdftoppm at 150 dpi, decodes with zbarimg to the expected URL.
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../support/pdf_tools.h"
#include "../support/sample_documents.h"
#include "../support/temp_dir.h"
#include "adapters/documents/cairo_printed_documents.h"

namespace motcua::adapters::documents {
namespace {

using motcua::testing::ProcessResult;
using motcua::testing::TempDir;
using namespace std::chrono_literals;

constexpr const char* kVerificationUrl =
    "https://dichvucong.example.vn/bien-lai/1/Zk3q9XvB2mLpR7sTw4Hn8Q";
constexpr const char* kPaymentUrl =
    "https://dichvucong.example.vn/tt/H34.22.6-240426-0002/Zk3q9XvB2mLpR7sTw4Hn8Q";

app::ReceiptDocument receipt() { return motcua::testing::sample_receipt(kVerificationUrl); }
app::IntakeSlipDocument slip() { return motcua::testing::sample_slip(kPaymentUrl); }

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// pdftotext's text with every run of white space (line breaks of wrapped text) as one space.
std::string words_of(const std::string& text) {
  std::string words;
  bool space = false;
  for (char c : text) {
    bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (blank) {
      space = !words.empty();
      continue;
    }
    if (space) words += ' ';
    space = false;
    words += c;
  }
  return words;
}

// Every font row of pdffonts says "yes" under emb and sub; at least one font.
void expect_fonts_embedded_and_subset(const std::string& pdf) {
  TempDir dir("motcua-pdf");
  ProcessResult fonts = motcua::testing::pdf_fonts(dir, pdf);
  ASSERT_EQ(fonts.exit_code, 0) << fonts.err;
  std::istringstream rows(fonts.out);
  std::string row;
  int count = 0;
  for (int i = 0; std::getline(rows, row); ++i) {
    if (i < 2 || row.empty()) continue;  // the heading and its dashes
    ++count;
    // name, type (may hold a space: "CID TrueType"), encoding, emb, sub, uni, object, id.
    std::istringstream words(row);
    std::vector<std::string> columns;
    for (std::string word; words >> word;) columns.push_back(word);
    ASSERT_GE(columns.size(), 7u) << row;
    std::size_t emb = columns.size() - 5;
    EXPECT_EQ(columns[emb], "yes") << "not embedded: " << row;
    EXPECT_EQ(columns[emb + 1], "yes") << "not subset: " << row;
    EXPECT_NE(columns[0].find('+'), std::string::npos) << "no subset tag: " << row;
    EXPECT_TRUE(contains(columns[0], "Noto")) << row;
  }
  EXPECT_GE(count, 2) << fonts.out;
}

// The QR code on the first page, rasterised at 150 dpi, reads back as `url`.
void expect_qr_reads(const std::string& pdf, const std::string& url) {
  TempDir dir("motcua-pdf");
  ProcessResult qr = motcua::testing::pdf_qr(dir, pdf);
  EXPECT_EQ(qr.exit_code, 0) << qr.err;
  EXPECT_EQ(qr.out, url);
}

TEST(PrintedDocuments, TheReceiptHasItsTextsInVietnamese) {
  core::Result<std::string> pdf = CairoPrintedDocuments().receipt_pdf(receipt());
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
  TempDir dir("motcua-pdf");
  ProcessResult text = motcua::testing::pdf_text(dir, *pdf);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  text.out = words_of(text.out);
  for (const char* expected : {"Bộ phận TN&TKQ phường Trần Hưng Đạo",
                               "Mã số thuế: 6100123456",
                               "BIÊN LAI THU PHÍ, LỆ PHÍ",
                               "Mẫu số: 01BLP0-001",
                               "Ký hiệu: AA-24E",
                               "Số: 0000001",
                               "Người nộp tiền: Võ Đặng Ngọc Giả",
                               "CCCD/MST: 062190018870",
                               "Địa chỉ: Tổ 3, phường Trần Hưng Đạo, thành phố Kon Tum",
                               "Mã số hồ sơ: H34.22.6-240426-0002",
                               "Thủ tục chứng thực bản sao từ bản chính",
                               "Lệ phí chứng thực bản sao (trang 3)",
                               "1.000 VND",
                               "3.000 VND",
                               "Số tiền viết bằng chữ: Ba nghìn đồng",
                               "Hình thức thanh toán: Trực tuyến qua CDVCQG (Payment Platform)",
                               "Mã giao dịch: TX-PR-000001",
                               "Ngày thu: 26/04/2024 07:27:52",
                               "ĐƠN VỊ THU",
                               "(Ký điện tử)",
                               "Quét mã để xác minh biên lai"}) {
    EXPECT_TRUE(contains(text.out, expected)) << expected << "\n---\n" << text.out;
  }
}

TEST(PrintedDocuments, TheReceiptWithoutAnAddressLeavesTheLineOut) {
  app::ReceiptDocument document = receipt();
  document.receipt.payer_address.clear();
  document.receipt.payer_id_number = "****8870";
  core::Result<std::string> pdf = CairoPrintedDocuments().receipt_pdf(document);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  TempDir dir("motcua-pdf");
  ProcessResult text = motcua::testing::pdf_text(dir, *pdf);
  EXPECT_TRUE(contains(text.out, "CCCD/MST: ****8870")) << text.out;
  EXPECT_FALSE(contains(text.out, "Địa chỉ")) << text.out;
  EXPECT_FALSE(contains(text.out, "Tổ 3")) << text.out;
}

TEST(PrintedDocuments, TheReceiptsFontsAreEmbeddedAndSubset) {
  core::Result<std::string> pdf = CairoPrintedDocuments().receipt_pdf(receipt());
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  expect_fonts_embedded_and_subset(*pdf);
}

TEST(PrintedDocuments, TheReceiptsQrReadsBackAsTheVerificationUrl) {
  core::Result<std::string> pdf = CairoPrintedDocuments().receipt_pdf(receipt());
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  expect_qr_reads(*pdf, kVerificationUrl);
}

TEST(PrintedDocuments, TheSlipFollowsMau01) {
  core::Result<std::string> pdf = CairoPrintedDocuments().intake_slip_pdf(slip());
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
  TempDir dir("motcua-pdf");
  ProcessResult text = motcua::testing::pdf_text(dir, *pdf);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  text.out = words_of(text.out);
  for (const char* expected :
       {"TỈNH KON TUM",
        "BỘ PHẬN TN&TKQ PHƯỜNG TRẦN HƯNG ĐẠO",
        "Số: H34.22.6-240426-0002/BPTNTKQ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Kon Tum, ngày 26 tháng 4 năm 2024",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "Tiếp nhận hồ sơ của: Võ Đặng Ngọc Giả",
        "Địa chỉ: Tổ 3, phường Trần Hưng Đạo, thành phố Kon Tum",
        "Số điện thoại: 0905123456",
        "Nội dung yêu cầu giải quyết: Thủ tục chứng thực bản sao từ bản chính",
        "1. Thành phần hồ sơ nộp gồm:",
        "2. Số lượng hồ sơ: 01 (bộ)",
        "3. Thời gian giải quyết hồ sơ theo quy định là: 1 ngày làm việc",
        "4. Thời gian nhận hồ sơ: 07 giờ 27 phút, ngày 26 tháng 4 năm 2024",
        "5. Thời gian trả kết quả giải quyết hồ sơ: 07 giờ 27 phút, ngày 29 tháng 4 năm 2024",
        "6. Đăng ký nhận kết quả tại:",
        "Số tiền bằng chữ: Ba nghìn đồng",
        "Quét mã để thanh toán lệ phí",
        "Số tiền cần thanh toán: 3.000 VND",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Cán bộ phường"}) {
    EXPECT_TRUE(contains(text.out, expected)) << expected << "\n---\n" << text.out;
  }
}

// The demo's case, with its long procedure name and address, two fee lines and the QR, still
// prints on one A4 sheet.
TEST(PrintedDocuments, TheGuidesSlipFitsOnePage) {
  app::IntakeSlipDocument d = slip();
  d.address = "Số 25, đường Trần Hưng Đạo, phường Trần Hưng Đạo, thành phố Kon Tum, tỉnh Kon Tum";
  d.email = "vodangngocgia@example.vn";
  d.procedure =
      "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền của Việt "
      "Nam cấp hoặc chứng nhận (2.000815.000.00.00.H34)";
  d.fee_lines = {
      {"Phí chứng thực bản sao từ bản chính", 1, core::Money::dong(2000), core::Money::dong(2000)},
      {"Phí chứng thực bản sao từ bản chính từ trang thứ 3.", 1, core::Money::dong(1000),
       core::Money::dong(1000)}};
  core::Result<std::string> pdf = CairoPrintedDocuments().intake_slip_pdf(d);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  TempDir dir("motcua-pdf");
  ProcessResult info = motcua::testing::run_process(
      "pdfinfo " + motcua::testing::shell_quote(motcua::testing::write_pdf(dir, *pdf)));
  EXPECT_TRUE(contains(info.out, "Pages:           1\n")) << info.out;
  expect_qr_reads(*pdf, kPaymentUrl);
}

TEST(PrintedDocuments, TheSlipsFontsAreEmbeddedAndSubset) {
  core::Result<std::string> pdf = CairoPrintedDocuments().intake_slip_pdf(slip());
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  expect_fonts_embedded_and_subset(*pdf);
}

TEST(PrintedDocuments, TheSlipsQrReadsBackAsThePayLink) {
  core::Result<std::string> pdf = CairoPrintedDocuments().intake_slip_pdf(slip());
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  expect_qr_reads(*pdf, kPaymentUrl);
}

TEST(PrintedDocuments, ASlipWithNothingDueHasNoQr) {
  app::IntakeSlipDocument d = slip();
  d.payment_url.clear();
  core::Result<std::string> pdf = CairoPrintedDocuments().intake_slip_pdf(d);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  TempDir dir("motcua-pdf");
  EXPECT_FALSE(contains(motcua::testing::pdf_text(dir, *pdf).out, "Quét mã"));
  EXPECT_NE(motcua::testing::pdf_qr(dir, *pdf).exit_code, 0);  // zbarimg finds no code
}

// The same document gives the same bytes, even a second later (no clock in the file).
TEST(PrintedDocuments, TwoRendersAreByteIdentical) {
  CairoPrintedDocuments documents;
  core::Result<std::string> receipt1 = documents.receipt_pdf(receipt());
  core::Result<std::string> slip1 = documents.intake_slip_pdf(slip());
  std::this_thread::sleep_for(1100ms);
  core::Result<std::string> receipt2 = CairoPrintedDocuments().receipt_pdf(receipt());
  core::Result<std::string> slip2 = CairoPrintedDocuments().intake_slip_pdf(slip());
  ASSERT_TRUE(receipt1.ok() && receipt2.ok() && slip1.ok() && slip2.ok());
  EXPECT_TRUE(*receipt1 == *receipt2);
  EXPECT_TRUE(*slip1 == *slip2);
  // The creation date from issued_at (cairo 1.16 writes it without the "D:" prefix).
  EXPECT_TRUE(contains(*receipt1, "/CreationDate (20240426072752+07'00)"));
  EXPECT_TRUE(contains(*receipt1, "/ModDate (20240426072752+07'00)"));
  // Another document differs.
  app::ReceiptDocument other = receipt();
  other.receipt.number = "0000002";
  EXPECT_FALSE(*CairoPrintedDocuments().receipt_pdf(other) == *receipt1);
}

// One instance serves every request thread of the server: renders take turns on its fonts.
TEST(PrintedDocuments, ThreadsShareOneInstance) {
  CairoPrintedDocuments documents;
  std::string expected = documents.receipt_pdf(receipt()).value();
  std::vector<std::string> results(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      core::Result<std::string> pdf =
          i % 2 == 0 ? documents.receipt_pdf(receipt()) : documents.intake_slip_pdf(slip());
      results[i] = pdf.ok() ? *pdf : "";
    });
  }
  for (std::thread& t : threads) t.join();
  std::string slip_pdf = documents.intake_slip_pdf(slip()).value();
  for (std::size_t i = 0; i < results.size(); ++i) {
    EXPECT_TRUE(results[i] == (i % 2 == 0 ? expected : slip_pdf)) << i;
  }
}

TEST(PrintedDocuments, LongTextWrapsOntoFurtherPages) {
  app::ReceiptDocument document = receipt();
  std::string long_name;
  for (int i = 0; i < 60; ++i) long_name += "Nguyễn Thị Minh Khai ";
  document.receipt.payer_name = long_name;
  document.receipt.payer_address = std::string(3000, 'x');  // one word wider than the page
  for (int i = 0; i < 40; ++i) {
    document.receipt.lines.push_back({"Lệ phí " + std::to_string(i), core::Money::dong(1000)});
  }
  core::Result<std::string> pdf = CairoPrintedDocuments().receipt_pdf(document);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  TempDir dir("motcua-pdf");
  std::string text = words_of(motcua::testing::pdf_text(dir, *pdf).out);
  EXPECT_TRUE(contains(text, "Lệ phí 39")) << text;
  EXPECT_TRUE(contains(text, "Quét mã để xác minh biên lai"));
  ProcessResult info = motcua::testing::run_process(
      "pdfinfo " + motcua::testing::shell_quote(motcua::testing::write_pdf(dir, *pdf)));
  EXPECT_FALSE(contains(info.out, "Pages:           1\n")) << info.out;

  app::IntakeSlipDocument d = slip();
  d.submitter = long_name;
  d.documents.assign(80, "Bản sao giấy khai sinh");
  core::Result<std::string> long_slip = CairoPrintedDocuments().intake_slip_pdf(d);
  ASSERT_TRUE(long_slip.ok()) << long_slip.error().message;
  EXPECT_TRUE(contains(motcua::testing::pdf_text(dir, *long_slip).out, "NGƯỜI TIẾP NHẬN HỒ SƠ"));
}

TEST(PrintedDocuments, BadInputIsAnErrorValue) {
  CairoPrintedDocuments documents;
  app::ReceiptDocument no_lines = receipt();
  no_lines.receipt.lines.clear();
  core::Result<std::string> empty = documents.receipt_pdf(no_lines);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().kind, core::ErrorKind::kInvalidInput);

  app::ReceiptDocument not_utf8 = receipt();
  not_utf8.receipt.payer_name = "Nguy\xe1\xbb";  // a cut multi-byte character
  core::Result<std::string> bad = documents.receipt_pdf(not_utf8);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, core::ErrorKind::kInvalidInput);

  app::ReceiptDocument nul = receipt();
  nul.receipt.unit_name = std::string("Đơn vị\0thu", 12);
  EXPECT_FALSE(documents.receipt_pdf(nul).ok());

  // A fee line so long its table row cannot fit on one page.
  app::IntakeSlipDocument d = slip();
  std::string huge;
  for (int i = 0; i < 800; ++i) huge += "lệ phí rất dài ";
  d.fee_lines[0].name = huge;
  core::Result<std::string> too_tall = documents.intake_slip_pdf(d);
  ASSERT_FALSE(too_tall.ok());
  EXPECT_EQ(too_tall.error().kind, core::ErrorKind::kInvalidInput);

  // A pay link too long for any QR code.
  app::IntakeSlipDocument long_url = slip();
  long_url.payment_url = "https://x.example/" + std::string(5000, 'a');
  EXPECT_FALSE(documents.intake_slip_pdf(long_url).ok());
}

}  // namespace
}  // namespace motcua::adapters::documents
