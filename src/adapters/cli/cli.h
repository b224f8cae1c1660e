#pragma once

#include <iosfwd>

namespace motcua::adapters::cli {

// Parses the command line and runs one command. Returns the process exit code: 0 on success,
// 1 when the command's input is rejected (one line on `err` names the fault), 2 on a usage error.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace motcua::adapters::cli
