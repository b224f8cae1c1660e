#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "adapters/web/i18n.h"
#include "adapters/web/live_stream_slots.h"
#include "adapters/web/router.h"
#include "adapters/web/web_app.h"
#include "adapters/web/web_metrics.h"
#include "app/rate_limiter.h"

namespace motcua::adapters::web {

// What route handlers share: the dependencies, the router they are added to, the metrics.
struct WebApp::State {
  explicit State(WebDependencies d)
      : deps(std::move(d)),
        public_lookups(deps.clock, deps.public_lookups_per_minute, std::chrono::minutes(1)),
        screen_pairings(deps.clock, 5, std::chrono::minutes(1)),
        screens_made(deps.clock, 20, std::chrono::minutes(1)) {}
  WebDependencies deps;
  Router router;
  WebMetrics metrics;
  app::RateLimiter public_lookups;   // typed case codes per client address (public_site.h)
  app::RateLimiter screen_pairings;  // typed pairing codes per officer (counter screens)
  app::RateLimiter screens_made;     // new counter screens per client address
  LiveStreamSlots live_streams{deps.live_streams_per_client, deps.live_streams_total};
  // The public header's province line read from the agencies, kept for a minute of deps.clock
  // (public_site.cc): every public page shows it, and it changes once in years.
  struct ProvinceCache {
    std::mutex mutex;
    std::string name;
    std::optional<std::chrono::sys_seconds> read_at;
  } province_cache;
};
using WebState = WebApp::State;

// The HTTP status for each kind of domain error: the one table the web layer maps errors by.
int http_status_for(core::ErrorKind kind);

// The working calendar a request computes dates with: freshly built through
// `deps.load_calendar` when the application has one, else `deps.calendar` (not owned).
core::Result<std::shared_ptr<const core::WorkingCalendar>> current_calendar(WebState& state);

// /healthz, /metrics, /static/*.
void add_system_routes(WebState& state);

// The live pages' event streams (live_routes.cc): a case for its officer, a case under its
// pay-link token, and the cases of a console list.
void add_live_routes(WebState& state);

}  // namespace motcua::adapters::web
