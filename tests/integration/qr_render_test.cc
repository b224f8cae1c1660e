// Renders QR codes with the adapter and reads them back with an independent decoder (zbarimg).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "../support/run_process.h"
#include "../support/temp_dir.h"
#include "adapters/qr/qr_matrix.h"
#include "adapters/qr/qr_png.h"
#include "adapters/qr/qr_svg.h"

namespace motcua::adapters::qr {
namespace {

using motcua::testing::ProcessResult;
using motcua::testing::run_process;
using motcua::testing::shell_quote;

constexpr const char* kVietQr =
    "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802"
    "VN62340107NPS68690819thanh toan don hang63042E2E";
constexpr const char* kUrl =
    "https://motcua.example.gov.vn/ho-so/H34-240426-0001/thanh-toan?t=Zk3q9XvB2mLpR7sT";

// What zbarimg reads from the image, without the newline it appends.
std::string zbar_read(const std::string& path) {
  ProcessResult r = run_process("zbarimg --raw -q " + shell_quote(path));
  EXPECT_EQ(r.exit_code, 0) << "zbarimg found no code in " << path << ": " << r.err;
  if (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
  return r.out;
}

void expect_png_round_trip(const std::string& text, std::size_t scale) {
  testing::TempDir dir("motcua-qr");
  core::Result<QrMatrix> matrix = encode_qr(text);
  ASSERT_TRUE(matrix.ok()) << matrix.error().message;
  core::Result<std::vector<std::uint8_t>> png = render_png(*matrix, scale);
  ASSERT_TRUE(png.ok()) << png.error().message;
  std::string path = dir.file("code.png");
  ASSERT_TRUE(write_file(path, *png).ok());
  EXPECT_EQ(zbar_read(path), text);
}

TEST(QrRender, PngOfAVietQrReadsBackByteForByte) { expect_png_round_trip(kVietQr, 4); }

TEST(QrRender, PngOfAUrlReadsBackByteForByte) { expect_png_round_trip(kUrl, 8); }

TEST(QrRender, PngAtTwoPixelsPerModuleStillReads) { expect_png_round_trip(kUrl, 2); }

TEST(QrRender, PngStartsWithThePngSignature) {
  core::Result<QrMatrix> matrix = encode_qr(kVietQr);
  ASSERT_TRUE(matrix.ok());
  core::Result<std::vector<std::uint8_t>> png = render_png(*matrix, 2);
  ASSERT_TRUE(png.ok());
  ASSERT_GT(png->size(), 8u);
  EXPECT_EQ(std::string(png->begin(), png->begin() + 8), "\x89PNG\r\n\x1a\n");
}

TEST(QrRender, PngRejectsAScaleOutOfRange) {
  core::Result<QrMatrix> matrix = encode_qr(kUrl);
  ASSERT_TRUE(matrix.ok());
  EXPECT_FALSE(render_png(*matrix, 0).ok());
  EXPECT_FALSE(render_png(*matrix, kMaxPngScale + 1).ok());
}

TEST(QrRender, UsesMediumErrorCorrectionAndTheSmallestVersion) {
  // 143 characters at level M: all in 8-bit mode they would need version 8 (49 modules); the
  // digit runs go in numeric mode, so version 6 (41 modules) holds them.
  core::Result<QrMatrix> matrix = encode_qr(kVietQr);
  ASSERT_TRUE(matrix.ok());
  EXPECT_EQ(matrix->size, 41u);
  EXPECT_EQ(matrix->modules.size(), 41u * 41u);
}

TEST(QrRender, SvgIsASizedDocumentWithATitle) {
  core::Result<QrMatrix> matrix = encode_qr(kVietQr);
  ASSERT_TRUE(matrix.ok());
  std::string svg = render_svg(*matrix, "VietQR <970403> & co");
  std::string side = std::to_string(matrix->size + 2 * kQuietZone);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("viewBox=\"0 0 " + side + " " + side + "\""), std::string::npos);
  EXPECT_NE(svg.find("shape-rendering=\"crispEdges\""), std::string::npos);
  EXPECT_NE(svg.find("<title>VietQR &lt;970403&gt; &amp; co</title>"), std::string::npos);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  // One path only, and its first run is the top-left finder pattern's top edge.
  EXPECT_EQ(svg.find("<path"), svg.rfind("<path"));
  EXPECT_NE(svg.find("d=\"M4 4h7v1h-7z"), std::string::npos);
}

TEST(QrRender, SvgIsWellFormedXml) {
  // xmllint is optional on the machine; when present it must accept the document.
  if (run_process("command -v xmllint >/dev/null").exit_code != 0) GTEST_SKIP() << "no xmllint";
  testing::TempDir dir("motcua-qr");
  core::Result<QrMatrix> matrix = encode_qr(kUrl);
  ASSERT_TRUE(matrix.ok());
  std::string svg = render_svg(*matrix, "Thanh toán lệ phí");
  std::string path = dir.file("code.svg");
  ASSERT_TRUE(write_file(path, {svg.begin(), svg.end()}).ok());
  ProcessResult r = run_process("xmllint --noout " + shell_quote(path));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(QrRender, RejectsEmptyAndNulText) {
  EXPECT_FALSE(encode_qr("").ok());
  EXPECT_FALSE(encode_qr(std::string_view("a\0b", 3)).ok());
}

TEST(QrRender, RejectsTextTooLongForAnyVersion) {
  core::Result<QrMatrix> matrix = encode_qr(std::string(5000, 'x'));
  ASSERT_FALSE(matrix.ok());
  EXPECT_NE(matrix.error().message.find("does not fit"), std::string::npos);
}

TEST(QrRender, WriteFileNamesAPathItCannotCreate) {
  core::Status status = write_file("/nonexistent-dir/code.png", {1, 2, 3});
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("/nonexistent-dir/code.png"), std::string::npos);
}

}  // namespace
}  // namespace motcua::adapters::qr
