// Amount in words and VND formatting: run for every receipt and every fee table.
#include <benchmark/benchmark.h>

#include <array>

#include "core/amount_in_words.h"
#include "core/money.h"

namespace {

constexpr std::array<std::int64_t, 6> kAmounts = {3'000,     105'000,     1'005'000,
                                                  1'000'500, 123'456'789, 2'500'000'000};

void BM_AmountInWords(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    auto words =
        motcua::core::amount_in_words(motcua::core::Money::dong(kAmounts[i++ % kAmounts.size()]));
    benchmark::DoNotOptimize(words);
  }
}
BENCHMARK(BM_AmountInWords);

void BM_FormatVnd(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    auto text =
        motcua::core::format_vnd(motcua::core::Money::dong(kAmounts[i++ % kAmounts.size()]));
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_FormatVnd);

}  // namespace
