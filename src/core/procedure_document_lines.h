#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/procedure.h"

namespace motcua::core {

// The admin's text form of a procedure's documents (thành phần hồ sơ): one document a line,
//   Tên giấy tờ | bản chính | bản sao | bắt buộc
// where bản chính and bản sao are whole numbers 0-99 and the last part is "bắt buộc" or "nếu
// có" (any case, with or without diacritics). Blank lines are skipped; spaces around parts
// are ignored.

// Why a line was refused.
enum class DocumentLineProblem {
  kParts,        // not four parts separated by '|'
  kName,         // an empty name, or one longer than kMaxDocumentName bytes
  kCount,        // bản chính or bản sao is not a whole number 0-99
  kRequirement,  // neither "bắt buộc" nor "nếu có"
  kText,         // not UTF-8
  kTooMany,      // more than kMaxDocuments documents
};

inline constexpr std::size_t kMaxDocuments = 50;
inline constexpr std::size_t kMaxDocumentName = 500;

struct DocumentLines {
  std::vector<ProcedureDocument> documents;  // in the order of the lines; names NFC
  // The first refused line (1-based) and why; absent when every line reads.
  std::optional<std::size_t> error_line;
  DocumentLineProblem problem = DocumentLineProblem::kParts;
};

DocumentLines parse_document_lines(std::string_view text);

// The documents written back in the same form ("Tờ khai | 1 | 0 | bắt buộc"), one a line, so
// parse_document_lines(format_document_lines(d)) gives d back for names without '|' or line
// breaks.
std::string format_document_lines(const std::vector<ProcedureDocument>& documents);

}  // namespace motcua::core
