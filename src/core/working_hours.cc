#include "core/working_hours.h"

#include <utility>

namespace motcua::core {
namespace {

using std::chrono::minutes;

// "HH:MM" with 00 <= HH <= 24, 00 <= MM <= 59, and 24 only as 24:00.
bool parse_clock(std::string_view text, minutes* out) {
  if (text.size() != 5 || text[2] != ':') return false;
  for (size_t i : {0u, 1u, 3u, 4u}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  int h = (text[0] - '0') * 10 + (text[1] - '0');
  int m = (text[3] - '0') * 10 + (text[4] - '0');
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return false;
  *out = minutes{h * 60 + m};
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

void append_clock(std::string& out, minutes m) {
  auto total = m.count();
  out.push_back(static_cast<char>('0' + total / 600));
  out.push_back(static_cast<char>('0' + total / 60 % 10));
  out.push_back(':');
  out.push_back(static_cast<char>('0' + total % 60 / 10));
  out.push_back(static_cast<char>('0' + total % 10));
}

}  // namespace

WorkingHours::WorkingHours(std::vector<WorkingWindow> windows) : windows_(std::move(windows)) {
  for (const WorkingWindow& w : windows_) per_day_ += w.end - w.begin;
}

WorkingHours WorkingHours::standard() {
  using std::chrono::hours;
  return WorkingHours({{hours{7}, hours{11}}, {hours{13}, hours{17}}});
}

Result<WorkingHours> WorkingHours::create(std::vector<WorkingWindow> windows) {
  if (windows.empty()) return invalid_input("working hours need at least one window");
  minutes previous_end{0};
  for (const WorkingWindow& w : windows) {
    if (w.begin < minutes{0} || w.end > std::chrono::hours{24}) {
      return invalid_input("a working-hours window lies outside 00:00-24:00");
    }
    if (w.begin >= w.end) return invalid_input("a working-hours window must end after it begins");
    if (w.begin < previous_end) {
      return invalid_input("working-hours windows must be in order and must not overlap");
    }
    previous_end = w.end;
  }
  return WorkingHours(std::move(windows));
}

Result<WorkingHours> WorkingHours::parse(std::string_view text) {
  Error error = invalid_input("'" + std::string(text) +
                              "' is not valid working hours (expected e.g. "
                              "\"07:00-11:00,13:00-17:00\")");
  std::vector<WorkingWindow> windows;
  while (true) {
    size_t comma = text.find(',');
    std::string_view item = trim(text.substr(0, comma));
    size_t dash = item.find('-');
    if (dash == std::string_view::npos) return error;
    WorkingWindow w;
    if (!parse_clock(trim(item.substr(0, dash)), &w.begin) ||
        !parse_clock(trim(item.substr(dash + 1)), &w.end)) {
      return error;
    }
    windows.push_back(w);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return create(std::move(windows));
}

std::string WorkingHours::to_string() const {
  std::string out;
  for (const WorkingWindow& w : windows_) {
    if (!out.empty()) out.push_back(',');
    append_clock(out, w.begin);
    out.push_back('-');
    append_clock(out, w.end);
  }
  return out;
}

}  // namespace motcua::core
