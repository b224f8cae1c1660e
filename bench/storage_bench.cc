// Storage at scale: search latency percentiles and intake writes on a synthetic database, and a
// same-run baseline of raw SQLite durable commits.
//
// Environment:
//   MOTCUA_BENCH_CASES          cases in the synthetic database (default 1000000)
//   MOTCUA_BENCH_DIR            where the SQLite files go (default: a fresh temp directory,
//                               removed at exit); an existing database of the right size there
//                               is reused, so a second run skips the generation
//   MOTCUA_BENCH_POSTGRES_URL   also run the storage benchmarks on this PostgreSQL database
//                               (its cases are replaced by the synthetic ones when the count
//                               differs)
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "adapters/config/shipped_calendars.h"
#include "adapters/storage/open_store.h"
#include "app/synthetic_seed.h"
#include "core/civil_time.h"
#include "core/vietnamese_text.h"
#include "core/working_hours.h"
#include "ratio.h"

namespace motcua::bench {
namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "storage_bench: %s\n", what.c_str());
  std::exit(1);
}

template <typename T>
T must(core::Result<T> result, const char* what) {
  if (!result.ok()) die(std::string(what) + ": " + result.error().message);
  return std::move(result).value();
}

void must(const core::Status& status, const char* what) {
  if (!status.ok()) die(std::string(what) + ": " + status.error().message);
}

std::int64_t env_count(const char* name, std::int64_t fallback) {
  const char* text = std::getenv(name);
  return text != nullptr && *text != '\0' ? std::atoll(text) : fallback;
}

const core::WorkingCalendar& calendar() {
  static const core::WorkingCalendar c =
      must(adapters::config::load_working_calendar({}, core::WorkingHours::standard()), "calendar");
  return c;
}

// A fixed "now", so the same seed gives the same database on every run.
std::chrono::sys_seconds bench_now() {
  return core::from_vietnam_local(core::parse_local_date_time("2026-11-20 17:00:00").value());
}

// Procedures like the catalogue's, by level and field (the generator's routing needs both).
std::vector<core::Procedure> bench_procedures() {
  using namespace std::chrono;
  auto fee = [](std::int64_t amount) {
    return core::ProcedureFee{
        .item = core::FeeItem{.name = "Lệ phí",
                              .unit = "lần",
                              .tiers = {{1, core::Money::dong(amount), "Lệ phí"}}},
        .valid_from = sys_days{2017y / January / 1}};
  };
  core::Procedure copy{.code = "2.000815",
                       .name = "Chứng thực bản sao từ bản chính",
                       .field = "Chứng thực",
                       .level = "Xã",
                       .processing_days = 1};
  copy.fees.push_back(core::ProcedureFee{
      .item = core::FeeItem{.name = "Phí chứng thực bản sao từ bản chính",
                            .unit = "trang",
                            .tiers = {{1, core::Money::dong(2000),
                                       "Phí chứng thực bản sao từ bản chính"},
                                      {3, core::Money::dong(1000),
                                       "Phí chứng thực bản sao từ bản chính từ trang thứ 3."}},
                            .cap_per_set = core::Money::dong(200000)},
      .valid_from = sys_days{2017y / January / 1}});
  core::Procedure signature{.code = "2.000884",
                            .name = "Chứng thực chữ ký",
                            .field = "Chứng thực",
                            .level = "Xã",
                            .processing_days = 1,
                            .fees = {fee(10000)}};
  core::Procedure birth{.code = "1.001193",
                        .name = "Đăng ký khai sinh",
                        .field = "Hộ tịch",
                        .level = "Xã",
                        .processing_days = 0};
  core::Procedure residence{.code = "1.004194",
                            .name = "Đăng ký thường trú",
                            .field = "Đăng ký, quản lý cư trú",
                            .level = "Xã (Công an cấp xã)",
                            .processing_days = 7,
                            .fees = {fee(20000)}};
  core::Procedure record{.code = "3.000333",
                         .name = "Cấp Phiếu lý lịch tư pháp",
                         .field = "Lý lịch tư pháp",
                         .level = "Tỉnh (Công an tỉnh)",
                         .processing_days = 10,
                         .fees = {fee(200000)}};
  core::Procedure business{.code = "2.000575",
                           .name = "Đăng ký thành lập hộ kinh doanh",
                           .field = "Thành lập và hoạt động của hộ kinh doanh",
                           .level = "Tỉnh",
                           .processing_days = 3,
                           .fees = {fee(100000)}};
  return {copy, signature, birth, residence, record, business};
}

