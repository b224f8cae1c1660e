#include "core/procedure_document_lines.h"

#include <charconv>

#include "core/vietnamese_text.h"

namespace motcua::core {
namespace {

std::string_view trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r";
  std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

std::optional<std::int64_t> count_of(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0 ||
      value > 99) {
    return std::nullopt;
  }
  return value;
}

DocumentLines refused(std::size_t line, DocumentLineProblem problem) {
  DocumentLines out;
  out.error_line = line;
  out.problem = problem;
  return out;
}

}  // namespace

DocumentLines parse_document_lines(std::string_view text) {
  DocumentLines out;
  std::size_t line_number = 0;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trimmed(text.substr(begin, end - begin));
    begin = end + 1;
    ++line_number;
    if (line.empty()) continue;
    std::vector<std::string_view> parts;
    std::size_t from = 0;
    while (true) {
      std::size_t bar = line.find('|', from);
      parts.push_back(trimmed(line.substr(from, bar == std::string_view::npos ? bar : bar - from)));
      if (bar == std::string_view::npos) break;
      from = bar + 1;
    }
    if (parts.size() != 4) return refused(line_number, DocumentLineProblem::kParts);
    Result<std::string> name = to_nfc(parts[0]);
    Result<std::string> requirement = search_key(parts[3]);
    if (!name.ok() || !requirement.ok()) return refused(line_number, DocumentLineProblem::kText);
    if (name->empty() || name->size() > kMaxDocumentName) {
      return refused(line_number, DocumentLineProblem::kName);
    }
    std::optional<std::int64_t> originals = count_of(parts[1]);
    std::optional<std::int64_t> copies = count_of(parts[2]);
    if (!originals || !copies) return refused(line_number, DocumentLineProblem::kCount);
    bool required = *requirement == "bat buoc";
    if (!required && *requirement != "neu co") {
      return refused(line_number, DocumentLineProblem::kRequirement);
    }
    if (out.documents.size() == kMaxDocuments) {
      return refused(line_number, DocumentLineProblem::kTooMany);
    }
    out.documents.push_back({std::move(name).value(), *originals, *copies, required});
  }
  return out;
}

std::string format_document_lines(const std::vector<ProcedureDocument>& documents) {
  std::string out;
  for (const ProcedureDocument& d : documents) {
    out += d.name + " | " + std::to_string(d.originals) + " | " + std::to_string(d.copies) + " | " +
           (d.required ? "bắt buộc" : "nếu có") + "\n";
  }
  return out;
}

}  // namespace motcua::core
