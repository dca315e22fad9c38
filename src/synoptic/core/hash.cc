// The one adapter for xxHash.
#include "synoptic/core/hash.h"

#include <xxhash.h>

#include <cstdio>

namespace synoptic {

uint64_t Hash64(std::string_view data, uint64_t seed) {
  return XXH3_64bits_withSeed(data.data(), data.size(), seed);
}

std::string HexId(std::string_view data) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx",
                static_cast<unsigned long long>(Hash64(data)));
  return buf;
}

}  // namespace synoptic
