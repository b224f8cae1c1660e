#pragma once

#include <ostream>
#include <string_view>

namespace CLI {
class App;
}

namespace motcua::adapters::cli {

// What every command needs: where to write, and where to leave its exit code.
struct CommandContext {
  std::ostream& out;
  std::ostream& err;
  int exit_code = 0;

  // Reports a rejected input: one line on stderr, exit code 1.
  void fail(std::string_view message) {
    err << "error: " << message << "\n";
    exit_code = 1;
  }
};

// Each command group registers its subcommands on the root app.
void add_vietqr_commands(CLI::App& app, CommandContext& context);
void add_money_commands(CLI::App& app, CommandContext& context);
void add_calendar_commands(CLI::App& app, CommandContext& context);
void add_store_commands(CLI::App& app, CommandContext& context);  // migrate, seed
void add_serve_command(CLI::App& app, CommandContext& context);
void add_reconcile_command(CLI::App& app, CommandContext& context);  // daily đối soát

}  // namespace motcua::adapters::cli
