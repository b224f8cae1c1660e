#include "run_process.h"

#include <sys/wait.h>

#include <unistd.h>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace motcua::testing {

std::string shell_quote(const std::string& argument) {
  std::string quoted = "'";
  for (char c : argument) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

ProcessResult run_process(const std::string& command) {
  std::string err_path = "/tmp/motcua-test-stderr-XXXXXX";
  int fd = mkstemp(err_path.data());
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  close(fd);

  ProcessResult result;
  FILE* pipe = popen((command + " 2>" + shell_quote(err_path)).c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen failed: " + command);
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);

  std::ifstream err_file(err_path);
  std::stringstream err_text;
  err_text << err_file.rdbuf();
  result.err = err_text.str();
  std::remove(err_path.c_str());
  return result;
}

}  // namespace motcua::testing
