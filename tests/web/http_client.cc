#include "http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace motcua::testing {

RawHttpConnection::RawHttpConnection(std::uint16_t port) {
  fd_ = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    throw std::runtime_error("connect failed");
  }
}

RawHttpConnection::~RawHttpConnection() {
  if (fd_ >= 0) close(fd_);
}

bool RawHttpConnection::send(const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

std::string RawHttpConnection::read_response() {
  char buffer[65536];
  auto fill = [&]() -> bool {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, 10000) <= 0) return false;
    ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    pending_.append(buffer, static_cast<size_t>(n));
    return true;
  };
  size_t header_end;
  while ((header_end = pending_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill()) return "";
  }
  size_t length = 0;
  size_t at = pending_.find("Content-Length: ");
  if (at != std::string::npos && at < header_end) length = std::stoul(pending_.substr(at + 16));
  while (pending_.size() < header_end + 4 + length) {
    if (!fill()) return "";
  }
  std::string response = pending_.substr(0, header_end + 4 + length);
  pending_.erase(0, response.size());
  return response;
}

bool RawHttpConnection::closed_by_server() {
  pollfd p{fd_, POLLIN, 0};
  if (poll(&p, 1, 5000) <= 0) return false;
  char byte;
  return recv(fd_, &byte, 1, MSG_PEEK) == 0;
}

int status_of(const std::string& response) {
  if (response.size() < 12 || response.rfind("HTTP/1.1 ", 0) != 0) return 0;
  return std::stoi(response.substr(9, 3));
}

}  // namespace motcua::testing
