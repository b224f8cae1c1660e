#include "adapters/catalogue/procedure_details.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>

#include "adapters/catalogue/csv_records.h"
#include "core/vietnamese_text.h"

namespace motcua::adapters::catalogue {
namespace {

core::Error at_line(std::size_t line, const std::string& message) {
  return core::invalid_input("line " + std::to_string(line) + ": " + message);
}

// The records after a header equal to `columns`; every record has that many fields.
core::Result<std::vector<CsvRecord>> records(std::string_view text,
                                             std::span<const std::string_view> columns) {
  core::Result<std::vector<CsvRecord>> rows = parse_csv(text);
  if (!rows.ok()) return rows.error();
  std::string expected;
  for (std::string_view c : columns) expected += (expected.empty() ? "" : ",") + std::string(c);
  if (rows->empty()) return at_line(1, "expected the header " + expected);
  const CsvRecord& header = rows->front();
  std::vector<std::string> names = header.fields;
  if (!names.empty() && names[0].rfind("\xEF\xBB\xBF", 0) == 0) names[0].erase(0, 3);
  if (!std::equal(names.begin(), names.end(), columns.begin(), columns.end())) {
    return at_line(header.line, "expected the header " + expected);
  }
  std::vector<CsvRecord> out(rows->begin() + 1, rows->end());
  for (const CsvRecord& row : out) {
    if (row.fields.size() != columns.size()) {
      return at_line(row.line, "expected " + std::to_string(columns.size()) + " columns, got " +
                                   std::to_string(row.fields.size()));
    }
  }
  return out;
}

std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0) {
    return std::nullopt;
  }
  return value;
}

std::optional<bool> flag(std::string_view text) {
  if (text == "1") return true;
  if (text == "0") return false;
  return std::nullopt;
}

core::Procedure* procedure_with(std::vector<core::Procedure>& procedures, const std::string& code) {
  if (code.empty()) return nullptr;
  auto it = std::find_if(procedures.begin(), procedures.end(),
                         [&](const core::Procedure& p) { return p.code == code; });
  return it == procedures.end() ? nullptr : &*it;
}

core::Result<std::string> nfc_text(const std::string& text, std::size_t line,
                                   std::string_view column) {
  core::Result<std::string> nfc = core::to_nfc(text);
  if (!nfc.ok()) return at_line(line, std::string(column) + ": " + nfc.error().message);
  return nfc;
}

constexpr std::array<std::string_view, 5> kTermColumns = {"code", "implementing_agency", "online",
                                                          "fees_up_front", "source"};
constexpr std::array<std::string_view, 7> kDocumentColumns = {
    "code", "position", "name", "originals", "copies", "required", "source"};

}  // namespace

core::Status apply_procedure_terms(std::vector<core::Procedure>& procedures,
                                   std::string_view csv_text) {
  core::Result<std::vector<CsvRecord>> rows = records(csv_text, kTermColumns);
  if (!rows.ok()) return rows.error();
  std::set<std::string> seen;
  for (const CsvRecord& row : *rows) {
    const std::vector<std::string>& f = row.fields;
    core::Procedure* p = procedure_with(procedures, f[0]);
    if (p == nullptr) return at_line(row.line, "no procedure has the code '" + f[0] + "'");
    if (!seen.insert(f[0]).second) return at_line(row.line, "a second row for " + f[0]);
    std::optional<bool> online = flag(f[2]);
    std::optional<bool> up_front = flag(f[3]);
    if (!online || !up_front) return at_line(row.line, "online and fees_up_front are 1 or 0");
    core::Result<std::string> agency = nfc_text(f[1], row.line, "implementing_agency");
    if (!agency.ok()) return agency.error();
    p->implementing_agency = std::move(agency).value();
    p->online = *online;
    p->fees_up_front = *up_front;
  }
  return {};
}

core::Status apply_procedure_documents(std::vector<core::Procedure>& procedures,
                                       std::string_view csv_text) {
  core::Result<std::vector<CsvRecord>> rows = records(csv_text, kDocumentColumns);
  if (!rows.ok()) return rows.error();
  std::vector<std::string> filled;  // codes whose documents came from this file
  for (const CsvRecord& row : *rows) {
    const std::vector<std::string>& f = row.fields;
    core::Procedure* p = procedure_with(procedures, f[0]);
    if (p == nullptr) return at_line(row.line, "no procedure has the code '" + f[0] + "'");
    if (std::find(filled.begin(), filled.end(), f[0]) == filled.end()) {
      p->documents.clear();
      filled.push_back(f[0]);
    }
    std::optional<std::int64_t> position = whole_number(f[1]);
    if (!position || *position != static_cast<std::int64_t>(p->documents.size()) + 1) {
      return at_line(
          row.line, "position '" + f[1] + "' should be " + std::to_string(p->documents.size() + 1));
    }
    core::Result<std::string> name = nfc_text(f[2], row.line, "name");
    if (!name.ok()) return name.error();
    if (name->empty()) return at_line(row.line, "a document needs a name");
    std::optional<std::int64_t> originals = whole_number(f[3]);
    std::optional<std::int64_t> copies = whole_number(f[4]);
    if (!originals || !copies) return at_line(row.line, "originals and copies are whole numbers");
    std::optional<bool> required = flag(f[5]);
    if (!required) return at_line(row.line, "required is 1 or 0");
    p->documents.push_back({std::move(name).value(), *originals, *copies, *required});
  }
  return {};
}

}  // namespace motcua::adapters::catalogue
