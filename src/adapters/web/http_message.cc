#include "adapters/web/http_message.h"

#include "adapters/web/event_stream.h"

#include <algorithm>
#include <cctype>

namespace motcua::adapters::web {

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) <
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::string HttpRequest::query_value(std::string_view key) const {
  auto it = query.find(std::string(key));
  return it == query.end() ? std::string() : it->second;
}

std::string HttpRequest::header(std::string_view name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

HttpResponse HttpResponse::text(int status, std::string body) {
  return {status, "text/plain; charset=utf-8", {}, std::move(body)};
}

HttpResponse HttpResponse::html(int status, std::string body) {
  return {status, "text/html; charset=utf-8", {}, std::move(body)};
}

HttpResponse HttpResponse::json(int status, std::string body) {
  return {status, "application/json", {}, std::move(body)};
}

HttpResponse HttpResponse::event_stream(std::shared_ptr<EventStream> stream) {
  HttpResponse response{200, "text/event-stream; charset=utf-8", {}, {}, std::move(stream)};
  response.with_header("Cache-Control", "no-store").with_header("X-Accel-Buffering", "no");
  return response;
}

HttpResponse& HttpResponse::with_header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

}  // namespace motcua::adapters::web