// What the searches look for: a sample of the generated people and codes, regenerated from
// the seed (the generator is deterministic), so no query is needed to find them.
struct Sample {
  std::vector<std::string> id_numbers;
  std::vector<std::string> folded_names;   // "nguyen van an"
  std::vector<std::string> code_prefixes;  // "H34.22.6-2506"
};

struct Database {
  std::string label;  // "Sqlite", "Postgres"
  std::string url;
  std::unique_ptr<app::Store> store;
  std::int64_t cases = 0;
  double generation_seconds = 0;  // 0 when reused
  std::string file;               // SQLite only
};

std::int64_t stored_cases(app::Store& store) {
  std::int64_t total = 0;
  must(store.read([&](app::Repositories& repos) -> core::Status {
    core::Result<app::CasePage> page = repos.cases().search(app::CaseQuery{.page_size = 1});
    if (!page.ok()) return page.error();
    total = page->total;
    return {};
  }),
       "count cases");
  return total;
}

constexpr std::uint64_t kSeed = 20240426;

Database prepare(std::string label, std::string url, std::string file, std::int64_t cases) {
  Database db{.label = std::move(label), .url = url, .file = std::move(file)};
  must(adapters::storage::migrate(url), "migrate");
  db.store = must(adapters::storage::open_store(url), "open_store");
  std::int64_t present = stored_cases(*db.store);
  if (present != cases) {
    if (present != 0) {
      die(db.label + " database at " + url + " holds " + std::to_string(present) + " cases, not " +
          std::to_string(cases) + "; give an empty database");
    }
    std::fprintf(stderr, "storage_bench: generating %lld cases on %s ...\n",
                 static_cast<long long>(cases), db.label.c_str());
    app::SplitMix64 random(kSeed);
    auto start = Clock::now();
    app::SyntheticSeed seed(*db.store, calendar());
    must(seed.run(bench_procedures(), {.cases = cases, .now = bench_now()}, random,
                  [](std::int64_t done, std::int64_t total) {
                    if (done % 100000 == 0 || done == total) {
                      std::fprintf(stderr, "  %lld / %lld\n", static_cast<long long>(done),
                                   static_cast<long long>(total));
                    }
                  }),
         "synthetic seed");
    db.generation_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::fprintf(stderr, "storage_bench: generated %lld cases on %s in %.1f s\n",
                 static_cast<long long>(cases), db.label.c_str(), db.generation_seconds);
  }
  db.cases = cases;
  return db;
}

const Sample& sample() {
  static const Sample s = [] {
    Sample out;
    std::int64_t cases = env_count("MOTCUA_BENCH_CASES", 1000000);
    app::SplitMix64 random(kSeed);
    // The units and procedures the seed used, in the store's order (by code).
    std::vector<core::Procedure> procedures = bench_procedures();
    std::sort(procedures.begin(), procedures.end(),
              [](const auto& a, const auto& b) { return a.code < b.code; });
    app::SyntheticCaseGenerator g =
        must(app::SyntheticCaseGenerator::create(
                 {.units = app::synthetic_units(), .procedures = procedures}, calendar(),
                 {.cases = cases, .now = bench_now()}, random),
             "generator");
    std::int64_t step = std::max<std::int64_t>(1, cases / 1000);
    for (std::int64_t i = 0; !g.done(); ++i) {
      app::SyntheticCase c = must(g.next(), "generate");
      if (i % step != 0) continue;
      out.id_numbers.push_back(c.record.submitter.id_number);
      out.folded_names.push_back(must(core::search_key(c.record.submitter.name), "fold"));
      std::string code_date = core::format_iso_date(c.code_date);  // 2025-06-14
      out.code_prefixes.push_back(c.record.receiving_agency_code + "-" + code_date.substr(2, 2) +
                                  code_date.substr(5, 2));
    }
    return out;
  }();
  return s;
}

