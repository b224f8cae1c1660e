#include <CLI/CLI.hpp>

#include "adapters/cli/command_context.h"
#include "core/amount_in_words.h"
#include "core/money.h"

namespace motcua::adapters::cli {

void add_money_commands(CLI::App& app, CommandContext& context) {
  CLI::App* money = app.add_subcommand("money", "Amounts in đồng");
  money->require_subcommand(1);

  CLI::App* words = money->add_subcommand("words", "Print an amount in Vietnamese words");
  auto amount = std::make_shared<std::string>();
  words->add_option("AMOUNT", *amount, "Whole đồng, e.g. 105000 or 105.000")->required();
  words->callback([&context, amount] {
    core::Result<core::Money> parsed = core::parse_money(*amount);
    if (!parsed.ok()) return context.fail(parsed.error().message);
    core::Result<std::string> text = core::amount_in_words(parsed.value());
    if (!text.ok()) return context.fail(text.error().message);
    context.out << text.value() << "\n";
  });

  CLI::App* format = money->add_subcommand("format", "Print an amount as the pages show it");
  auto format_amount = std::make_shared<std::string>();
  format->add_option("AMOUNT", *format_amount, "Whole đồng")->required();
  format->callback([&context, format_amount] {
    core::Result<core::Money> parsed = core::parse_money(*format_amount);
    if (!parsed.ok()) return context.fail(parsed.error().message);
    context.out << core::format_vnd(parsed.value()) << "\n";
  });
}

}  // namespace motcua::adapters::cli
