#pragma once
// A test client of Server-Sent Events over a plain socket: sends one GET and then reads
// whatever comes, as EventSource does (web and system tests).
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <string>

namespace motcua::testing {

// One raw connection that sends a GET and then reads whatever comes, as EventSource does.
class StreamClient {
 public:
  StreamClient(std::uint16_t port, const std::string& target, const std::string& cookies = "") {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return;
    std::string request =
        "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n";
    if (!cookies.empty()) request += "Cookie: " + cookies + "\r\n";
    request += "\r\n";
    (void)::send(fd_, request.data(), request.size(), MSG_NOSIGNAL);
  }
  ~StreamClient() { close(); }
  StreamClient(const StreamClient&) = delete;
  StreamClient& operator=(const StreamClient&) = delete;

  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  // Reads until `wanted` appears after `from` in what was received, or until `timeout`; true
  // when it appeared.
  bool wait_for(const std::string& wanted, std::chrono::milliseconds timeout,
                std::size_t from = 0) {
    auto until = std::chrono::steady_clock::now() + timeout;
    while (received_.find(wanted, from) == std::string::npos) {
      if (!read_some(until)) return received_.find(wanted, from) != std::string::npos;
    }
    return true;
  }

  // True when the server closed the connection within `timeout`.
  bool ended_within(std::chrono::milliseconds timeout) {
    auto until = std::chrono::steady_clock::now() + timeout;
    while (!eof_) {
      if (!read_some(until)) return eof_;
    }
    return true;
  }

  const std::string& received() const { return received_; }

 private:
  bool read_some(std::chrono::steady_clock::time_point until) {
    if (fd_ < 0 || eof_) return false;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char buffer[4096];
    ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) {
      eof_ = true;
      return false;
    }
    received_.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool eof_ = false;
  std::string received_;
};

}  // namespace motcua::testing
