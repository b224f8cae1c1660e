#pragma once

#include <cstdint>
#include <string_view>

namespace motcua::core {

// CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR.
// This is the checksum of EMVCo QR payloads (VietQR tag 63). Check value: "123456789" -> 0x29B1.
std::uint16_t crc16_ccitt_false(std::string_view data);

}  // namespace motcua::core
