#include "adapters/qr/qr_matrix.h"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>

namespace motcua::adapters::qr {
namespace {

QRecLevel to_qrencode(QrErrorCorrection level) {
  switch (level) {
    case QrErrorCorrection::kLow:
      return QR_ECLEVEL_L;
    case QrErrorCorrection::kMedium:
      return QR_ECLEVEL_M;
    case QrErrorCorrection::kQuartile:
      return QR_ECLEVEL_Q;
    case QrErrorCorrection::kHigh:
      return QR_ECLEVEL_H;
  }
  return QR_ECLEVEL_M;
}

struct QrcodeDeleter {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

core::Result<QrMatrix> encode_qr(std::string_view text, QrErrorCorrection level) {
  if (text.empty()) return core::invalid_input("QR text is empty");
  if (text.find('\0') != std::string_view::npos) {
    return core::invalid_input("QR text holds a NUL byte, which libqrencode cannot take");
  }
  std::string terminated(text);  // libqrencode wants a C string
  errno = 0;
  std::unique_ptr<QRcode, QrcodeDeleter> code(
      QRcode_encodeString(terminated.c_str(), 0, to_qrencode(level), QR_MODE_8, 1));
  if (code == nullptr) {
    if (errno == ERANGE) {
      return core::out_of_range("QR text of " + std::to_string(text.size()) +
                                " bytes does not fit in a QR code at this error correction level");
    }
    return core::invalid_input(std::string("QR encoding failed: ") + std::strerror(errno));
  }
  QrMatrix matrix;
  matrix.size = static_cast<std::size_t>(code->width);
  matrix.modules.resize(matrix.size * matrix.size);
  // libqrencode sets bit 0 of each byte for a dark module; other bits describe the module's role.
  for (std::size_t i = 0; i < matrix.modules.size(); ++i) {
    matrix.modules[i] = static_cast<std::uint8_t>(code->data[i] & 1u);
  }
  return matrix;
}

}  // namespace motcua::adapters::qr
