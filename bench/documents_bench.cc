// The printed documents (issue 7): a receipt PDF (A5) and an intake slip PDF (A4) per render,
// on one core, against cairo alone writing a one-page PDF of as many text lines with its toy
// text API (cairo_show_text: no pango layout, no shaping, no wrapping). Target: ≤ 30 ms each.
#include <benchmark/benchmark.h>
#include <cairo-pdf.h>
#include <cairo.h>

#include <chrono>
#include <string>

#include "adapters/documents/cairo_printed_documents.h"
#include "ratio.h"

namespace {

using namespace std::chrono_literals;
using motcua::core::Money;

// Text lines each document shows (pdftotext of the render, non-empty lines).
constexpr int kReceiptLines = 37;
constexpr int kSlipLines = 54;

const std::chrono::sys_seconds kAt =
    std::chrono::sys_days{std::chrono::year{2024} / 4 / 26} + 27min + 52s;

motcua::app::ReceiptDocument receipt() {
  motcua::app::ReceiptView r;
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
  r.lines = {{"Lệ phí chứng thực bản sao (trang 1-2)", Money::dong(2000)},
             {"Lệ phí chứng thực bản sao (trang 3)", Money::dong(1000)}};
  r.amount = Money::dong(3000);
  r.amount_in_words = "Ba nghìn đồng";
  r.issued_at = kAt;
  r.method_label = "Trực tuyến qua CDVCQG (Payment Platform)";
  r.reference = "PR-000001";
  r.provider_transaction_id = "TX-PR-000001";
  return {r, "https://dichvucong.example.vn/bien-lai/1/Zk3q9XvB2mLpR7sTw4Hn8Q"};
}

motcua::app::IntakeSlipDocument slip() {
  motcua::app::IntakeSlipDocument d;
  d.parent_name = "TỈNH KON TUM";
  d.unit_name = "Bộ phận TN&TKQ phường Trần Hưng Đạo";
  d.case_code = "H34.22.6-240426-0002";
  d.place_date = "Kon Tum, ngày 26 tháng 4 năm 2024";
  d.submitter = "Võ Đặng Ngọc Giả";
  d.id_number = "062190018870";
  d.address = "Tổ 3, phường Trần Hưng Đạo, thành phố Kon Tum";
  d.phone = "0905123456";
  d.email = "gia@example.vn";
  d.procedure = "Thủ tục chứng thực bản sao từ bản chính (2.000815.000.00.00.H34)";
  d.legal_days = "1";
  d.deadline_time = "07 giờ 27 phút, ngày 29 tháng 4 năm 2024";
  d.received_time = "07 giờ 27 phút, ngày 26 tháng 4 năm 2024";
  d.return_time = "07 giờ 27 phút, ngày 29 tháng 4 năm 2024";
  d.pickup = "Nhận trực tiếp — Bộ phận TN&TKQ phường Trần Hưng Đạo";
  d.officer_name = "Cán bộ phường";
  d.fee_lines = {{"Lệ phí chứng thực bản sao", 3, Money::dong(1000), Money::dong(3000)}};
  d.total = Money::dong(3000);
  d.total_in_words = "Ba nghìn đồng";
  d.payment_url = "https://dichvucong.example.vn/tt/H34.22.6-240426-0002/Zk3q9XvB2mLpR7sTw4Hn8Q";
  d.outstanding = Money::dong(3000);
  d.reception_at = kAt;
  return d;
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
