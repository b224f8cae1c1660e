#include <CLI/CLI.hpp>

#include "adapters/cli/command_context.h"

namespace motcua::adapters::cli {

void add_calendar_commands(CLI::App& app, CommandContext& context) {
  (void)context;
  app.add_subcommand("calendar", "(not yet implemented)");
}

}  // namespace motcua::adapters::cli
