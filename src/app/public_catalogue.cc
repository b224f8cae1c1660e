#include "app/public_catalogue.h"

#include <algorithm>
#include <limits>

namespace motcua::app {
namespace {

// `text` cut to at most `limit` bytes without splitting a UTF-8 sequence.
std::string cut(std::string text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t keep = limit;
  while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
  text.resize(keep);
  return text;
}

}  // namespace

std::vector<std::string> main_levels(const std::vector<std::string>& levels) {
  std::vector<std::string> out;
  for (const std::string& level : levels) {
    std::string main = level.substr(0, level.find(" ("));
    if (!main.empty() && std::find(out.begin(), out.end(), main) == out.end()) {
      out.push_back(main);
    }
  }
  return out;
}

core::Result<CataloguePage> browse_catalogue(Store& store, CatalogueQuery query) {
  if (query.page < 1) return core::invalid_input("pages are numbered from 1");
  // A page beyond any real catalogue reads as past the end, never as an overflow.
  constexpr std::int64_t kFarthestPage = std::numeric_limits<std::int64_t>::max() / 100;
  std::int64_t page = std::min(query.page, kFarthestPage);
  ProcedureQuery q{.text = cut(std::move(query.text), kMaxCatalogueText),
                   .field = std::move(query.field),
                   .level = std::move(query.level),
                   .online_only = query.online_only,
                   .offset = (page - 1) * kCataloguePageSize,
                   .limit = kCataloguePageSize};
  if (query.group_fields) {
    q.fields = std::move(*query.group_fields);
    q.fields_given = true;
  }
  CataloguePage out;
  out.page = query.page;
  core::Status read = store.read([&](Repositories& repos) -> core::Status {
    core::Result<ProcedurePage> found = repos.procedures().page(q);
    if (!found.ok()) return found.error();
    core::Result<std::vector<std::string>> fields = repos.procedures().list_fields();
    if (!fields.ok()) return fields.error();
    core::Result<std::vector<std::string>> levels = repos.procedures().list_levels();
    if (!levels.ok()) return levels.error();
    out.items = std::move(found.value().items);
    out.total = found.value().total;
    out.fields = std::move(fields).value();
    out.levels = main_levels(levels.value());
    return {};
  });
  if (!read.ok()) return read.error();
  return out;
}

core::Result<core::Procedure> public_procedure(Store& store, std::string_view code,
                                               std::chrono::sys_days today) {
  if (code.empty()) return core::Error{core::ErrorKind::kNotFound, "no procedure without a code"};
  std::optional<core::Procedure> found;
  core::Status read = store.read([&](Repositories& repos) -> core::Status {
    core::Result<std::optional<core::Procedure>> p = repos.procedures().find(code);
    if (!p.ok()) return p.error();
    found = std::move(p).value();
    return {};
  });
  if (!read.ok()) return read.error();
  if (!found) return core::Error{core::ErrorKind::kNotFound, "there is no such procedure"};
  std::erase_if(found->fees,
                [today](const core::ProcedureFee& fee) { return !fee.applies_on(today); });
  return std::move(*found);
}

}  // namespace motcua::app
