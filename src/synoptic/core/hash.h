// Content hashing (xxHash): document ids, dedup shingles, interning.
// Pure functions; safe from any thread.
#ifndef SYNOPTIC_CORE_HASH_H_
#define SYNOPTIC_CORE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace synoptic {

uint64_t Hash64(std::string_view data, uint64_t seed = 0);
// 16 lowercase hex digits of Hash64(data): the stable document id.
std::string HexId(std::string_view data);

}  // namespace synoptic

#endif  // SYNOPTIC_CORE_HASH_H_
