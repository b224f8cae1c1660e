#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace motcua::adapters::web {

// The body of a text/event-stream response (Server-Sent Events), written while the connection
// lasts. The handler creates it, sets on_end, queues a first event if it likes and returns it
// in HttpResponse::stream; from then on any thread may send() to it. The server (http_server.cc)
// writes what is queued, adds a heartbeat comment now and then, and ends the stream when the
// client goes away, when close() is called or when the server stops. Thread-safe.
class EventStream {
 public:
  // `retry_ms`: the browser's reconnection delay, sent first ("retry:").
  explicit EventStream(int retry_ms = 3000);

  // Queues one event: "event: <event>", "id: <id>" when given, and `data` as "data:" lines.
  void send(std::string_view event, std::string_view data, std::string_view id = {});
  // Queues a comment line (": <text>"), which EventSource ignores: a heartbeat.
  void comment(std::string_view text);
  // Asks the server to end the response once what is queued is written.
  void close();
  // Runs once, on a server thread, when the stream has ended for whatever reason (the
  // handler's cleanup: unsubscribe, release a connection slot). Set it before returning.
  void on_end(std::function<void()> callback);

  // The server's side.
  // `wake` is called (from any thread, without the stream's lock) when something is queued
  // or close() was called; it must only schedule work. Called once, with what is queued so far.
  void attach(std::function<void()> wake);
  // Takes what is queued (empty when nothing is).
  std::string take();
  bool close_requested() const;
  // Detaches the server and runs on_end (once, whatever calls follow).
  void end();
  bool ended() const;

 private:
  void queue(std::string bytes);

  mutable std::mutex mutex_;
  std::string pending_;
  std::function<void()> wake_;
  std::function<void()> on_end_;
  bool close_ = false;
  bool ended_ = false;
};

}  // namespace motcua::adapters::web
