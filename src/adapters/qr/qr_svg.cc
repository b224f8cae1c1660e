#include "adapters/qr/qr_svg.h"

#include <charconv>
#include <cstring>

#include "core/markup_escape.h"

namespace motcua::adapters::qr {
namespace {

void append_number(std::string& out, std::size_t value) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  (void)ec;  // 24 characters hold any size_t
  out.append(buffer, end);
}

// Writes `value` (below 1000: a QR symbol is at most 177 modules plus the quiet zone) in
// decimal at `p`; returns the end.
char* write_small_number(char* p, std::size_t value) {
  if (value >= 100) *p++ = static_cast<char>('0' + value / 100);
  if (value >= 10) *p++ = static_cast<char>('0' + value / 10 % 10);
  *p++ = static_cast<char>('0' + value % 10);
  return p;
}

}  // namespace

std::string render_svg(const QrMatrix& matrix, std::string_view title) {
  const std::size_t side = matrix.size + 2 * kQuietZone;
  std::string out;
  out.reserve(256 + title.size() * 6);
  out += R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 )";
  append_number(out, side);
  out += ' ';
  append_number(out, side);
  out += R"(" shape-rendering="crispEdges" role="img"><title>)";
  core::append_markup_escaped(out, title);
  out += R"(</title><rect width="100%" height="100%" fill="#fff"/><path fill="#000" d=")";

  // The path is the bulk of the work: write it through a pointer into a buffer sized for the
  // worst case (a run starts at most every other module; "M123 123h123v1h-123z" is 20 characters)
  // and trim it after, rather than paying a capacity check per character.
  const std::size_t header = out.size();
  out.resize(header + matrix.size * ((matrix.size + 1) / 2) * 20 + 16);
  char* p = out.data() + header;
  for (std::size_t y = 0; y < matrix.size; ++y) {
    const std::uint8_t* row = matrix.modules.data() + y * matrix.size;
    std::size_t x = 0;
    while (x < matrix.size) {
      if (row[x] == 0) {
        ++x;
        continue;
      }
      std::size_t start = x;
      while (x < matrix.size && row[x] != 0) ++x;
      *p++ = 'M';
      p = write_small_number(p, start + kQuietZone);
      *p++ = ' ';
      p = write_small_number(p, y + kQuietZone);
      *p++ = 'h';
      p = write_small_number(p, x - start);
      std::memcpy(p, "v1h-", 4);
      p += 4;
      p = write_small_number(p, x - start);
      *p++ = 'z';
    }
  }
  out.resize(static_cast<std::size_t>(p - out.data()));
  out += "\"/></svg>\n";
  return out;
}

}  // namespace motcua::adapters::qr
