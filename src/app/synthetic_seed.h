#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/store.h"
#include "core/agency.h"
#include "core/case_code.h"
#include "core/case_record.h"
#include "core/procedure.h"
#include "core/result.h"
#include "core/working_calendar.h"

// `motcua seed synthetic`: realistic cases in bulk, for load tests, benchmarks and demos of
// search. The generator is pure and deterministic (same world, calendar, options and seed give
// the same cases on every machine); the use case stores what it generates.
namespace motcua::app {

// Port: uniformly distributed 64-bit values. Injected so that generation is reproducible.
class RandomSource {
 public:
  virtual ~RandomSource();
  virtual std::uint64_t next_u64() = 0;
};

// SplitMix64 (Steele, Lea and Flood, 2014): tiny and fast, and unlike std::mt19937 with the
// standard distributions, it gives the same values with every standard library.
class SplitMix64 final : public RandomSource {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next_u64() override;

 private:
  std::uint64_t state_;
};

// A receiving unit of the synthetic world and the level of procedures it takes in.
enum class UnitLevel { kWard, kProvince };
struct SyntheticUnit {
  core::Agency agency;
  UnitLevel level = UnitLevel::kWard;
  // Fields (lĩnh vực) this unit takes even though they are not of its level's procedures; the
  // Sở Tư pháp takes "Lý lịch tư pháp". Empty: every procedure of its level.
  std::vector<std::string> only_fields;
};

// Kon Tum's province (H34, succeeded by H48 from 2025-07-01), the ten wards of Kon Tum city,
// Sở Tư pháp (H34.4) and the province's public administration service centre. H34, H34.4 and
// H34.22.6 are the guide's codes; the other units' codes, tax codes and accounts are invented.
std::vector<SyntheticUnit> synthetic_units();
// The agencies that are not receiving units themselves (the provinces), saved with the units.
std::vector<core::Agency> synthetic_parent_agencies();

struct SyntheticWorld {
  std::vector<SyntheticUnit> units;
  std::vector<core::Procedure> procedures;
  // Staff ids per agency code, for "Cán bộ" of received cases (none: cases stay unassigned).
  std::map<std::string, std::vector<std::int64_t>> officers;
};

struct SyntheticOptions {
  std::int64_t cases = 0;
  std::chrono::sys_seconds now{};  // cases are received before this instant
  std::int64_t days_back = 913;    // about two and a half years
};

// A generated case and the day its code carries.
struct SyntheticCase {
  core::CaseRecord record;  // code empty: the caller numbers it
  std::chrono::year_month_day code_date;
};

// Generates `options.cases` cases in order of submission, spread over the working days of the
// last `days_back` days, in office hours (Vietnam time). Each case has a receiving unit of the
// procedure's level, a submitter (and sometimes a different owner) with a Vietnamese name
// (NFC, diacritics, family names by their real frequency), a CCCD of the real shape, an address
// and a phone; fee lines from the procedure's fees that apply on the day (some paid); a status
// that fits the case's age; a deadline and appointment from the working calendar.
class SyntheticCaseGenerator {
 public:
  // kInvalidInput: no units, no procedures, a negative count, no working day in the range, or a
  // procedure whose level no unit takes.
  static core::Result<SyntheticCaseGenerator> create(SyntheticWorld world,
                                                     const core::WorkingCalendar& calendar,
                                                     SyntheticOptions options,
                                                     RandomSource& random);

  bool done() const { return produced_ == options_.cases; }
  std::int64_t produced() const { return produced_; }

  // The next case. REQUIRES: !done().
  core::Result<SyntheticCase> next();

  // The pattern of the unit with this code (parsed once).
  const core::CaseCodePattern& pattern_of(const std::string& agency_code) const;

 private:
  SyntheticCaseGenerator(SyntheticWorld world, const core::WorkingCalendar& calendar,
                         SyntheticOptions options, RandomSource& random);

  struct Day {
    std::chrono::sys_days day;
    std::int64_t cases;
  };

  std::uint64_t below(std::uint64_t bound);  // uniform in [0, bound)
  bool chance(std::uint32_t per_mille);
  core::CasePerson person(std::chrono::sys_days today);
  std::vector<std::chrono::local_seconds> times_of_day(std::chrono::sys_days day, std::int64_t n);
  core::Result<SyntheticCase> make_case(std::chrono::local_seconds submitted);

  SyntheticWorld world_;
  const core::WorkingCalendar* calendar_;
  SyntheticOptions options_;
  RandomSource* random_;
  std::vector<Day> days_;
  std::vector<std::uint32_t> procedure_weights_;  // cumulative
  std::map<std::string, core::CaseCodePattern> patterns_;
  std::map<std::string, std::vector<std::size_t>> units_by_procedure_;
  std::size_t day_index_ = 0;
  std::vector<std::chrono::local_seconds> pending_;  // the current day's times, latest first
  std::int64_t produced_ = 0;
};

// Progress of a long run: cases stored so far, out of the total.
using SeedProgress = std::function<void(std::int64_t done, std::int64_t total)>;

struct SyntheticSeedReport {
  std::int64_t cases = 0;
  std::int64_t fee_lines = 0;
};

// Saves the synthetic units and `procedures` that are not stored yet (stored ones are left as
// they are), then generates cases of every stored procedure and stores them, `batch_size` per
// transaction, each numbered by its unit's pattern from the SequenceRepository, so codes are unique
// and the sequences stay consistent with any case stored before or after. Officers are the unit's
// staff in the store. Reports progress after each batch.
class SyntheticSeed {
 public:
  SyntheticSeed(Store& store, const core::WorkingCalendar& calendar);

  core::Result<SyntheticSeedReport> run(std::vector<core::Procedure> procedures,
                                        SyntheticOptions options, RandomSource& random,
                                        const SeedProgress& progress = {},
                                        std::int64_t batch_size = 25000);

 private:
  Store& store_;
  const core::WorkingCalendar& calendar_;
};

}  // namespace motcua::app
