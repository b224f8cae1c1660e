#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace motcua::adapters::qr {

// QR error correction levels: the share of the symbol that may be damaged and still read.
enum class QrErrorCorrection { kLow, kMedium, kQuartile, kHigh };  // ~7%, 15%, 25%, 30%

// The modules of a QR symbol, without quiet zone: `size` x `size`, row-major, 1 = dark.
struct QrMatrix {
  std::size_t size = 0;
  std::vector<std::uint8_t> modules;

  bool dark(std::size_t x, std::size_t y) const { return modules[y * size + x] != 0; }
};

// Encodes `text` byte for byte (libqrencode, 8-bit mode for non-alphanumeric runs,
// case-sensitive, smallest version that fits). Fails when `text` is empty, holds a NUL byte,
// or does not fit in a version-40 symbol at `level`.
core::Result<QrMatrix> encode_qr(std::string_view text,
                                 QrErrorCorrection level = QrErrorCorrection::kMedium);

}  // namespace motcua::adapters::qr
