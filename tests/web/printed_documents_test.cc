// The printed documents over the web application: the officer's receipt PDF and intake slip
// PDF under the case page's access rule, the payer's receipt PDF behind the case's pay-link
// token with the public masking, the links to them, and 503 without a PDF renderer. The PDFs
// are read back with pdftotext and zbarimg (tests/support/pdf_tools.h).
#include "../support/pdf_tools.h"
#include "http_client.h"
#include "web_fixture.h"

namespace motcua::adapters::web {
namespace {

using motcua::testing::ProcessResult;
using motcua::testing::TempDir;

class PrintedDocumentRoutes : public WebFixture {
 protected:
  // The ward collects under the guide's receipt form and series.
  core::Status seed_data(app::Repositories& r) override {
    if (auto s = WebFixture::seed_data(r); !s.ok()) return s;
    core::Agency ward = r.agencies().find("H34.22.6").value().value();
    ward.receipt_form_symbol = "01BLP0-001";
    ward.receipt_series = "AA-24E";
    return r.agencies().save(ward);
  }

  // The guide's case, both lines unpaid, and a second ward case.
  void SetUp() override {
    WebFixture::SetUp();
    auto unpaid = [](core::CaseRecord& c) {
      for (core::FeeLine& line : c.fee_lines) {
        line.paid = false;
        line.method.reset();
      }
    };
    seed_case(kWardCase, "H34.22.6", citizen("062190018870"), core::CaseStatus::kAccepted, unpaid);
    seed_case(kOtherCase, "H34.22.6", citizen("062190018871"), core::CaseStatus::kAccepted, unpaid);
  }

  // Pays every unpaid line of `code` as a confirmed callback would; the receipt's id.
  std::int64_t pay(const std::string& code = kWardCase) { return pay_online(code); }

  static std::string officer_receipt(const std::string& code, std::int64_t id) {
    return "/can-bo/ho-so/" + code + "/bien-lai/" + std::to_string(id);
  }
  std::string link(const std::string& code = kWardCase) {
    return "/tt/" + code + "/" + links_.token_for(code);
  }
  std::string verification_url(std::int64_t id) {
    std::string subject = "bien-lai/" + std::to_string(id);
    return std::string(kPublicBase) + "/" + subject + "/" + links_.token_for(subject);
  }

  // Asserts a PDF answer and returns its text with white space runs as single spaces.
  std::string pdf_words(const HttpResponse& r, const std::string& filename) {
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 400);
    EXPECT_EQ(r.content_type, "application/pdf");
    EXPECT_EQ(r.body.rfind("%PDF-", 0), 0u);
    EXPECT_EQ(header_of(r, "Content-Disposition"), "inline; filename=\"" + filename + "\"");
    EXPECT_EQ(header_of(r, "Cache-Control"), "private, no-store");
    ProcessResult text = motcua::testing::pdf_text(dir_, r.body);
    EXPECT_EQ(text.exit_code, 0) << text.err;
    std::string words;
    for (char c : text.out) {
      bool blank = c == ' ' || c == '\n' || c == '\f';
      if (blank && (words.empty() || words.back() == ' ')) continue;
      words += blank ? ' ' : c;
    }
    return words;
  }

  static bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  }

  static constexpr const char* kOtherCase = "H34.22.6-240426-0003";
  TempDir dir_{"motcua-web-pdf"};
};

TEST_F(PrintedDocumentRoutes, TheOfficersReceiptPdfHasTheFullReceiptAndItsQr) {
  std::int64_t id = pay();
  std::string cookies = sign_in();
  HttpResponse r = get(officer_receipt(kWardCase, id) + "/pdf", cookies);
  std::string text = pdf_words(r, "bien-lai-AA-24E-0000001.pdf");
  for (const char* expected :
       {"BIÊN LAI THU PHÍ, LỆ PHÍ", "Người nộp tiền: Võ Đặng Ngọc Giả", "CCCD/MST: 062190018870",
        "Địa chỉ: Kon Tum", kWardCase, "3.000 VND", "Ba nghìn đồng", "Số: 0000001",
        "Ký hiệu: AA-24E", "Mẫu số: 01BLP0-001", "Ngày thu: 26/04/2024 07:00:00"}) {
    EXPECT_TRUE(contains(text, expected)) << expected << "\n---\n" << text;
  }
  ProcessResult qr = motcua::testing::pdf_qr(dir_, r.body);
  EXPECT_EQ(qr.exit_code, 0) << qr.err;
  EXPECT_EQ(qr.out, verification_url(id));
}

