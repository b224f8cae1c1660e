#include "adapters/qr/qr_png.h"

#include <png.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <memory>

#include "adapters/qr/qr_svg.h"

namespace motcua::adapters::qr {
namespace {

void append_to_vector(png_structp png, png_bytep data, png_size_t length) {
  auto* out = static_cast<std::vector<std::uint8_t>*>(png_get_io_ptr(png));
  out->insert(out->end(), data, data + length);
}

void flush_nothing(png_structp) {}

// Writes the image with libpng. libpng reports errors by longjmp back here, so this function
// holds no object with a destructor: everything it touches is owned by the caller.
// Returns false on a libpng error.
bool write_png(png_structp png, png_infop info, std::uint32_t width, png_bytepp rows,
               std::vector<std::uint8_t>* out) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_write_fn(png, out, append_to_vector, flush_nothing);
  png_set_IHDR(png, info, width, width, 1, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  // QR images compress well at zlib's fastest level; a small window and state cut the set-up
  // cost, which dominates for images of a few kilobytes.
  png_set_compression_level(png, 1);
  png_set_compression_window_bits(png, 12);
  png_set_compression_mem_level(png, 2);
  png_write_info(png, info);
  png_write_image(png, rows);
  png_write_end(png, nullptr);
  return true;
}

}  // namespace

core::Result<std::vector<std::uint8_t>> render_png(const QrMatrix& matrix, std::size_t scale) {
  if (scale == 0 || scale > kMaxPngScale) {
    return core::out_of_range("PNG scale must be 1 to " + std::to_string(kMaxPngScale) +
                              " pixels per module, got " + std::to_string(scale));
  }
  const std::size_t width = (matrix.size + 2 * kQuietZone) * scale;
  const std::size_t row_bytes = (width + 7) / 8;

  // 1-bit gray: a set bit is white. Start all white, then clear the dark modules' pixels in the
  // first pixel row of each module row and copy that row `scale - 1` times.
  std::vector<std::uint8_t> pixels(row_bytes * width, 0xFF);
  for (std::size_t y = 0; y < matrix.size; ++y) {
    std::uint8_t* first = pixels.data() + (y + kQuietZone) * scale * row_bytes;
    for (std::size_t x = 0; x < matrix.size; ++x) {
      if (!matrix.dark(x, y)) continue;
      for (std::size_t px = (x + kQuietZone) * scale; px < (x + kQuietZone + 1) * scale; ++px) {
        first[px / 8] = static_cast<std::uint8_t>(first[px / 8] & ~(0x80u >> (px % 8)));
      }
    }
    for (std::size_t copy = 1; copy < scale; ++copy) {
      std::memcpy(first + copy * row_bytes, first, row_bytes);
    }
  }
  std::vector<png_bytep> rows(width);
  for (std::size_t y = 0; y < width; ++y) rows[y] = pixels.data() + y * row_bytes;

  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (png == nullptr) return core::invalid_input("libpng: cannot create a write struct");
  png_infop info = png_create_info_struct(png);
  if (info == nullptr) {
    png_destroy_write_struct(&png, nullptr);
    return core::invalid_input("libpng: cannot create an info struct");
  }
  std::vector<std::uint8_t> out;
  out.reserve(1024);
  bool ok = write_png(png, info, static_cast<std::uint32_t>(width), rows.data(), &out);
  png_destroy_write_struct(&png, &info);
  if (!ok) return core::invalid_input("libpng failed to write the QR image");
  return out;
}

core::Status write_file(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"), std::fclose);
  if (file == nullptr) {
    return core::invalid_input("cannot create " + path + ": " + std::strerror(errno));
  }
  if (std::fwrite(bytes.data(), 1, bytes.size(), file.get()) != bytes.size()) {
    return core::invalid_input("cannot write " + path + ": " + std::strerror(errno));
  }
  if (std::fclose(file.release()) != 0) {
    return core::invalid_input("cannot write " + path + ": " + std::strerror(errno));
  }
  return {};
}

}  // namespace motcua::adapters::qr
