#include "adapters/documents/pdf_canvas.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/civil_time.h"

namespace motcua::adapters::documents {
namespace {

double points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }
int pango_units(double points) { return static_cast<int>(points * PANGO_SCALE); }

constexpr double kCellPadX = 3.5;
constexpr double kCellPadY = 2.5;

// cairo's write callback: appends to the canvas's byte string.
cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

// "2024-04-26T07:27:52+07:00": the date in Vietnam time, as cairo writes it into the PDF.
std::string pdf_date(std::chrono::sys_seconds instant) {
  std::chrono::local_seconds local = core::to_vietnam_local(instant);
  std::chrono::local_days day = core::local_day(local);
  std::chrono::year_month_day date{day};
  std::chrono::hh_mm_ss clock{local - day};
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02ld:%02ld:%02ld+07:00",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<long>(clock.hours().count()),
                static_cast<long>(clock.minutes().count()),
                static_cast<long>(clock.seconds().count()));
  return text;
}

}  // namespace

struct Fonts::Native {
  PangoFontMap* map = nullptr;
  ~Native() {
    if (map != nullptr) g_object_unref(map);
  }
};

Fonts::Fonts() : native_(new Native) { native_->map = pango_cairo_font_map_new(); }

Fonts::~Fonts() = default;

struct PdfCanvas::Native {
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  PangoContext* context = nullptr;

  ~Native() {
    if (context != nullptr) g_object_unref(context);
    if (cr != nullptr) cairo_destroy(cr);
    if (surface != nullptr) cairo_surface_destroy(surface);
  }

  // A layout of `text` (valid UTF-8) in a box `width` points wide.
  Layout layout(std::string_view text, double width, const TextStyle& style) const {
    Layout layout(pango_layout_new(context));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family_static(font, style.sans ? "Noto Sans" : "Noto Serif");
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_size(font, pango_units(style.size));
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), pango_units(std::max(width, 1.0)));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), style.align == Align::kCenter  ? PANGO_ALIGN_CENTER
                                             : style.align == Align::kRight ? PANGO_ALIGN_RIGHT
                                                                            : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    return layout;
  }
};

PdfCanvas::PdfCanvas(const Fonts& fonts, double width, double height, double margin)
    : width_(width), height_(height), margin_(margin), y_(margin), native_(new Native) {
  native_->surface = cairo_pdf_surface_create_for_stream(append, &bytes_, width, height);
  cairo_pdf_surface_restrict_to_version(native_->surface, CAIRO_PDF_VERSION_1_5);
  native_->cr = cairo_create(native_->surface);
  native_->context = pango_font_map_create_context(fonts.native_->map);
  pango_cairo_update_context(native_->cr, native_->context);
  // Points as the unit of text sizes, and outlines without hinting: the layout is the same
  // on every machine with the same fonts, whatever the screen resolution.
  pango_cairo_context_set_resolution(native_->context, 72.0);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(native_->context, options);
  cairo_font_options_destroy(options);
  cairo_set_source_rgb(native_->cr, 0, 0, 0);
}

PdfCanvas::~PdfCanvas() = default;

