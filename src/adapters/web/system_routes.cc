// Routes that are not pages: health, metrics, static files, and the error-status table.
#include <cstdio>
#include <map>

#include "adapters/embedded_file.h"
#include "adapters/web/web_state.h"

namespace motcua::adapters::web {

std::span<const EmbeddedFile> shipped_static_files();

namespace {

std::string content_type_of(std::string_view name) {
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

// A weak validator for caching: FNV-1a of the content.
std::string etag_of(std::string_view content) {
  std::uint64_t hash = 1469598103934665603ull;
  for (char c : content) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  char text[24];
  std::snprintf(text, sizeof text, "\"%016llx\"", static_cast<unsigned long long>(hash));
  return text;
}

}  // namespace

int http_status_for(core::ErrorKind kind) {
  switch (kind) {
    case core::ErrorKind::kInvalidInput:
    case core::ErrorKind::kOutOfRange:
    case core::ErrorKind::kOverflow:
      return 422;
    case core::ErrorKind::kIllegalTransition:
    case core::ErrorKind::kConflict:
      return 409;
    case core::ErrorKind::kNotFound:
      return 404;
    case core::ErrorKind::kForbidden:
      return 403;
    case core::ErrorKind::kUnauthenticated:
      return 401;
    case core::ErrorKind::kRateLimited:
      return 429;
    case core::ErrorKind::kStorage:
    case core::ErrorKind::kUnavailable:
      return 503;
  }
  return 500;
}

core::Result<std::shared_ptr<const core::WorkingCalendar>> current_calendar(WebState& state) {
  if (!state.deps.load_calendar) {
    return std::shared_ptr<const core::WorkingCalendar>(std::shared_ptr<void>(),
                                                        &state.deps.calendar);
  }
  core::Result<core::WorkingCalendar> built = state.deps.load_calendar();
  if (!built.ok()) return built.error();
  return std::shared_ptr<const core::WorkingCalendar>(
      std::make_shared<core::WorkingCalendar>(std::move(built).value()));
}

void add_system_routes(WebState& state) {
  state.router.add("GET", "/healthz", [&state](HttpRequest&) {
    core::Status reachable = state.deps.store.read([](app::Repositories& r) -> core::Status {
      auto value = r.settings().get("healthz");
      return value.ok() ? core::Status{} : core::Status{value.error()};
    });
    return reachable.ok() ? HttpResponse::text(200, "ok\n")
                          : HttpResponse::text(503, "database unreachable\n");
  });
  state.router.add("GET", "/metrics", [&state](HttpRequest&) {
    HttpResponse r =
        HttpResponse::text(200, state.metrics.prometheus_text(state.deps.store_metrics) +
                                    live_stream_metrics(state.live_streams));
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    return r;
  });
  state.router.add("GET", "/static/{name}", [](HttpRequest& request) {
    for (const EmbeddedFile& file : shipped_static_files()) {
      if (file.name != request.path_params["name"]) continue;
      std::string etag = etag_of(file.content);
      if (request.header("If-None-Match") == etag) {
        return HttpResponse{304, content_type_of(file.name), {{"ETag", etag}}, ""};
      }
      HttpResponse r{200, content_type_of(file.name), {}, std::string(file.content)};
      r.with_header("ETag", etag).with_header("Cache-Control", "public, max-age=3600");
      return r;
    }
    return HttpResponse::text(404, "Not Found\n");
  });
}

}  // namespace motcua::adapters::web
