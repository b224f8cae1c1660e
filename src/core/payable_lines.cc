#include "core/payable_lines.h"

#include <algorithm>
#include <set>
#include <string>

namespace motcua::core {

Result<PayableLines> choose_payable_lines(const std::vector<FeeLine>& case_lines,
                                          const std::vector<std::int64_t>& chosen_ids) {
  std::set<std::int64_t> chosen;
  for (std::int64_t id : chosen_ids) {
    if (!chosen.insert(id).second) {
      return invalid_input("fee line " + std::to_string(id) + " is chosen twice");
    }
    auto line = std::find_if(case_lines.begin(), case_lines.end(),
                             [&](const FeeLine& l) { return l.id == id; });
    if (line == case_lines.end()) {
      return invalid_input("fee line " + std::to_string(id) + " is not a line of this case");
    }
    if (line->paid) {
      return Error{ErrorKind::kConflict, "fee line " + std::to_string(id) + " is already paid"};
    }
    if (line->amount <= Money{}) {
      return invalid_input("fee line " + std::to_string(id) + " has nothing to pay");
    }
  }
  PayableLines out;
  for (const FeeLine& line : case_lines) {
    bool wanted = chosen.empty() ? !line.paid && line.amount > Money{} : chosen.contains(line.id);
    if (!wanted) continue;
    Result<Money> total = checked_add(out.total, line.amount);
    if (!total.ok()) return total.error();
    out.total = total.value();
    out.lines.push_back(line);
  }
  return out;
}

}  // namespace motcua::core
