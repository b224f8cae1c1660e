// The lookup pages' pagination: a window of page links, and an honest total when the count
// stopped at its limit.
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <string>
#include <variant>

#include "adapters/web/case_table.h"

namespace motcua::adapters::web {
namespace {

std::string field(const TemplateData& item, const std::string& key) {
  const auto& object = std::get<TemplateData::Object>(item.value());
  auto it = std::find_if(object.begin(), object.end(),
                         [&key](const auto& entry) { return entry.first == key; });
  if (it == object.end()) return "";
  if (const auto* flag = std::get_if<bool>(&it->second.value())) return *flag ? "true" : "";
  return std::get<std::string>(it->second.value());
}

// "1 … 4 5 [6] 7 8 … 100000": the links as a reader sees them, the current page in brackets.
std::string shown(std::int64_t total, std::int64_t current, bool capped = false) {
  app::CaseListPage page;
  page.total = total;
  page.total_capped = capped;
  page.page = current;
  page.page_size = 10;
  TemplateData links = page_links("/x?trang=", page);
  std::string out;
  for (const TemplateData& link : std::get<TemplateData::List>(links.value())) {
    if (!out.empty()) out += ' ';
    if (!field(link, "gap").empty()) {
      out += "…";
      continue;
    }
    std::string number = field(link, "number");
    EXPECT_EQ(field(link, "href"), "/x?trang=" + number);
    out += field(link, "current").empty() ? number : "[" + number + "]";
  }
  return out;
}

TEST(PageLinks, AFewPagesAreAllLinked) {
  EXPECT_EQ(shown(0, 1), "");
  EXPECT_EQ(shown(10, 1), "[1]");
  EXPECT_EQ(shown(11, 2), "1 [2]");
  EXPECT_EQ(shown(50, 3), "1 2 [3] 4 5");
  EXPECT_EQ(shown(60, 1), "[1] 2 3 … 6");
}

TEST(PageLinks, AMillionMatchesGiveAWindowNotAHundredThousandLinks) {
  EXPECT_EQ(shown(1'000'000, 1), "[1] 2 3 … 100000");
  EXPECT_EQ(shown(1'000'000, 6), "1 … 4 5 [6] 7 8 … 100000");
  EXPECT_EQ(shown(1'000'000, 4), "1 2 3 [4] 5 6 … 100000");
  EXPECT_EQ(shown(1'000'000, 99'999), "1 … 99997 99998 [99999] 100000");
  EXPECT_EQ(shown(1'000'000, 100'000), "1 … 99998 99999 [100000]");
  // A page past the end (typed into the address) links back into the range.
  EXPECT_EQ(shown(100, 50), "1 … 10");
  EXPECT_EQ(shown(100, std::numeric_limits<std::int64_t>::max()), "1 … 10");
}

TEST(PageLinks, ACappedCountEndsInAGapNotAFalseLastPage) {
  EXPECT_EQ(shown(1000, 1, true), "[1] 2 3 … 100 …");
  EXPECT_EQ(shown(1020, 100, true), "1 … 98 99 [100] 101 102 …");
}

TEST(PageLinks, TheTotalSaysWhenTheCountStopped) {
  app::CaseListPage page;
  page.total = 1234;
  EXPECT_EQ(shown_total(page, Language::kVietnamese), "1.234");
  page.total = 1000;
  page.total_capped = true;
  EXPECT_EQ(shown_total(page, Language::kVietnamese), "hơn 1.000");
  EXPECT_EQ(shown_total(page, Language::kEnglish), "more than 1,000");
}

}  // namespace
}  // namespace motcua::adapters::web
