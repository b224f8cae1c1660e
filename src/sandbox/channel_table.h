#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "app/payment_gateway.h"

namespace motcua::sandbox {

// The banks (by NAPAS BIN) and wallets the sandbox's checkout offers, in display order: data in
// channel_table.cc, not logic.
std::vector<app::GatewayChannel> sandbox_channels();
// The channel with this code ("970436", "MOMO"), or nothing.
std::optional<app::GatewayChannel> find_channel(std::string_view code);

}  // namespace motcua::sandbox
