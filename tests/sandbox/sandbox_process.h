#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace motcua::testing {

// The real motcua-sandbox executable as a child process: started with `args` (and --port 0),
// its port read from the "listening on http://127.0.0.1:<port>" line it prints. The destructor
// sends SIGTERM and waits for it.
class SandboxProcess {
 public:
  explicit SandboxProcess(const std::vector<std::string>& args);
  ~SandboxProcess();
  SandboxProcess(const SandboxProcess&) = delete;
  SandboxProcess& operator=(const SandboxProcess&) = delete;

  bool started() const { return port_ != 0; }
  std::uint16_t port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  const std::string& first_line() const { return first_line_; }
  // Sends SIGTERM and waits up to `within`; the exit status, or -1 when it did not exit.
  int terminate(std::chrono::milliseconds within = std::chrono::milliseconds(15000));

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::uint16_t port_ = 0;
  std::string first_line_;
};

}  // namespace motcua::testing
