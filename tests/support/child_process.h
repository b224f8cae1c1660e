#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace motcua::testing {

// A real child process for system tests (motcua serve, motcua-sandbox, nginx): started with
// its own argument list, extra environment and working directory, its stdout and stderr
// collected by a reader thread. The destructor kills (SIGKILL) and reaps a child still running,
// so a failing test never leaves a server behind.
class ChildProcess {
 public:
  struct Options {
    std::vector<std::string> argv;  // argv[0] is the executable's path
    std::vector<std::string> env;   // "NAME=value", replacing or added to this environment
    std::string cwd;                // empty: this process's working directory
  };
  explicit ChildProcess(Options options);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Waits until stdout has a line matching `pattern` and returns the pattern's first group
  // (or the whole line when it has none); nullopt on timeout or when the child exits first.
  std::optional<std::string> wait_for_line(const std::regex& pattern,
                                           std::chrono::milliseconds timeout);
  // Sends `signal` (SIGTERM, SIGKILL) and waits for the exit; returns the wait status.
  int stop(int signal, std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // Waits for the child to exit by itself; its wait status, or -1 on timeout (still running).
  int wait(std::chrono::milliseconds timeout);
  bool running();
  pid_t pid() const { return pid_; }
  std::string out();
  std::string err();

 private:
  void read_output(int out_fd, int err_fd);
  int reap(bool block);

  pid_t pid_ = -1;
  int status_ = -1;
  bool exited_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string out_;
  std::string err_;
  bool output_closed_ = false;
  std::atomic<bool> reader_stop_ = false;
  std::thread reader_;
};

}  // namespace motcua::testing
