#include "adapters/web/printed_pages.h"

namespace motcua::adapters::web {
namespace {

void append_safe(std::string& name, std::string_view part) {
  for (char c : part) {
    bool safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '_' || c == '-';
    name += safe ? c : '-';
  }
}

}  // namespace

HttpResponse pdf_response(std::string bytes, const std::string& filename) {
  HttpResponse response;
  response.status = 200;
  response.content_type = "application/pdf";
  response.body = std::move(bytes);
  response.with_header("Content-Disposition", "inline; filename=\"" + filename + "\"")
      .with_header("Cache-Control", "private, no-store");
  return response;
}

std::string pdf_filename(std::string_view stem, std::string_view first, std::string_view second) {
  std::string name(stem);
  append_safe(name, first);
  if (!second.empty()) {
    name += '-';
    append_safe(name, second);
  }
  return name + ".pdf";
}

}  // namespace motcua::adapters::web
