// Runs every benchmark, then prints each registered ratio against its same-run baseline.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "ratio.h"

namespace motcua::bench {
namespace {

std::vector<Ratio>& ratios() {
  static std::vector<Ratio> all;
  return all;
}

// Keeps the per-iteration real time of each benchmark: the median aggregate when the run
// has repetitions, the single run otherwise.
class RecordingReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      std::string name = run.run_name.function_name;
      if (run.run_type == Run::RT_Aggregate) {
        if (run.aggregate_name == "median") medians_[name] = run.GetAdjustedRealTime();
      } else if (!run.error_occurred) {
        singles_[name] = run.GetAdjustedRealTime();
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }

  bool find(const std::string& name, double* time) const {
    if (auto it = medians_.find(name); it != medians_.end()) {
      *time = it->second;
      return true;
    }
    if (auto it = singles_.find(name); it != singles_.end()) {
      *time = it->second;
      return true;
    }
    return false;
  }

 private:
  std::map<std::string, double> medians_;
  std::map<std::string, double> singles_;
};

}  // namespace

Ratio::Ratio(std::string subject_name, std::string baseline_name)
    : subject(std::move(subject_name)), baseline(std::move(baseline_name)) {
  ratios().push_back(*this);
}

const std::vector<Ratio>& registered_ratios() { return ratios(); }

}  // namespace motcua::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  motcua::bench::RecordingReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  std::printf("\nRatios (median real time, same run):\n");
  for (const auto& ratio : motcua::bench::registered_ratios()) {
    double subject = 0;
    double baseline = 0;
    if (reporter.find(ratio.subject, &subject) && reporter.find(ratio.baseline, &baseline) &&
        baseline > 0) {
      std::printf("  %-40s / %-32s = %.3f\n", ratio.subject.c_str(), ratio.baseline.c_str(),
                  subject / baseline);
    } else {
      std::printf("  %-40s / %-32s = (not run)\n", ratio.subject.c_str(), ratio.baseline.c_str());
    }
  }
  return 0;
}
