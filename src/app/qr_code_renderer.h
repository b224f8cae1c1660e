#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace motcua::app {

// Port: draws QR codes for pages (the pay link on the public payment page and the intake
// slip), so that the web adapter does not depend on the QR adapter.
class QrCodeRenderer {
 public:
  virtual ~QrCodeRenderer();
  // A standalone <svg> of `text` as a QR code, with `title` (escaped) read out by screen
  // readers; safe to embed in HTML as is. kInvalidInput when `text` cannot be encoded.
  virtual core::Result<std::string> svg(std::string_view text, std::string_view title) const = 0;
};

}  // namespace motcua::app