struct Temp {
  std::filesystem::path dir;
  bool owned = false;
  ~Temp() {
    if (owned) {
      std::error_code ignored;
      std::filesystem::remove_all(dir, ignored);
    }
  }
};

const Temp& temp() {
  static const Temp t = [] {
    Temp out;
    if (const char* dir = std::getenv("MOTCUA_BENCH_DIR"); dir != nullptr && *dir != '\0') {
      out.dir = dir;
      std::filesystem::create_directories(out.dir);
    } else {
      std::string pattern =
          (std::filesystem::temp_directory_path() / "motcua-bench-XXXXXX").string();
      if (mkdtemp(pattern.data()) == nullptr) die("mkdtemp failed");
      out.dir = pattern;
      out.owned = true;
    }
    return out;
  }();
  return t;
}

Database& sqlite_db() {
  static Database db = [] {
    std::string file = (temp().dir / "synthetic.db").string();
    return prepare("Sqlite", "sqlite://" + file, file, env_count("MOTCUA_BENCH_CASES", 1000000));
  }();
  return db;
}

Database* postgres_db() {
  static std::unique_ptr<Database> db = []() -> std::unique_ptr<Database> {
    const char* url = std::getenv("MOTCUA_BENCH_POSTGRES_URL");
    if (url == nullptr || *url == '\0') return nullptr;
    return std::make_unique<Database>(
        prepare("Postgres", url, "", env_count("MOTCUA_BENCH_CASES", 1000000)));
  }();
  return db.get();
}

Database* engine(std::int64_t index) { return index == 0 ? &sqlite_db() : postgres_db(); }

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  auto rank = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(rank, values.size() - 1)];
}