TEST_F(PrintedDocumentRoutes, XemBienLaiOpensThePdfAndThePageLinksIt) {
  std::int64_t id = pay();
  std::string cookies = sign_in();
  HttpResponse page = get(std::string("/can-bo/ho-so/") + kWardCase, cookies);
  ASSERT_EQ(page.status, 200);
  std::string pdf_href = officer_receipt(kWardCase, id) + "/pdf";
  EXPECT_TRUE(contains(page.body, "href=\"" + pdf_href + "\">Xem biên lai</a>")) << page.body;
  HttpResponse html = get(officer_receipt(kWardCase, id), cookies);
  ASSERT_EQ(html.status, 200);
  EXPECT_TRUE(contains(html.body, "href=\"" + pdf_href + "\""));
  EXPECT_TRUE(contains(html.body, "Tải biên lai (PDF)"));
}

TEST_F(PrintedDocumentRoutes, TheOfficersReceiptPdfKeepsTheCasesScope) {
  std::int64_t id = pay();
  std::string pdf = officer_receipt(kWardCase, id) + "/pdf";
  EXPECT_EQ(get(pdf).status, 303);  // not signed in: to the sign-in page
  std::string cookies = sign_in();
  // Another case's receipt, unknown and malformed ids.
  EXPECT_EQ(get(officer_receipt(kOtherCase, id) + "/pdf", cookies).status, 404);
  EXPECT_EQ(get(officer_receipt(kWardCase, 999) + "/pdf", cookies).status, 404);
  EXPECT_EQ(get("/can-bo/ho-so/" + std::string(kWardCase) + "/bien-lai/x1/pdf", cookies).status,
            404);
  // An officer of another unit may not read the ward's case: not found, no PDF.
  HttpResponse other_unit = get(pdf, sign_in("sotuphap"));
  EXPECT_EQ(other_unit.status, 404);
  EXPECT_NE(other_unit.content_type, "application/pdf");
}

TEST_F(PrintedDocumentRoutes, ThePublicReceiptPdfIsMaskedAndNeedsTheToken) {
  std::int64_t id = pay();
  HttpResponse r = get(link() + "/bien-lai/" + std::to_string(id) + "/pdf");
  std::string text = pdf_words(r, "bien-lai-AA-24E-0000001.pdf");
  EXPECT_TRUE(contains(text, "CCCD/MST: ****8870")) << text;
  EXPECT_FALSE(contains(text, "062190018870"));
  EXPECT_FALSE(contains(text, "Địa chỉ"));  // no home address on a public copy
  EXPECT_TRUE(contains(text, "Ba nghìn đồng"));
  ProcessResult qr = motcua::testing::pdf_qr(dir_, r.body);
  EXPECT_EQ(qr.out, verification_url(id)) << qr.err;

  std::string wrong_token =
      "/tt/" + std::string(kWardCase) + "/AAAAAAAAAAAAAAAAAAAAAA/bien-lai/" + std::to_string(id);
  EXPECT_EQ(get(wrong_token + "/pdf").status, 404);
  // The other case's valid link does not reach this case's receipt.
  EXPECT_EQ(get(link(kOtherCase) + "/bien-lai/" + std::to_string(id) + "/pdf").status, 404);
  EXPECT_EQ(get(link() + "/bien-lai/999/pdf").status, 404);
}

TEST_F(PrintedDocumentRoutes, ThePayersReceiptLinksOpenThePdf) {
  std::int64_t id = pay();
  std::string pdf_href = link() + "/bien-lai/" + std::to_string(id) + "/pdf";
  HttpResponse lookup = get(std::string("/thanh-toan?ma=") + kWardCase);
  EXPECT_TRUE(contains(lookup.body, "href=\"" + pdf_href + "\"")) << lookup.body;
  HttpResponse html = get(link() + "/bien-lai/" + std::to_string(id));
  ASSERT_EQ(html.status, 200);
  EXPECT_TRUE(contains(html.body, "href=\"" + pdf_href + "\""));
  EXPECT_TRUE(contains(html.body, "Tải biên lai (PDF)"));
}

