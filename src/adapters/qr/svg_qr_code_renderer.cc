#include "adapters/qr/svg_qr_code_renderer.h"

#include "adapters/qr/qr_matrix.h"
#include "adapters/qr/qr_svg.h"

namespace motcua::adapters::qr {

core::Result<std::string> SvgQrCodeRenderer::svg(std::string_view text,
                                                 std::string_view title) const {
  core::Result<QrMatrix> matrix = encode_qr(text, QrErrorCorrection::kMedium);
  if (!matrix.ok()) return matrix.error();
  return render_svg(*matrix, title);
}

}  // namespace motcua::adapters::qr
