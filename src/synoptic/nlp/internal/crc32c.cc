#include "synoptic/nlp/internal/crc32c.h"

#include <array>

namespace synoptic::nlp::internal {
namespace {

// Byte-at-a-time table of the reflected polynomial 0x82f63b78.
struct CrcTable {
  std::array<uint32_t, 256> t{};
  constexpr CrcTable() {
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k)
        c = (c >> 1) ^ (0x82f63b78u & (0u - (c & 1u)));
      t[i] = c;
    }
  }
};
constexpr CrcTable kCrc;

}  // namespace

uint32_t Crc32c(std::string_view data) {
  uint32_t crc = 0xffffffffu;
  for (const char c : data) {
    crc = (crc >> 8) ^ kCrc.t[(crc ^ static_cast<uint8_t>(c)) & 0xffu];
  }
  return ~crc;
}

}  // namespace synoptic::nlp::internal
