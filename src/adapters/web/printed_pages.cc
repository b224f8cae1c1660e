#include "adapters/web/printed_pages.h"

#include "adapters/web/page_support.h"

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

HttpResponse console_pdf(
    WebState& state, const HttpRequest& request, const app::StaffSession& session,
    const std::string& filename,
    const std::function<core::Result<std::string>(const app::PrintedDocuments&)>& render) {
  if (state.deps.documents == nullptr) {
    return error_page(state, request, 503, "doc_unavailable", session);
  }
  core::Result<std::string> pdf = render(*state.deps.documents);
  if (!pdf.ok()) {
    return error_page(state, request, http_status_for(pdf.error().kind), "doc_failed", session);
  }
  return pdf_response(std::move(pdf).value(), filename);
}

}  // namespace motcua::adapters::web
