// The multipart/form-data parser of the upload route: what browsers send parses; truncated,
// unbounded, oversized or sloppy bodies are refused rather than guessed at.
#include "adapters/web/multipart.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua::adapters::web {
namespace {

constexpr std::string_view kB = "XyZ123";

std::string part(std::string_view headers, std::string_view body) {
  return "--" + std::string(kB) + "\r\n" + std::string(headers) + "\r\n\r\n" + std::string(body) +
         "\r\n";
}
std::string closing() { return "--" + std::string(kB) + "--\r\n"; }

std::string sample() {
  return part("Content-Disposition: form-data; name=\"_csrf\"", "abc") +
         part(
             "Content-Disposition: form-data; name=\"tep_0\"; filename=\"a b.pdf\"\r\n"
             "Content-Type: application/pdf",
             std::string("%PDF\r\n--XyZ12\0x", 16)) +
         closing();
}

TEST(MultipartBoundary, ComesFromTheContentType) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=XyZ123").value(), "XyZ123");
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data;boundary=\"a b\"").value(), "a b");
  EXPECT_EQ(multipart_boundary("multipart/form-data; charset=utf-8; boundary=q").value(), "q");
  EXPECT_FALSE(multipart_boundary("multipart/form-data").ok());
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=").ok());
  EXPECT_FALSE(multipart_boundary("multipart/mixed; boundary=x").ok());
  EXPECT_FALSE(multipart_boundary("application/x-www-form-urlencoded").ok());
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')).ok());
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"unterminated").ok());
}

TEST(Multipart, ParsesFieldsAndFilesWithBinaryBodies) {
  std::string body = sample();
  auto parts = parse_multipart(body, kB);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "_csrf");
  EXPECT_FALSE((*parts)[0].filename.has_value());
  EXPECT_EQ((*parts)[0].body, "abc");
  EXPECT_EQ((*parts)[1].name, "tep_0");
  EXPECT_EQ((*parts)[1].filename, "a b.pdf");
  EXPECT_EQ((*parts)[1].content_type, "application/pdf");
  EXPECT_EQ((*parts)[1].body, std::string_view(std::string("%PDF\r\n--XyZ12\0x", 16)))
      << "a near-boundary inside the data and a NUL are data";
}

TEST(Multipart, IgnoresPreambleEpilogueAndPadding) {
  std::string body =
      "preamble\r\n--XyZ123  \r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1"
      "\r\n--XyZ123--\r\nepilogue";
  auto parts = parse_multipart(body, kB);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].body, "1");
}

TEST(Multipart, EmptyFileInputAndEmptyFieldParse) {
  std::string body = part(
                         "Content-Disposition: form-data; name=\"tep_1\"; filename=\"\"\r\n"
                         "Content-Type: application/octet-stream",
                         "") +
                     part("Content-Disposition: form-data; name=\"x\"", "") + closing();
  auto parts = parse_multipart(body, kB);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  EXPECT_EQ((*parts)[0].filename, "");
  EXPECT_TRUE((*parts)[0].body.empty());
  EXPECT_TRUE((*parts)[1].body.empty());
}

TEST(Multipart, BrowserEscapesInNamesAreUndone) {
  std::string body =
      part("Content-Disposition: form-data; name=\"f\"; filename=\"a%22b%0A.pdf\"", "x") +
      closing();
  auto parts = parse_multipart(body, kB);
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ((*parts)[0].filename, "a\"b\n.pdf");
}

TEST(Multipart, EveryTruncationIsRefused) {
  std::string body = sample();
  // Every proper prefix that cuts before the close delimiter is complete.
  size_t close = body.rfind("--" + std::string(kB) + "--");
  for (size_t n = 0; n < close + 2 + kB.size() + 2; ++n) {
    EXPECT_FALSE(parse_multipart(std::string_view(body).substr(0, n), kB).ok()) << n;
  }
}

TEST(Multipart, WrongOrMissingBoundaryIsRefused) {
  std::string body = sample();
  EXPECT_FALSE(parse_multipart(body, "other").ok());
  EXPECT_FALSE(parse_multipart(body, "").ok());
  EXPECT_FALSE(parse_multipart("", kB).ok());
  EXPECT_FALSE(parse_multipart("just text", kB).ok());
}

TEST(Multipart, BareLineFeedsAreRefused) {
  std::string body = sample();
  std::string lf;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body.compare(i, 2, "\r\n") == 0) continue;  // drop the CR of every CRLF
    lf.push_back(body[i]);
  }
  EXPECT_FALSE(parse_multipart(lf, kB).ok());
  // A bare LF between the headers and the body (CR missing once).
  std::string mixed = "--XyZ123\r\nContent-Disposition: form-data; name=\"a\"\n\r\n1\r\n--XyZ123--";
  EXPECT_FALSE(parse_multipart(mixed, kB).ok());
}

TEST(Multipart, HugeHeadersAndTooManyPartsAreRefused) {
  std::string huge =
      part("Content-Disposition: form-data; name=\"a\"\r\nX-Pad: " + std::string(5000, 'p'), "1") +
      closing();
  EXPECT_FALSE(parse_multipart(huge, kB).ok());
  std::string unending = "--XyZ123\r\n" + std::string(100000, 'h');
  EXPECT_FALSE(parse_multipart(unending, kB).ok());
  std::string many;
  for (int i = 0; i < 5; ++i) many += part("Content-Disposition: form-data; name=\"a\"", "1");
  many += closing();
  EXPECT_TRUE(parse_multipart(many, kB, {5, 2048}).ok());
  EXPECT_FALSE(parse_multipart(many, kB, {4, 2048}).ok());
}

TEST(Multipart, MalformedPartHeadersAreRefused) {
  for (std::string headers :
       {"Content-Type: text/plain", "Content-Disposition: attachment; name=\"a\"",
        "Content-Disposition: form-data", "Content-Disposition: form-data; name=\"\"",
        "Content-Disposition: form-data; name=\"a",
        "Content-Disposition: form-data; name=\"a\"\r\n folded",
        "Content-Disposition: form-data; name=\"a\"\r\nno colon",
        "Content-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"b\"",
        "Content-Disposition: form-data; name=\"a\"x"}) {
    std::string body = part(headers, "1") + closing();
    EXPECT_FALSE(parse_multipart(body, kB).ok()) << headers;
  }
}

}  // namespace
}  // namespace motcua::adapters::web
