#pragma once

#include "app/qr_code_renderer.h"

namespace motcua::adapters::qr {

// QrCodeRenderer over encode_qr (error correction M, the smallest version that fits) and
// render_svg. Stateless; thread-safe.
class SvgQrCodeRenderer final : public app::QrCodeRenderer {
 public:
  core::Result<std::string> svg(std::string_view text, std::string_view title) const override;
};

}  // namespace motcua::adapters::qr
