#include "sandbox/channel_table.h"

#include <string>

namespace motcua::sandbox {
namespace {

struct ChannelRow {
  std::string_view type;
  std::string_view code;
  std::string_view name;
};

// Major Vietnamese banks by their NAPAS BIN, then the e-wallets (trung gian thanh toán).
constexpr ChannelRow kChannels[] = {
    {"bank", "970436", "Vietcombank"}, {"bank", "970415", "VietinBank"},
    {"bank", "970418", "BIDV"},        {"bank", "970405", "Agribank"},
    {"bank", "970407", "Techcombank"}, {"bank", "970422", "MB"},
    {"bank", "970416", "ACB"},         {"bank", "970432", "VPBank"},
    {"bank", "970403", "Sacombank"},   {"bank", "970423", "TPBank"},
    {"wallet", "MOMO", "MoMo"},        {"wallet", "ZALOPAY", "ZaloPay"},
    {"wallet", "VNPAY", "VNPAY"},      {"wallet", "VIETTELMONEY", "Viettel Money"},
};

app::GatewayChannel to_channel(const ChannelRow& row) {
  return {std::string(row.type), std::string(row.code), std::string(row.name)};
}

}  // namespace

std::vector<app::GatewayChannel> sandbox_channels() {
  std::vector<app::GatewayChannel> out;
  for (const auto& row : kChannels) out.push_back(to_channel(row));
  return out;
}

std::optional<app::GatewayChannel> find_channel(std::string_view code) {
  for (const auto& row : kChannels) {
    if (row.code == code) return to_channel(row);
  }
  return std::nullopt;
}

}  // namespace motcua::sandbox
