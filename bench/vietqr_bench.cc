// VietQR codec and QR rendering: run for every payment page, intake slip and public case page.
#include <benchmark/benchmark.h>
#include <qrencode.h>

#include <string>

#include "adapters/qr/qr_matrix.h"
#include "adapters/qr/qr_png.h"
#include "adapters/qr/qr_svg.h"
#include "core/vietqr.h"
#include "ratio.h"

namespace {

// A typical stable payment URL printed on an intake slip (90 characters).
constexpr const char* kPaymentUrl =
    "https://dichvucong.quangngai.gov.vn/motcua/thanh-toan/H48-250704-0012?t=Zk3q9XvB2mLpR7sTw4";

const motcua::core::VietQr kTransfer{.bin = "970422",
                                     .account = "0023457923442",
                                     .amount = 2'000'000,
                                     .bill = "H48-250704-0012",
                                     .purpose = "Le phi H48-250704-0012",
                                     .name = "VP UBND TINH QUANG NGAI",
                                     .city = "Quang Ngai"};

void BM_VietQrEncodeDecode(benchmark::State& state) {
  for (auto _ : state) {
    auto payload = motcua::core::encode_vietqr(kTransfer);
    auto decoded = motcua::core::decode_vietqr(payload.value());
    benchmark::DoNotOptimize(decoded);
  }
}
BENCHMARK(BM_VietQrEncodeDecode);

// The baseline: libqrencode alone, as the adapter calls it.
void BM_QrencodeBaseline(benchmark::State& state) {
  for (auto _ : state) {
    QRcode* code = QRcode_encodeString(kPaymentUrl, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    benchmark::DoNotOptimize(code);
    QRcode_free(code);
  }
}
BENCHMARK(BM_QrencodeBaseline);

// Ours: libqrencode into a QrMatrix, then the SVG text.
void BM_QrSvgRender(benchmark::State& state) {
  for (auto _ : state) {
    auto matrix = motcua::adapters::qr::encode_qr(kPaymentUrl);
    std::string svg =
        motcua::adapters::qr::render_svg(matrix.value(), "Thanh toan H48-250704-0012");
    benchmark::DoNotOptimize(svg);
  }
}
BENCHMARK(BM_QrSvgRender);

// For information: the PNG for print at 4 pixels per module.
void BM_QrPngRender(benchmark::State& state) {
  for (auto _ : state) {
    auto matrix = motcua::adapters::qr::encode_qr(kPaymentUrl);
    auto png = motcua::adapters::qr::render_png(matrix.value(), 4);
    benchmark::DoNotOptimize(png);
  }
}
BENCHMARK(BM_QrPngRender);

}  // namespace

static const motcua::bench::Ratio kSvg("BM_QrSvgRender", "BM_QrencodeBaseline");
