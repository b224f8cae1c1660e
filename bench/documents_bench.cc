// The printed documents (issue 7): a receipt PDF (A5) and an intake slip PDF (A4) per render,
// on one core, against cairo alone writing a one-page PDF of as many text lines with its toy
// text API (cairo_show_text: no pango layout, no shaping, no wrapping). Target: ≤ 30 ms each.
#include <benchmark/benchmark.h>
#include <cairo-pdf.h>
#include <cairo.h>

#include <string>

#include "../tests/support/sample_documents.h"
#include "adapters/documents/cairo_printed_documents.h"
#include "ratio.h"

namespace {

// Text lines each document shows (pdftotext of the render, non-empty lines).
constexpr int kReceiptLines = 37;
constexpr int kSlipLines = 54;

motcua::app::ReceiptDocument receipt() {
  return motcua::testing::sample_receipt(
      "https://dichvucong.example.vn/bien-lai/1/Zk3q9XvB2mLpR7sTw4Hn8Q");
}

motcua::app::IntakeSlipDocument slip() {
  return motcua::testing::sample_slip(
      "https://dichvucong.example.vn/tt/H34.22.6-240426-0002/Zk3q9XvB2mLpR7sTw4Hn8Q");
}

void BM_ReceiptPdf(benchmark::State& state) {
  motcua::adapters::documents::CairoPrintedDocuments documents;
  motcua::app::ReceiptDocument document = receipt();
  for (auto _ : state) {
    auto pdf = documents.receipt_pdf(document);
    if (!pdf.ok()) state.SkipWithError(pdf.error().message.c_str());
    benchmark::DoNotOptimize(pdf);
  }
}
BENCHMARK(BM_ReceiptPdf)->Unit(benchmark::kMillisecond);

void BM_IntakeSlipPdf(benchmark::State& state) {
  motcua::adapters::documents::CairoPrintedDocuments documents;
  motcua::app::IntakeSlipDocument document = slip();
  for (auto _ : state) {
    auto pdf = documents.intake_slip_pdf(document);
    if (!pdf.ok()) state.SkipWithError(pdf.error().message.c_str());
    benchmark::DoNotOptimize(pdf);
  }
}
BENCHMARK(BM_IntakeSlipPdf)->Unit(benchmark::kMillisecond);

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// The baseline: cairo alone, one page of `lines` lines of Vietnamese text in Noto Serif
// (cairo's toy font API, through fontconfig; the font subset embedded as ours is).
void cairo_only(benchmark::State& state, double width_mm, double height_mm, int lines) {
  const double mm = 72.0 / 25.4;
  for (auto _ : state) {
    std::string bytes;
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(append, &bytes, width_mm * mm, height_mm * mm);
    cairo_t* cr = cairo_create(surface);
    cairo_select_font_face(cr, "Noto Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 10);
    for (int i = 0; i < lines; ++i) {
      cairo_move_to(cr, 12 * mm, 12 * mm + 12.0 * i);
      cairo_show_text(cr, "Người nộp tiền: Võ Đặng Ngọc Giả — 3.000 VND");
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    benchmark::DoNotOptimize(bytes);
  }
}

void BM_CairoOnlyReceiptLines(benchmark::State& state) {
  cairo_only(state, 148, 210, kReceiptLines);
}
BENCHMARK(BM_CairoOnlyReceiptLines)->Unit(benchmark::kMillisecond);

void BM_CairoOnlySlipLines(benchmark::State& state) { cairo_only(state, 210, 297, kSlipLines); }
BENCHMARK(BM_CairoOnlySlipLines)->Unit(benchmark::kMillisecond);

}  // namespace

static const motcua::bench::Ratio kReceiptPdf("BM_ReceiptPdf", "BM_CairoOnlyReceiptLines");
static const motcua::bench::Ratio kSlipPdf("BM_IntakeSlipPdf", "BM_CairoOnlySlipLines");
