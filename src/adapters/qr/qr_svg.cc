#include "adapters/qr/qr_svg.h"

#include <charconv>

namespace motcua::adapters::qr {
namespace {

void append_number(std::string& out, std::size_t value) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  (void)ec;  // 24 characters hold any size_t
  out.append(buffer, end);
}

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace

std::string render_svg(const QrMatrix& matrix, std::string_view title) {
  const std::size_t side = matrix.size + 2 * kQuietZone;
  std::string out;
  // Header and footer take ~250 characters; a run ~14 ("M12 34h5v1h-5z"), about one per four
  // modules.
  out.reserve(300 + title.size() * 2 + matrix.size * matrix.size * 4);
  out += R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 )";
  append_number(out, side);
  out += ' ';
  append_number(out, side);
  out += R"(" shape-rendering="crispEdges" role="img"><title>)";
  append_escaped(out, title);
  out += R"(</title><rect width="100%" height="100%" fill="#fff"/><path fill="#000" d=")";
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
      out += 'M';
      append_number(out, start + kQuietZone);
      out += ' ';
      append_number(out, y + kQuietZone);
      out += 'h';
      append_number(out, x - start);
      out += "v1h-";
      append_number(out, x - start);
      out += 'z';
    }
  }
  out += R"("/></svg>)";
  out += '\n';
  return out;
}

}  // namespace motcua::adapters::qr