// Runs one search per iteration, cycling through `queries`, and reports p50/p95 in ms.
void run_search(benchmark::State& state, std::int64_t engine_index,
                const std::vector<app::CaseQuery>& queries) {
  Database* db = engine(engine_index);
  if (db == nullptr) {
    state.SkipWithError("MOTCUA_BENCH_POSTGRES_URL is not set");
    return;
  }
  std::vector<double> ms;
  std::size_t next = 0;
  std::int64_t found = 0;
  for (auto _ : state) {
    const app::CaseQuery& q = queries[next++ % queries.size()];
    auto start = Clock::now();
    must(db->store->read([&](app::Repositories& repos) -> core::Status {
      core::Result<app::CasePage> page = repos.cases().search(q);
      if (!page.ok()) return page.error();
      found += page->total;
      benchmark::DoNotOptimize(page->items.data());
      return {};
    }),
         "search");
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  state.counters["p50_ms"] = percentile(ms, 0.50);
  state.counters["p95_ms"] = percentile(ms, 0.95);
  state.counters["avg_total"] =
      static_cast<double>(found) / static_cast<double>(std::max<std::size_t>(1, ms.size()));
  state.SetLabel(db->label + ", " + std::to_string(db->cases) + " cases");
}

void BM_SearchCodePrefix(benchmark::State& state, std::int64_t engine_index) {
  std::vector<app::CaseQuery> queries;
  for (const std::string& prefix : sample().code_prefixes) {
    queries.push_back(app::CaseQuery{.code_prefix = prefix});
  }
  run_search(state, engine_index, queries);
}

void BM_SearchIdNumber(benchmark::State& state, std::int64_t engine_index) {
  std::vector<app::CaseQuery> queries;
  for (const std::string& id : sample().id_numbers) queries.push_back({.id_number = id});
  run_search(state, engine_index, queries);
}

// Names typed without diacritics: common ones ("nguyen van an" matches thousands), the
// guide's "ngoc gia", and sampled full names.
void BM_SearchNameWithoutDiacritics(benchmark::State& state, std::int64_t engine_index) {
  std::vector<app::CaseQuery> queries = {{.name = "nguyen van an"}, {.name = "ngoc gia"}};
  for (std::size_t i = 0; i < sample().folded_names.size() && i < 200; ++i) {
    queries.push_back({.name = sample().folded_names[i]});
  }
  run_search(state, engine_index, queries);
}

// Intake: one case per durable transaction (allocate the code, insert case and fee lines), as
// the counter does.
void BM_IntakeWrite(benchmark::State& state, std::int64_t engine_index) {
  Database* db = engine(engine_index);
  if (db == nullptr) {
    state.SkipWithError("MOTCUA_BENCH_POSTGRES_URL is not set");
    return;
  }
  app::SplitMix64 random(static_cast<std::uint64_t>(Clock::now().time_since_epoch().count()));
  std::vector<core::Procedure> procedures = bench_procedures();
  app::SyntheticCaseGenerator g =
      must(app::SyntheticCaseGenerator::create(
               {.units = app::synthetic_units(), .procedures = procedures}, calendar(),
               {.cases = 1000000, .now = bench_now(), .days_back = 5}, random),
           "generator");
  for (auto _ : state) {
    state.PauseTiming();
    app::SyntheticCase c = must(g.next(), "generate");
    state.ResumeTiming();
    must(db->store->transact([&](app::Repositories& repos) -> core::Status {
      const std::string& agency = c.record.receiving_agency_code;
      const core::CaseCodePattern& pattern = g.pattern_of(agency);
      core::Result<std::int64_t> seq =
          repos.sequences().next(pattern.scope_key(agency, c.code_date));
      if (!seq.ok()) return seq.error();
      core::Result<std::string> code = pattern.format(agency, c.code_date, *seq);
      if (!code.ok()) return code.error();
      c.record.code = *code;
      core::Result<std::int64_t> id = repos.cases().insert(c.record);
      return id.ok() ? core::Status{} : core::Status{id.error()};
    }),
         "intake");
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(db->label);
}

// Size of the database file (with its WAL, checkpointed) per 1,000 cases; SQLite only.
void BM_DatabaseSize(benchmark::State& state) {
  Database& db = sqlite_db();
  std::uintmax_t bytes = 0;
  for (auto _ : state) {
    std::error_code ec;
    bytes = std::filesystem::file_size(db.file, ec);
    std::uintmax_t wal = std::filesystem::file_size(db.file + "-wal", ec);
    if (!ec) bytes += wal;
  }
  state.counters["MB_total"] = static_cast<double>(bytes) / 1e6;
  state.counters["kB_per_1000_cases"] =
      static_cast<double>(bytes) / 1e3 / (static_cast<double>(db.cases) / 1000.0);
  state.counters["generation_s"] = db.generation_seconds;
}

// Baseline: raw sqlite3 C API, one single-row INSERT per durable commit, with the same
// settings as motcua's connections (WAL, synchronous=FULL), on the same disk.
void BM_SqliteRawCommit(benchmark::State& state) {
  std::string file = (temp().dir / "raw.db").string();
  sqlite3* db = nullptr;
  if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) die("sqlite3_open");
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v BIGINT, s TEXT)",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t (v, s) VALUES (?, ?)", -1, &insert, nullptr);
  sqlite3_int64 n = 0;
  for (auto _ : state) {
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_bind_int64(insert, 1, ++n);
    sqlite3_bind_text(insert, 2, "H34.22.6-240426-0002", -1, SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) die(sqlite3_errmsg(db));
    sqlite3_reset(insert);
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) die("COMMIT");
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
  state.SetItemsProcessed(state.iterations());
}

// Registration order is run order: SQLite first (it generates the database), then PostgreSQL.
BENCHMARK_CAPTURE(BM_SearchCodePrefix, Sqlite, 0)->Iterations(400)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SearchIdNumber, Sqlite, 0)->Iterations(400)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SearchNameWithoutDiacritics, Sqlite, 0)
    ->Iterations(200)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_IntakeWrite, Sqlite, 0)->Iterations(2000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DatabaseSize)->Iterations(1);
BENCHMARK(BM_SqliteRawCommit)->Iterations(2000)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_SearchCodePrefix, Postgres, 1)->Iterations(400)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SearchIdNumber, Postgres, 1)->Iterations(400)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SearchNameWithoutDiacritics, Postgres, 1)
    ->Iterations(200)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_IntakeWrite, Postgres, 1)->Iterations(2000)->Unit(benchmark::kMicrosecond);

// Our intake time per case over the raw commit's (intake rate / raw rate is its inverse).
const Ratio kIntakeRatio("BM_IntakeWrite/Sqlite", "BM_SqliteRawCommit");

}  // namespace
}  // namespace motcua::bench
