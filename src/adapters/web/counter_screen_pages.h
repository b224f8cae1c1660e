#pragma once
// Màn hình phụ, the counter screen (app/counter_screens.h), on the web: the tablet's page
// "/man-hinh-phu" (public, no sign-in; its cookie is the screen's secret) and its state
// "/man-hinh-phu/trang-thai" (JSON the page's script polls every second), the officer's
// console page "/can-bo/man-hinh-phu" (pair with the code, "Ngắt kết nối") and "Hiển thị cho
// người nộp" on the case page (POST /can-bo/ho-so/{code}/man-hinh-phu).
#include <string_view>

#include "adapters/web/http_message.h"
#include "adapters/web/template_data.h"
#include "adapters/web/web_state.h"

namespace motcua::adapters::web {

void add_counter_screen_routes(WebState& state);

// The case page's "Hiển thị cho người nộp" button (shown when something is outstanding) and
// the notice after a push: sets "screen_push_action" and "screen_notice" in `data`.
void add_counter_screen_push(const HttpRequest& request, TemplateData& data,
                             std::string_view case_code, bool outstanding);

}  // namespace motcua::adapters::web
