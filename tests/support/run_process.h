#pragma once

#include <string>

namespace motcua::testing {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `command` through /bin/sh and captures its exit code, stdout and stderr.
ProcessResult run_process(const std::string& command);

// Quotes one argument for /bin/sh.
std::string shell_quote(const std::string& argument);

}  // namespace motcua::testing
