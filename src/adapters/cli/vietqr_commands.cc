#include <CLI/CLI.hpp>

#include "adapters/cli/command_context.h"

namespace motcua::adapters::cli {

void add_vietqr_commands(CLI::App& app, CommandContext& context) {
  (void)context;
  app.add_subcommand("vietqr", "(not yet implemented)");
}

}  // namespace motcua::adapters::cli
