#include "core/procedure_document_lines.h"

#include <gtest/gtest.h>

namespace motcua::core {
namespace {

TEST(DocumentLines, ReadsNameCountsAndRequirement) {
  DocumentLines lines = parse_document_lines(
      "  Tờ khai theo mẫu | 1 | 0 | bắt buộc \r\n\n"
      "Bản sao giấy tờ tùy thân|0|2|Nếu có\n"
      "Giấy ủy quyền | 1 | 0 | neu co");
  ASSERT_FALSE(lines.error_line);
  ASSERT_EQ(lines.documents.size(), 3u);
  EXPECT_EQ(lines.documents[0].name, "Tờ khai theo mẫu");
  EXPECT_EQ(lines.documents[0].originals, 1);
  EXPECT_TRUE(lines.documents[0].required);
  EXPECT_EQ(lines.documents[1].copies, 2);
  EXPECT_FALSE(lines.documents[1].required);
  EXPECT_FALSE(lines.documents[2].required) << "without diacritics";
}

TEST(DocumentLines, RefusalsNameTheLineAndTheProblem) {
  auto problem = [](std::string_view text) {
    DocumentLines lines = parse_document_lines(text);
    EXPECT_TRUE(lines.documents.empty());
    return std::pair(lines.error_line.value_or(0), lines.problem);
  };
  EXPECT_EQ(problem("A | 1 | 0 | bắt buộc\nB | 1 | 0"),
            std::pair(std::size_t{2}, DocumentLineProblem::kParts));
  EXPECT_EQ(problem("A | 1 | 0 | bắt buộc | thêm"),
            std::pair(std::size_t{1}, DocumentLineProblem::kParts));
  EXPECT_EQ(problem(" | 1 | 0 | bắt buộc"), std::pair(std::size_t{1}, DocumentLineProblem::kName));
  EXPECT_EQ(problem("A | -1 | 0 | bắt buộc"),
            std::pair(std::size_t{1}, DocumentLineProblem::kCount));
  EXPECT_EQ(problem("A | 1 | 100 | bắt buộc"),
            std::pair(std::size_t{1}, DocumentLineProblem::kCount));
  EXPECT_EQ(problem("A | 1 | x | bắt buộc"),
            std::pair(std::size_t{1}, DocumentLineProblem::kCount));
  EXPECT_EQ(problem("\n\nA | 1 | 0 | có"),
            std::pair(std::size_t{3}, DocumentLineProblem::kRequirement));
  EXPECT_EQ(problem("A\xff | 1 | 0 | bắt buộc"),
            std::pair(std::size_t{1}, DocumentLineProblem::kText));
  std::string many;
  for (std::size_t i = 0; i <= kMaxDocuments; ++i) many += "A | 1 | 0 | bắt buộc\n";
  EXPECT_EQ(problem(many), std::pair(kMaxDocuments + 1, DocumentLineProblem::kTooMany));
}

TEST(DocumentLines, EmptyTextIsNoDocumentAndFormattingRoundTrips) {
  EXPECT_TRUE(parse_document_lines("").documents.empty());
  EXPECT_FALSE(parse_document_lines("\n \n").error_line);
  std::vector<ProcedureDocument> documents = {{"Tờ khai", 1, 0, true}, {"Bản sao", 0, 3, false}};
  EXPECT_EQ(format_document_lines(documents),
            "Tờ khai | 1 | 0 | bắt buộc\nBản sao | 0 | 3 | nếu có\n");
  DocumentLines back = parse_document_lines(format_document_lines(documents));
  ASSERT_EQ(back.documents.size(), 2u);
  EXPECT_EQ(back.documents[1].name, "Bản sao");
  EXPECT_EQ(back.documents[1].copies, 3);
  EXPECT_FALSE(back.documents[1].required);
}

}  // namespace
}  // namespace motcua::core
