#pragma once

#include <string>
#include <vector>

namespace motcua::bench {

// A ratio printed after the run: median real time of `subject` over that of `baseline`, both
// measured in the same process. Register at namespace scope:
//   static const motcua::bench::Ratio kSvgRatio("BM_RenderSvg", "BM_QrencodeOnly");
struct Ratio {
  Ratio(std::string subject, std::string baseline);
  std::string subject;
  std::string baseline;
};

const std::vector<Ratio>& registered_ratios();

}  // namespace motcua::bench
