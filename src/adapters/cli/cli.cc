#include "adapters/cli/cli.h"

#include <CLI/CLI.hpp>

#include "adapters/cli/command_context.h"

namespace motcua::adapters::cli {

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"motcua: one-stop-shop cases and QR fee payment (Bộ phận Một cửa)", "motcua"};
  app.require_subcommand(1);
  CommandContext context{out, err};
  add_vietqr_commands(app, context);
  add_money_commands(app, context);
  add_calendar_commands(app, context);
  add_store_commands(app, context);
  add_serve_command(app, context);
  add_reconcile_command(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints the message (or the help, with code 0); every usage error exits 2.
    return app.exit(e, out, err) == 0 ? 0 : 2;
  }
  return context.exit_code;
}

}  // namespace motcua::adapters::cli