void PdfCanvas::set_metadata(const std::string& title, std::chrono::sys_seconds created) {
  std::string date = pdf_date(created);
  cairo_pdf_surface_set_metadata(native_->surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(native_->surface, CAIRO_PDF_METADATA_CREATOR, "motcua");
  cairo_pdf_surface_set_metadata(native_->surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(native_->surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
}

void PdfCanvas::fail(core::Error error) {
  if (failed_) return;
  failed_ = true;
  error_ = std::move(error);
}

namespace {
bool valid_utf8(std::string_view text) {
  return g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr) != 0;
}
}  // namespace

void PdfCanvas::paragraph(std::string_view text, double x, double width, const TextStyle& style) {
  if (!valid_utf8(text)) return fail({core::ErrorKind::kInvalidInput, "text is not UTF-8"});
  Layout layout = native_->layout(text, width, style);
  double top = y_;  // where the layout's top is on this page
  double end = y_;
  PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    double line_top = top + points(logical.y);
    double line_height = points(logical.height);
    if (line_top + line_height > bottom() && line_top > margin_) {
      new_page();
      top = margin_ - points(logical.y);  // this line now starts at the top margin
    }
    cairo_move_to(native_->cr, x + points(logical.x),
                  top + points(pango_layout_iter_get_baseline(iter)));
    pango_cairo_show_layout_line(native_->cr, pango_layout_iter_get_line_readonly(iter));
    end = top + points(logical.y) + line_height;
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  y_ = end;
}

double PdfCanvas::measure(std::string_view text, double width, const TextStyle& style) {
  if (!valid_utf8(text)) {
    fail({core::ErrorKind::kInvalidInput, "text is not UTF-8"});
    return 0;
  }
  Layout layout = native_->layout(text, width, style);
  PangoRectangle logical;
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  return points(logical.height);
}

double PdfCanvas::text_at(std::string_view text, double x, double y, double width,
                          const TextStyle& style) {
  if (!valid_utf8(text)) {
    fail({core::ErrorKind::kInvalidInput, "text is not UTF-8"});
    return 0;
  }
  Layout layout = native_->layout(text, width, style);
  cairo_move_to(native_->cr, x, y);
  pango_cairo_show_layout(native_->cr, layout.get());
  PangoRectangle logical;
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  return points(logical.height);
}

void PdfCanvas::row(double x, const std::vector<double>& widths, const std::vector<Cell>& cells) {
  double height = 0;
  for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
    height = std::max(height, measure(cells[i].text, widths[i] - 2 * kCellPadX, cells[i].style));
  }
  height += 2 * kCellPadY;
  if (height > bottom() - margin_) {
    return fail({core::ErrorKind::kInvalidInput, "a table row does not fit on a page"});
  }
  keep(height);
  double cell_x = x;
  cairo_set_line_width(native_->cr, 0.6);
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (i < cells.size()) {
      text_at(cells[i].text, cell_x + kCellPadX, y_ + kCellPadY, widths[i] - 2 * kCellPadX,
              cells[i].style);
    }
    cairo_rectangle(native_->cr, cell_x, y_, widths[i], height);
    cairo_stroke(native_->cr);
    cell_x += widths[i];
  }
  y_ += height;
}

void PdfCanvas::rule(double x1, double x2, double line_width) {
  cairo_set_line_width(native_->cr, line_width);
  cairo_move_to(native_->cr, x1, y_);
  cairo_line_to(native_->cr, x2, y_);
  cairo_stroke(native_->cr);
}

void PdfCanvas::keep(double height) {
  if (y_ + height > bottom() && y_ > margin_) new_page();
}

double PdfCanvas::qr_code(std::string_view text, double x, double y, double side) {
  core::Result<qr::QrMatrix> matrix = qr::encode_qr(text);
  if (!matrix.ok()) {
    fail(matrix.error());
    return 0;
  }
  double module = side / static_cast<double>(matrix->size);
  draw_modules(*matrix, x + 4 * module, y + 4 * module, side);
  return side + 8 * module;
}

void PdfCanvas::draw_modules(const qr::QrMatrix& matrix, double x, double y, double side) {
  if (matrix.size == 0) return;
  double module = side / static_cast<double>(matrix.size);
  // Runs of dark modules in a row as one rectangle each, all filled as one path: no seams
  // between neighbouring modules when the page is rasterised.
  for (std::size_t row = 0; row < matrix.size; ++row) {
    std::size_t column = 0;
    while (column < matrix.size) {
      if (!matrix.dark(column, row)) {
        ++column;
        continue;
      }
      std::size_t start = column;
      while (column < matrix.size && matrix.dark(column, row)) ++column;
      cairo_rectangle(native_->cr, x + static_cast<double>(start) * module,
                      y + static_cast<double>(row) * module,
                      static_cast<double>(column - start) * module, module);
    }
  }
  cairo_fill(native_->cr);
}

void PdfCanvas::new_page() {
  cairo_show_page(native_->cr);
  y_ = margin_;
}

core::Result<std::string> PdfCanvas::finish() {
  cairo_surface_finish(native_->surface);
  cairo_status_t status = cairo_surface_status(native_->surface);
  if (failed_) return error_;
  if (status != CAIRO_STATUS_SUCCESS) {
    return core::Error{core::ErrorKind::kInvalidInput,
                       std::string("cairo: ") + cairo_status_to_string(status)};
  }
  return std::move(bytes_);
}

}  // namespace motcua::adapters::documents
