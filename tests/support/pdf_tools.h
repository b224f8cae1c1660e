#pragma once
// Reads a PDF back with independent tools (poppler-utils and zbar): its text, its fonts, and
// the QR code on its first page. Each writes the bytes to a file in `dir` first.
#include <fstream>
#include <string>

#include "run_process.h"
#include "temp_dir.h"

namespace motcua::testing {

inline std::string write_pdf(const TempDir& dir, const std::string& bytes,
                             const std::string& name = "document.pdf") {
  std::string path = dir.file(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// `pdftotext -layout`-free text of every page (UTF-8), as a reader would copy it.
inline ProcessResult pdf_text(const TempDir& dir, const std::string& bytes) {
  return run_process("pdftotext -enc UTF-8 " + shell_quote(write_pdf(dir, bytes)) + " -");
}

// `pdffonts`: one row per font with its type, encoding and "emb" / "sub" columns.
inline ProcessResult pdf_fonts(const TempDir& dir, const std::string& bytes) {
  return run_process("pdffonts " + shell_quote(write_pdf(dir, bytes)));
}

// The first page rasterised at `dpi` with pdftoppm, then read by zbarimg: the QR code's
// text (without zbarimg's newline), or zbarimg's failure in `err`.
inline ProcessResult pdf_qr(const TempDir& dir, const std::string& bytes, int dpi = 150) {
  std::string pdf = write_pdf(dir, bytes);
  std::string prefix = dir.file("page");
  ProcessResult raster =
      run_process("pdftoppm -r " + std::to_string(dpi) + " -f 1 -l 1 -singlefile -png " +
                  shell_quote(pdf) + " " + shell_quote(prefix));
  if (raster.exit_code != 0) return raster;
  ProcessResult read = run_process("zbarimg --raw -q " + shell_quote(prefix + ".png"));
  if (!read.out.empty() && read.out.back() == '\n') read.out.pop_back();
  return read;
}

}  // namespace motcua::testing
