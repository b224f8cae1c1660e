#pragma once
// The public catalogue and the public case lookup (catalogue_pages.cc).
#include "adapters/web/web_state.h"

namespace motcua::adapters::web {

// Routes: "Thủ tục hành chính" /thu-tuc-hanh-chinh?q=&linh_vuc=&cap=&nhom=&trang=, the
// procedure page /thu-tuc-hanh-chinh/{code}, the site search /tim-kiem?q=&trang= and "Tra cứu
// hồ sơ" /tra-cuu-ho-so?ma=&cccd=. Register before add_public_routes (its honest "not built
// yet" pages must not claim these paths).
void add_catalogue_routes(WebState& state);

}  // namespace motcua::adapters::web
