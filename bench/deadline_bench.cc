// Deadline computation over the shipped 2024-2026 schedules: the work behind every case page.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "adapters/config/shipped_calendars.h"
#include "core/civil_time.h"
#include "core/working_calendar.h"

namespace motcua::bench {
namespace {

const core::WorkingCalendar& shipped() {
  static const core::WorkingCalendar calendar = [] {
    auto c = adapters::config::load_working_calendar({}, core::WorkingHours::standard());
    if (!c.ok()) {
      std::fprintf(stderr, "deadline_bench: %s\n", c.error().message.c_str());
      std::abort();
    }
    return std::move(c).value();
  }();
  return calendar;
}

// Received Fri 26/04/2024 07:27:52, the guide's case: crosses the 27/04-01/05 break.
void BM_DeadlineWorkingDays(benchmark::State& state) {
  const core::WorkingCalendar& calendar = shipped();
  std::chrono::local_seconds start = core::parse_local_date_time("2024-04-26 07:27:52").value();
  long long days = state.range(0);
  for (auto _ : state) {
    core::Result<core::Deadline> d = calendar.add_working_days(start, days);
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(BM_DeadlineWorkingDays)->Arg(1)->Arg(3)->Arg(15);

// Loading and validating the embedded TOML schedules (once per process start).
void BM_LoadShippedCalendars(benchmark::State& state) {
  for (auto _ : state) {
    auto c = adapters::config::load_working_calendar({}, core::WorkingHours::standard());
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(BM_LoadShippedCalendars);

}  // namespace
}  // namespace motcua::bench
