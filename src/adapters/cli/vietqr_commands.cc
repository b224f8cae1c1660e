// `motcua vietqr encode|decode`: the VietQR codec on the command line (DESIGN §2).
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <charconv>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>

#include "adapters/cli/command_context.h"
#include "adapters/qr/qr_matrix.h"
#include "adapters/qr/qr_png.h"
#include "adapters/qr/qr_svg.h"
#include "core/vietqr.h"

namespace motcua::adapters::cli {
namespace {

struct EncodeOptions {
  std::string bin;
  std::string account;
  std::string service = "QRIBFTTA";
  std::string amount;
  std::string bill;
  std::string purpose;
  std::string name;
  std::string city;
  std::string svg_path;
  std::string png_path;
  std::size_t scale = 8;
};

// Parses --amount: whole đồng, digits only. Range limits are the codec's.
core::Result<std::int64_t> parse_amount(const std::string& text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec == std::errc::invalid_argument || ptr != end) {
    return core::invalid_input("--amount: \"" + text +
                               "\" is not a whole number of dong (no decimals or separators)");
  }
  if (ec == std::errc::result_out_of_range) {
    return core::out_of_range("--amount: " + text + " is too large (at most 13 digits)");
  }
  return value;
}

core::Status write_images(const std::string& payload, const EncodeOptions& options) {
  if (options.svg_path.empty() && options.png_path.empty()) return {};
  core::Result<qr::QrMatrix> matrix = qr::encode_qr(payload);
  if (!matrix) return matrix.error();
  if (!options.svg_path.empty()) {
    std::string svg = qr::render_svg(*matrix, "VietQR: " + options.bin + " " + options.account);
    core::Status written = qr::write_file(options.svg_path, {svg.begin(), svg.end()});
    if (!written) return written;
  }
  if (!options.png_path.empty()) {
    core::Result<std::vector<std::uint8_t>> png = qr::render_png(*matrix, options.scale);
    if (!png) return png.error();
    core::Status written = qr::write_file(options.png_path, *png);
    if (!written) return written;
  }
  return {};
}

void run_encode(const EncodeOptions& options, CommandContext& context) {
  core::VietQr qr{.bin = options.bin,
                  .account = options.account,
                  .bill = options.bill,
                  .purpose = options.purpose,
                  .name = options.name,
                  .city = options.city};
  std::optional<core::VietQrService> service = core::parse_service_code(options.service);
  if (!service) {
    context.fail("--service: must be QRIBFTTA (account) or QRIBFTTC (card), got \"" +
                 options.service + "\"");
    return;
  }
  qr.service = *service;
  if (!options.amount.empty()) {
    core::Result<std::int64_t> amount = parse_amount(options.amount);
    if (!amount) {
      context.fail(amount.error().message);
      return;
    }
    qr.amount = *amount;
  }
  core::Result<std::string> payload = core::encode_vietqr(qr);
  if (!payload) {
    context.fail(payload.error().message);
    return;
  }
  if (core::Status written = write_images(*payload, options); !written) {
    context.fail(written.error().message);
    return;
  }
  context.out << *payload << "\n";
}

void run_decode(const std::string& payload, CommandContext& context) {
  core::Result<core::VietQr> qr = core::decode_vietqr(payload);
  if (!qr) {
    context.fail(qr.error().message);
    return;
  }
  boost::json::object json;
  json["bin"] = qr->bin;
  json["account"] = qr->account;
  json["service"] = core::service_code(qr->service);
  if (qr->amount) {
    json["amount"] = *qr->amount;
  } else {
    json["amount"] = nullptr;
  }
  json["bill"] = qr->bill;
  json["purpose"] = qr->purpose;
  json["name"] = qr->name;
  json["city"] = qr->city;
  json["one_time"] = qr->one_time;
  context.out << boost::json::serialize(json) << "\n";
}

// Runs `body`, turning any escaped exception into a reported failure rather than a crash.
template <typename Body>
void guarded(CommandContext& context, Body body) {
  try {
    body();
  } catch (const std::exception& e) {
    context.fail(e.what());
  }
}

}  // namespace

void add_vietqr_commands(CLI::App& app, CommandContext& context) {
  CLI::App* vietqr = app.add_subcommand("vietqr", "Encode and decode VietQR bank-transfer codes");
  vietqr->require_subcommand(1);

  auto encode_options = std::make_shared<EncodeOptions>();
  CLI::App* encode = vietqr->add_subcommand(
      "encode", "Print the VietQR payload for a transfer; optionally write SVG and PNG images");
  encode->add_option("--bin", encode_options->bin, "Bank BIN, 6 digits (e.g. 970422)")->required();
  encode->add_option("--account", encode_options->account, "Account or card number")->required();
  encode->add_option("--service", encode_options->service,
                     "QRIBFTTA (to account, default) or QRIBFTTC (to card)");
  encode->add_option("--amount", encode_options->amount, "Amount in whole dong; makes it one-time");
  encode->add_option("--bill", encode_options->bill, "Bill number, e.g. the case code (<= 25)");
  encode->add_option("--purpose", encode_options->purpose, "Transfer note (<= 25)");
  encode->add_option("--name", encode_options->name, "Beneficiary name (<= 25)");
  encode->add_option("--city", encode_options->city, "Beneficiary city (<= 15)");
  encode->add_option("--svg", encode_options->svg_path, "Write the QR code as SVG to this file");
  encode->add_option("--png", encode_options->png_path, "Write the QR code as PNG to this file");
  encode->add_option("--scale", encode_options->scale, "PNG pixels per module (default 8)")
      ->check(CLI::Range(std::size_t{1}, qr::kMaxPngScale));
  encode->callback([encode_options, &context] {
    guarded(context, [&] { run_encode(*encode_options, context); });
  });

  auto payload = std::make_shared<std::string>();
  CLI::App* decode =
      vietqr->add_subcommand("decode", "Validate a VietQR payload and print its fields as JSON");
  decode->add_option("payload", *payload, "The payload text")->required();
  decode->callback(
      [payload, &context] { guarded(context, [&] { run_decode(*payload, context); }); });
}

}  // namespace motcua::adapters::cli
