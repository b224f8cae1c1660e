#include "core/crc16.h"

#include <array>

namespace motcua::core {
namespace {

// One entry per leading byte: the CRC contribution of shifting that byte through the register.
constexpr std::array<std::uint16_t, 256> make_table() {
  std::array<std::uint16_t, 256> table{};
  for (unsigned byte = 0; byte < 256; ++byte) {
    unsigned crc = byte << 8;
    for (int bit = 0; bit < 8; ++bit) {
      crc = (crc & 0x8000u) != 0 ? (crc << 1) ^ 0x1021u : crc << 1;
    }
    table[byte] = static_cast<std::uint16_t>(crc & 0xFFFFu);
  }
  return table;
}

constexpr std::array<std::uint16_t, 256> kTable = make_table();

}  // namespace

std::uint16_t crc16_ccitt_false(std::string_view data) {
  unsigned crc = 0xFFFFu;
  for (char c : data) {
    unsigned index = ((crc >> 8) ^ static_cast<unsigned char>(c)) & 0xFFu;
    crc = ((crc << 8) ^ kTable[index]) & 0xFFFFu;
  }
  return static_cast<std::uint16_t>(crc);
}

}  // namespace motcua::core
