#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "adapters/qr/qr_matrix.h"
#include "core/result.h"

namespace motcua::adapters::qr {

// The largest scale render_png accepts, in pixels per module.
inline constexpr std::size_t kMaxPngScale = 64;

// A 1-bit grayscale PNG of `matrix`: `scale` pixels per module, the 4-module quiet zone
// included, black on white. Fails when scale is 0 or above kMaxPngScale, or libpng reports an
// error.
core::Result<std::vector<std::uint8_t>> render_png(const QrMatrix& matrix, std::size_t scale);

// Writes `bytes` to `path`, replacing any file there. Fails, naming the path and the reason,
// when the file cannot be created or written.
core::Status write_file(const std::string& path, const std::vector<std::uint8_t>& bytes);

}  // namespace motcua::adapters::qr
