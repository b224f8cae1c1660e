#include "sandbox_process.h"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

extern char** environ;

namespace motcua::testing {

SandboxProcess::SandboxProcess(const std::vector<std::string>& args) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  std::vector<std::string> all{MOTCUA_SANDBOX_BIN, "--port", "0"};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  if (posix_spawn(&pid_, MOTCUA_SANDBOX_BIN, &actions, nullptr, argv.data(), environ) != 0) {
    pid_ = -1;
  }
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  stdout_fd_ = pipe_fds[0];
  if (pid_ < 0) return;
  // Read the first line, with a deadline (an ASan build starts in well under a second).
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (first_line_.find('\n') == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    pollfd p{stdout_fd_, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buffer[256];
    ssize_t n = read(stdout_fd_, buffer, sizeof buffer);
    if (n <= 0) break;
    first_line_.append(buffer, static_cast<std::size_t>(n));
  }
  constexpr std::string_view kPrefix = "listening on http://127.0.0.1:";
  if (first_line_.starts_with(kPrefix)) {
    port_ = static_cast<std::uint16_t>(std::stoi(first_line_.substr(kPrefix.size())));
  }
}

int SandboxProcess::terminate(std::chrono::milliseconds within) {
  if (pid_ < 0) return -1;
  kill(pid_, SIGTERM);
  auto deadline = std::chrono::steady_clock::now() + within;
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return -1;
}

SandboxProcess::~SandboxProcess() {
  terminate();
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

}  // namespace motcua::testing
