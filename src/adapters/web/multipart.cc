#include "adapters/web/multipart.h"

#include <cctype>

namespace motcua::adapters::web {
namespace {

core::Error malformed(std::string why) { return core::invalid_input("multipart body: " + why); }

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The value of parameter `key` in "form-data; name=\"a\"; filename=\"b\"" (quoted values end at
// the next quote: browsers percent-encode quotes, CR and LF in names, RFC 7578 §4.2), or
// nullopt. A parameter named key* (RFC 5987) is not the same parameter and is ignored.
core::Result<std::optional<std::string>> parameter(std::string_view header, std::string_view key) {
  size_t at = header.find(';');
  std::optional<std::string> result;
  while (at != std::string_view::npos) {
    ++at;  // past ';'
    while (at < header.size() && (header[at] == ' ' || header[at] == '\t')) ++at;
    if (at == header.size()) break;  // a trailing ';'
    size_t eq = header.find('=', at);
    if (eq == std::string_view::npos) return malformed("a parameter without '='");
    std::string name = lower(trim(header.substr(at, eq - at)));
    at = eq + 1;
    while (at < header.size() && (header[at] == ' ' || header[at] == '\t')) ++at;
    std::string value;
    if (at < header.size() && header[at] == '"') {
      size_t close = header.find('"', at + 1);
      if (close == std::string_view::npos) return malformed("an unterminated quoted parameter");
      value = std::string(header.substr(at + 1, close - at - 1));
      at = close + 1;
      while (at < header.size() && (header[at] == ' ' || header[at] == '\t')) ++at;
      if (at < header.size() && header[at] != ';') return malformed("text after a quoted value");
    } else {
      size_t semi = header.find(';', at);
      value = std::string(trim(header.substr(at, semi - at)));
      at = semi == std::string_view::npos ? header.size() : semi;
    }
    if (name == key && !result) result = std::move(value);
    if (at >= header.size()) break;
  }
  return result;
}

// Browsers write '"', CR and LF in field and file names as %22, %0D and %0A (HTML's form
// submission algorithm, RFC 7578 §4.2); those three are turned back, any other '%' stays.
std::string browser_unescaped(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string code = text[i] == '%' && i + 2 < text.size() ? lower(text.substr(i + 1, 2)) : "";
    if (code == "22" || code == "0d" || code == "0a") {
      out.push_back(code == "22" ? '"' : code == "0d" ? '\r' : '\n');
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// Fills `part` from its header block (lines separated by CRLF, no final CRLF).
core::Status read_headers(std::string_view block, MultipartPart& part) {
  bool disposition = false;
  while (!block.empty()) {
    size_t end = block.find("\r\n");
    std::string_view line = block.substr(0, end);
    block = end == std::string_view::npos ? std::string_view() : block.substr(end + 2);
    if (line.empty() || line.front() == ' ' || line.front() == '\t') {
      return malformed("an empty or folded header line");
    }
    if (line.find('\n') != std::string_view::npos || line.find('\r') != std::string_view::npos) {
      return malformed("a bare CR or LF in a header");
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return malformed("a header without ':'");
    std::string name = lower(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));
    if (name == "content-disposition") {
      if (disposition) return malformed("two Content-Disposition headers");
      disposition = true;
      if (lower(trim(value.substr(0, value.find(';')))) != "form-data") {
        return malformed("a part that is not form-data");
      }
      core::Result<std::optional<std::string>> field = parameter(value, "name");
      if (!field.ok()) return field.error();
      if (!field->has_value() || (*field)->empty()) return malformed("a part without a name");
      part.name = browser_unescaped(**field);
      core::Result<std::optional<std::string>> file = parameter(value, "filename");
      if (!file.ok()) return file.error();
      if (file->has_value()) part.filename = browser_unescaped(**file);
    } else if (name == "content-type") {
      part.content_type = std::string(value);
    }
  }
  if (!disposition) return malformed("a part without Content-Disposition");
  return {};
}

}  // namespace

core::Result<std::string> multipart_boundary(std::string_view content_type) {
  size_t semi = content_type.find(';');
  if (lower(trim(content_type.substr(0, semi))) != "multipart/form-data") {
    return core::invalid_input("not multipart/form-data");
  }
  core::Result<std::optional<std::string>> boundary = parameter(content_type, "boundary");
  if (!boundary.ok()) return boundary.error();
  if (!boundary->has_value()) return core::invalid_input("multipart/form-data without a boundary");
  const std::string& b = **boundary;
  if (b.empty() || b.size() > 70) return core::invalid_input("a boundary has 1 to 70 characters");
  for (char c : b) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) {
      return core::invalid_input("a boundary is printable ASCII");
    }
  }
  return b;
}

core::Result<std::vector<MultipartPart>> parse_multipart(std::string_view body,
                                                         std::string_view boundary,
                                                         const MultipartLimits& limits) {
  if (boundary.empty()) return malformed("no boundary");
  const std::string delimiter = "--" + std::string(boundary);
  const std::string next_delimiter = "\r\n" + delimiter;
  // The first delimiter opens the body or ends a preamble line.
  size_t at = 0;
  if (body.substr(0, delimiter.size()) != delimiter) {
    at = body.find(next_delimiter);
    if (at == std::string_view::npos) return malformed("no opening boundary");
    at += 2;
  }
  at += delimiter.size();
  std::vector<MultipartPart> parts;
  for (;;) {
    if (body.substr(at, 2) == "--") return parts;  // the close delimiter; the epilogue is ignored
    while (at < body.size() && (body[at] == ' ' || body[at] == '\t')) ++at;  // transport padding
    if (body.substr(at, 2) != "\r\n") return malformed("a boundary line not ended by CRLF");
    at += 2;
    if (parts.size() == limits.max_parts) return malformed("too many parts");
    MultipartPart part;
    size_t headers_end = body.find("\r\n\r\n", at);
    size_t block_size = headers_end == std::string_view::npos ? body.size() - at : headers_end - at;
    if (block_size > limits.max_header_bytes) return malformed("a part's headers are too long");
    if (headers_end == std::string_view::npos) return malformed("a part's headers never end");
    if (core::Status read = read_headers(body.substr(at, block_size), part); !read.ok()) {
      return read.error();
    }
    size_t content = headers_end + 4;
    size_t end = body.find(next_delimiter, content);
    if (end == std::string_view::npos) return malformed("a part never ends (truncated body)");
    part.body = body.substr(content, end - content);
    parts.push_back(std::move(part));
    at = end + next_delimiter.size();
  }
}

}  // namespace motcua::adapters::web
