#pragma once

#include <string>
#include <string_view>

#include "adapters/qr/qr_matrix.h"

namespace motcua::adapters::qr {

// The quiet zone (blank margin) that QR readers need around the symbol, in modules.
inline constexpr std::size_t kQuietZone = 4;

// A standalone SVG document of `matrix`: one module per user unit, a viewBox of
// size + 2 * kQuietZone, a white background, one black <path> of module squares (horizontal
// runs merged), shape-rendering="crispEdges", and `title` (XML-escaped) as <title> for screen
// readers. The image scales to its container; the caller sets the display size with CSS.
std::string render_svg(const QrMatrix& matrix, std::string_view title);

}  // namespace motcua::adapters::qr
