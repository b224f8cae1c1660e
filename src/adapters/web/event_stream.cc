#include "adapters/web/event_stream.h"

#include <utility>

namespace motcua::adapters::web {
namespace {

// Each line of `text` as "<field>: <line>\n" (EventSource joins data lines with "\n").
void append_lines(std::string& out, std::string_view field, std::string_view text) {
  while (true) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.append(field).append(": ").append(line).append("\n");
    if (end == std::string_view::npos) return;
    text.remove_prefix(end + 1);
  }
}

// An event name or id is one line: line breaks would start another field.
std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

}  // namespace

EventStream::EventStream(int retry_ms) { pending_ = "retry: " + std::to_string(retry_ms) + "\n\n"; }

void EventStream::send(std::string_view event, std::string_view data, std::string_view id) {
  std::string bytes;
  if (!event.empty()) bytes += "event: " + one_line(event) + "\n";
  if (!id.empty()) bytes += "id: " + one_line(id) + "\n";
  append_lines(bytes, "data", data);
  bytes += "\n";
  queue(std::move(bytes));
}

void EventStream::comment(std::string_view text) {
  std::string bytes;
  append_lines(bytes, "", text);
  bytes += "\n";
  queue(std::move(bytes));
}

void EventStream::close() {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    close_ = true;
    wake = wake_;
  }
  if (wake) wake();
}

void EventStream::on_end(std::function<void()> callback) {
  std::lock_guard lock(mutex_);
  on_end_ = std::move(callback);
}

void EventStream::attach(std::function<void()> wake) {
  {
    std::lock_guard lock(mutex_);
    if (ended_) return;
    wake_ = std::move(wake);
  }
  std::function<void()> now;
  {
    std::lock_guard lock(mutex_);
    now = wake_;
  }
  if (now) now();
}

std::string EventStream::take() {
  std::lock_guard lock(mutex_);
  return std::exchange(pending_, std::string());
}

bool EventStream::close_requested() const {
  std::lock_guard lock(mutex_);
  return close_;
}

void EventStream::end() {
  std::function<void()> callback;
  {
    std::lock_guard lock(mutex_);
    if (ended_) return;
    ended_ = true;
    wake_ = nullptr;
    pending_.clear();
    callback = std::move(on_end_);
    on_end_ = nullptr;
  }
  if (callback) callback();
}

bool EventStream::ended() const {
  std::lock_guard lock(mutex_);
  return ended_;
}

void EventStream::queue(std::string bytes) {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    if (ended_) return;
    pending_ += bytes;
    wake = wake_;
  }
  if (wake) wake();
}

}  // namespace motcua::adapters::web
