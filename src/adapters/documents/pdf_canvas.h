#pragma once
// A page-flowing PDF canvas over cairo and pango for the printed documents: text laid out by
// pango with fontconfig's Noto fonts (cairo embeds the subsets used), a cursor that moves down
// the page and onto a new page when the next line does not fit, ruled tables, and vector QR
// codes. Lengths are PDF points (1/72 inch); text sizes are points too.
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/qr/qr_matrix.h"
#include "core/result.h"

namespace motcua::adapters::documents {

constexpr double kMillimetre = 72.0 / 25.4;

enum class Align { kLeft, kCenter, kRight };

struct TextStyle {
  double size = 10.5;
  bool bold = false;
  bool italic = false;
  bool sans = false;  // Noto Sans instead of Noto Serif
  Align align = Align::kLeft;
};

// One cell of a table row: its text and style.
struct Cell {
  std::string text;
  TextStyle style;
};

// The fonts the canvases lay text out with: one pango font map over fontconfig, with its caches
// of loaded faces. A font map is not thread-safe: hold `lock` for as long as a canvas over it
// lives. Owned (not pango's per-thread default) so that it is released with its owner.
class Fonts {
 public:
  Fonts();
  ~Fonts();
  Fonts(const Fonts&) = delete;
  Fonts& operator=(const Fonts&) = delete;

  std::unique_lock<std::mutex> lock() const { return std::unique_lock(mutex_); }

 private:
  friend class PdfCanvas;
  struct Native;
  std::unique_ptr<Native> native_;
  mutable std::mutex mutex_;
};

class PdfCanvas {
 public:
  // A document of pages `width` x `height` points with `margin` on every side, laid out with
  // `fonts` (locked by the caller).
  PdfCanvas(const Fonts& fonts, double width, double height, double margin);
  ~PdfCanvas();
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  // The document's title and its creation and modification date (the only date in the file,
  // so the same document gives the same bytes).
  void set_metadata(const std::string& title, std::chrono::sys_seconds created);

  double left() const { return margin_; }
  double content_width() const { return width_ - 2 * margin_; }
  double y() const { return y_; }
  void set_y(double y) { y_ = y; }
  void space(double points) { y_ += points; }

  // `text` in a box `width` wide at x, from the cursor down, wrapped at words (inside a word
  // when one is wider than the box); every line that would pass the bottom margin starts a new
  // page. Moves the cursor below the text.
  void paragraph(std::string_view text, double x, double width, const TextStyle& style);
  // The height `text` takes in a box `width` wide.
  double measure(std::string_view text, double width, const TextStyle& style);
  // Draws `text` with its top at y without moving the cursor or breaking pages (for short
  // texts side by side: headers, signatures). Returns its height.
  double text_at(std::string_view text, double x, double y, double width, const TextStyle& style);

  // A table row of cells `widths` wide starting at x, ruled on every side, text padded. A row
  // that does not fit below the cursor goes to a new page; one taller than a whole page is an
  // error (kInvalidInput, reported by finish()).
  void row(double x, const std::vector<double>& widths, const std::vector<Cell>& cells);

  // A horizontal line from x1 to x2 at the cursor.
  void rule(double x1, double x2, double line_width = 0.6);

  // Starts a new page when less than `height` is left below the cursor.
  void keep(double height);

  // The QR code of `text` (medium error correction) as filled squares: the symbol `side`
  // wide inside its blank 4-module quiet zone, whose top left corner is (x, y). Returns the
  // outer width (symbol and quiet zone); 0, and a failure, when `text` cannot be encoded.
  double qr_code(std::string_view text, double x, double y, double side);

  // Records a failure (the first one wins); finish() returns it.
  void fail(core::Error error);

  // Ends the last page and returns the PDF's bytes, or the first failure.
  core::Result<std::string> finish();

 private:
  struct Native;
  void new_page();
  void draw_modules(const qr::QrMatrix& matrix, double x, double y, double side);
  double bottom() const { return height_ - margin_; }

  double width_;
  double height_;
  double margin_;
  double y_;
  std::string bytes_;
  std::unique_ptr<Native> native_;
  bool failed_ = false;
  core::Error error_{core::ErrorKind::kInvalidInput, {}};
};

}  // namespace motcua::adapters::documents
