#include <CLI/CLI.hpp>

#include "adapters/cli/command_context.h"

namespace motcua::adapters::cli {

void add_money_commands(CLI::App& app, CommandContext& context) {
  (void)context;
  app.add_subcommand("money", "(not yet implemented)");
}

}  // namespace motcua::adapters::cli
