#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/store.h"
#include "core/procedure.h"
#include "core/result.h"

namespace motcua::app {

// What a visitor asks of "Thủ tục hành chính" (the public catalogue). Empty criteria do not
// filter.
struct CatalogueQuery {
  std::string text;   // name or code, ignoring case and diacritics
  std::string field;  // lĩnh vực, exact
  std::string level;  // cấp thực hiện: "Xã" also matches "Xã (Công an cấp xã)"
  // A group of the home page ("Có con nhỏ"): the fields it covers. Set but empty: a group
  // with no procedure yet, which matches nothing.
  std::optional<std::vector<std::string>> group_fields;
  bool online_only = false;
  std::int64_t page = 1;  // 1-based
};

inline constexpr std::int64_t kCataloguePageSize = 10;
// The longest search text taken (bytes); longer text is cut at a character boundary.
inline constexpr std::size_t kMaxCatalogueText = 200;

struct CataloguePage {
  std::vector<core::Procedure> items;  // ordered by code, without fees and documents
  std::int64_t total = 0;
  std::int64_t page = 1;
  std::int64_t page_size = kCataloguePageSize;
  std::vector<std::string> fields;  // every lĩnh vực, for the filter
  std::vector<std::string> levels;  // every cấp thực hiện, reduced (main_levels)
};

// One page of the catalogue and the filters' choices. kInvalidInput for a page below 1 or
// text that is not UTF-8; kStorage.
core::Result<CataloguePage> browse_catalogue(Store& store, CatalogueQuery query);

// The procedure `code` as its public page shows it, with only the fee items that apply on
// `today` (Vietnam's civil day). kNotFound for an unknown or empty code; kStorage.
core::Result<core::Procedure> public_procedure(Store& store, std::string_view code,
                                               std::chrono::sys_days today);

// The levels without their parenthesised detail, once each, in first-seen order:
// {"Tỉnh (Công an tỉnh)", "Xã", "Xã (Công an cấp xã)"} -> {"Tỉnh", "Xã"}.
std::vector<std::string> main_levels(const std::vector<std::string>& levels);

}  // namespace motcua::app
