#include "core/upload_name.h"

#include "core/vietnamese_text.h"

namespace motcua::core {
namespace {

constexpr std::string_view kFallback = "tep";

// Drops ASCII control characters (and DEL) and the quotes and backslash that would need
// escaping in a Content-Disposition header; keeps every other character.
std::string without_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F || c == '"' || c == '\\') continue;
    out.push_back(c);
  }
  return out;
}

std::string trimmed(std::string_view text) {
  std::size_t first = text.find_first_not_of(" .");
  if (first == std::string_view::npos) return {};
  std::size_t last = text.find_last_not_of(' ');
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace

std::string clean_upload_name(std::string_view client_name) {
  std::size_t slash = client_name.find_last_of("/\\");
  std::string_view last =
      slash == std::string_view::npos ? client_name : client_name.substr(slash + 1);
  Result<std::string> normal = to_nfc(last);
  if (!normal.ok()) return std::string(kFallback);
  std::string name = trimmed(without_controls(*normal));
  if (name.size() > kMaxUploadNameBytes) {
    std::size_t keep = kMaxUploadNameBytes;
    while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
    name.resize(keep);
    name = trimmed(name);
  }
  return name.empty() ? std::string(kFallback) : name;
}

}  // namespace motcua::core
