// motcua: the server (from the web issue on) and the operators' command line.
#include <exception>
#include <iostream>

#include "adapters/cli/cli.h"

int main(int argc, char** argv) {
  try {
    return motcua::adapters::cli::run(argc, argv, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "error: internal failure: " << e.what() << "\n";
    return 70;  // EX_SOFTWARE
  }
}
