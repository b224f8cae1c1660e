#pragma once

#include <cstdint>
#include <string>

namespace motcua::testing {

// A deliberately plain HTTP/1.1 client over a POSIX socket, so server tests see exactly what
// goes over the wire. One object is one connection.
class RawHttpConnection {
 public:
  explicit RawHttpConnection(std::uint16_t port);
  ~RawHttpConnection();
  RawHttpConnection(const RawHttpConnection&) = delete;
  RawHttpConnection& operator=(const RawHttpConnection&) = delete;

  bool send(const std::string& bytes);
  // Reads one response (headers plus Content-Length body); "" when the connection closed.
  std::string read_response();
  // True when the server has closed the connection (reads return end of stream).
  bool closed_by_server();

 private:
  int fd_ = -1;
  std::string pending_;
};

// Status code of a raw response, or 0.
int status_of(const std::string& response);

}  // namespace motcua::testing
