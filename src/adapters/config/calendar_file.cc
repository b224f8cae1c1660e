// The only translation unit that includes toml++ (it is slow to compile).
#include "adapters/config/calendar_file.h"

#include <toml++/toml.h>
#include <chrono>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include "core/vietnamese_text.h"

namespace motcua::adapters::config {
namespace {

using core::CalendarEntry;
using core::CalendarEntryKind;
using core::Result;

std::optional<std::chrono::sys_days> to_sys_days(const toml::node* node) {
  if (node == nullptr || !node->is_date()) return std::nullopt;
  toml::date d = node->as_date()->get();
  std::chrono::year_month_day ymd{std::chrono::year{d.year}, std::chrono::month{d.month},
                                  std::chrono::day{d.day}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

// Fails unless every key of `table` is in `allowed`.
std::optional<std::string> unknown_key(const toml::table& table,
                                       std::initializer_list<std::string_view> allowed) {
  for (auto&& [key, value] : table) {
    (void)value;
    bool known = false;
    for (std::string_view a : allowed) known = known || key.str() == a;
    if (!known) return std::string(key.str());
  }
  return std::nullopt;
}

class Parser {
 public:
  explicit Parser(std::string_view origin) : origin_(origin) {}

  Result<core::YearCalendar> parse(const toml::table& root) {
    if (auto key = unknown_key(root, {"year", "confirmed", "source", "day_off", "make_up_day"})) {
      return fail("unknown key '" + *key + "'");
    }
    std::optional<int64_t> year = root["year"].value<int64_t>();
    if (!root["year"].is_integer() || !year) return fail("'year' must be an integer");
    if (*year < 1800 || *year > 2199) return fail("'year' must be between 1800 and 2199");
    if (!root["confirmed"].is_boolean()) return fail("'confirmed' must be true or false");
    bool confirmed = *root["confirmed"].value<bool>();
    std::string source;
    if (root.contains("source")) {
      if (!root["source"].is_string()) return fail("'source' must be a string");
      source = *root["source"].value<std::string>();
    }
    std::vector<CalendarEntry> entries;
    for (auto [key, kind] : {std::pair{"day_off", CalendarEntryKind::kDayOff},
                             std::pair{"make_up_day", CalendarEntryKind::kMakeUpWorkingDay}}) {
      if (!root.contains(key)) continue;
      const toml::array* list = root[key].as_array();
      if (list == nullptr) return fail(std::string("'") + key + "' must be an array of tables");
      for (size_t i = 0; i < list->size(); ++i) {
        std::string where = std::string(key) + " #" + std::to_string(i + 1);
        const toml::table* table = list->get(i)->as_table();
        if (table == nullptr) return fail(where + ": must be a table ([[" + key + "]])");
        Result<CalendarEntry> entry = parse_entry(*table, kind, where);
        if (!entry.ok()) return entry.error();
        entries.push_back(std::move(entry).value());
      }
    }
    Result<core::YearCalendar> calendar = core::YearCalendar::create(
        static_cast<int>(*year), confirmed, std::move(source), std::move(entries));
    if (!calendar.ok()) return fail(calendar.error().message);
    return calendar;
  }

 private:
  core::Error fail(const std::string& message) const {
    return core::invalid_input(std::string(origin_) + ": " + message);
  }

  Result<CalendarEntry> parse_entry(const toml::table& table, CalendarEntryKind kind,
                                    const std::string& where) const {
    bool day_off = kind == CalendarEntryKind::kDayOff;
    if (auto key = day_off ? unknown_key(table, {"from", "to", "date", "name", "confirmed"})
                           : unknown_key(table, {"date", "name", "confirmed"})) {
      return fail(where + ": unknown key '" + *key + "'");
    }
    CalendarEntry entry;
    entry.kind = kind;
    if (table.contains("date")) {
      if (table.contains("from") || table.contains("to")) {
        return fail(where + ": give either 'date' or 'from' and 'to', not both");
      }
      auto day = to_sys_days(table.get("date"));
      if (!day) return fail(where + ": 'date' must be a date (YYYY-MM-DD)");
      entry.from = entry.to = *day;
    } else if (day_off) {
      auto from = to_sys_days(table.get("from"));
      if (!from) return fail(where + ": 'from' must be a date (YYYY-MM-DD)");
      auto to = to_sys_days(table.get("to"));
      if (!to) return fail(where + ": 'to' must be a date (YYYY-MM-DD)");
      entry.from = *from;
      entry.to = *to;
    } else {
      return fail(where + ": 'date' must be a date (YYYY-MM-DD)");
    }
    const toml::node* name = table.get("name");
    if (name == nullptr || !name->is_string()) return fail(where + ": 'name' must be a string");
    Result<std::string> nfc = core::to_nfc(name->as_string()->get());
    if (!nfc.ok()) return fail(where + ": 'name' " + nfc.error().message);
    entry.name = std::move(nfc).value();
    if (table.contains("confirmed")) {
      const toml::node* c = table.get("confirmed");
      if (!c->is_boolean()) return fail(where + ": 'confirmed' must be true or false");
      entry.confirmed = c->as_boolean()->get();
    }
    return entry;
  }

  std::string_view origin_;
};

}  // namespace

Result<core::YearCalendar> parse_calendar_toml(std::string_view text, std::string_view origin) {
  toml::table root;
  try {
    root = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    const toml::source_region& where = e.source();
    return core::invalid_input(std::string(origin) + ":" + std::to_string(where.begin.line) + ":" +
                               std::to_string(where.begin.column) + ": " +
                               std::string(e.description()));
  }
  return Parser(origin).parse(root);
}

Result<core::YearCalendar> load_calendar_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::invalid_input(path + ": cannot open the calendar file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return core::invalid_input(path + ": cannot read the calendar file");
  return parse_calendar_toml(text.str(), path);
}

}  // namespace motcua::adapters::config