TEST_F(PrintedDocumentRoutes, TheIntakeSlipPdfCarriesThePayLinksQr) {
  std::string cookies = sign_in();
  std::string slip = "/can-bo/ho-so/" + std::string(kWardCase) + "/giay-tiep-nhan";
  HttpResponse html = get(slip, cookies);
  ASSERT_EQ(html.status, 200);
  EXPECT_TRUE(contains(html.body, "href=\"" + slip + "/pdf\""));
  EXPECT_TRUE(contains(html.body, "In giấy tiếp nhận (PDF)"));

  HttpResponse r = get(slip + "/pdf", cookies);
  std::string text = pdf_words(r, "giay-tiep-nhan-" + std::string(kWardCase) + ".pdf");
  for (const std::string& expected :
       {std::string("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
        "Số: " + std::string(kWardCase) + "/BPTNTKQ",
        std::string("Kon Tum, ngày 26 tháng 4 năm 2024"),
        std::string("Tiếp nhận hồ sơ của: Võ Đặng Ngọc Giả"),
        std::string("Bộ phận tiếp nhận và trả kết quả: Bộ phận TN&TKQ phường Trần Hưng Đạo"),
        std::string("Số điện thoại: 0886650748"),
        std::string("Thủ tục chứng thực bản sao từ bản chính (2.000815.000.00.00.H34)"),
        std::string("3. Thời gian giải quyết hồ sơ theo quy định là: 1 ngày làm việc"),
        std::string("4. Thời gian nhận hồ sơ: 07 giờ 27 phút, ngày 26 tháng 4 năm 2024"),
        std::string("Quét mã để thanh toán lệ phí"),
        std::string("Số tiền cần thanh toán: 3.000 VND"), std::string("Cán bộ phường")}) {
    EXPECT_TRUE(contains(text, expected)) << expected << "\n---\n" << text;
  }
  ProcessResult qr = motcua::testing::pdf_qr(dir_, r.body);
  EXPECT_EQ(qr.exit_code, 0) << qr.err;
  EXPECT_EQ(qr.out, std::string(kPublicBase) + link());
}

TEST_F(PrintedDocumentRoutes, APaidCasesSlipHasNoQr) {
  pay();
  HttpResponse r =
      get("/can-bo/ho-so/" + std::string(kWardCase) + "/giay-tiep-nhan/pdf", sign_in());
  std::string text = pdf_words(r, "giay-tiep-nhan-" + std::string(kWardCase) + ".pdf");
  EXPECT_FALSE(contains(text, "Quét mã"));
  EXPECT_TRUE(contains(text, "Ba nghìn đồng"));  // the fees are still listed
}

TEST_F(PrintedDocumentRoutes, TheIntakeSlipPdfKeepsTheCasesScope) {
  std::string slip = "/can-bo/ho-so/" + std::string(kWardCase) + "/giay-tiep-nhan/pdf";
  EXPECT_EQ(get(slip).status, 303);
  EXPECT_EQ(get(slip, sign_in("sotuphap")).status, 404);
  EXPECT_EQ(get("/can-bo/ho-so/H34.22.6-240426-0099/giay-tiep-nhan/pdf", sign_in()).status, 404);
}

// Over a real socket the PDF arrives byte for byte, with the PDF's own security policy.
TEST_F(PrintedDocumentRoutes, ThePdfCrossesTheWireIntact) {
  std::int64_t id = pay();
  std::string target = link() + "/bien-lai/" + std::to_string(id) + "/pdf";
  std::string expected = get(target).body;
  motcua::testing::RawHttpConnection connection(start_server());
  ASSERT_TRUE(connection.send("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n"));
  std::string response = connection.read_response();
  EXPECT_EQ(motcua::testing::status_of(response), 200);
  EXPECT_TRUE(contains(response, "Content-Type: application/pdf\r\n"));
  EXPECT_TRUE(contains(response, "Content-Security-Policy: frame-ancestors 'none'\r\n"));
  std::size_t body = response.find("\r\n\r\n");
  ASSERT_NE(body, std::string::npos);
  EXPECT_TRUE(response.substr(body + 4) == expected);  // same bytes as in process
}

// Without a PDF renderer the PDF routes say so; the HTML pages still work.
class PrintedDocumentsMissing : public PrintedDocumentRoutes {
 protected:
  void SetUp() override {
    print_documents_ = false;
    PrintedDocumentRoutes::SetUp();
  }
};

TEST_F(PrintedDocumentsMissing, ThePdfRoutesAnswer503) {
  std::int64_t id = pay();
  std::string cookies = sign_in();
  HttpResponse officer = get(officer_receipt(kWardCase, id) + "/pdf", cookies);
  EXPECT_EQ(officer.status, 503);
  EXPECT_TRUE(contains(officer.body, "chưa được cấu hình")) << officer.body;
  EXPECT_EQ(get(link() + "/bien-lai/" + std::to_string(id) + "/pdf").status, 503);
  EXPECT_EQ(get("/can-bo/ho-so/" + std::string(kWardCase) + "/giay-tiep-nhan/pdf", cookies).status,
            503);
  EXPECT_EQ(get(officer_receipt(kWardCase, id), cookies).status, 200);
}

}  // namespace
}  // namespace motcua::adapters::web
