// CRC-32C (Castagnoli) of model file payloads (style habit 10).
#ifndef SYNOPTIC_NLP_INTERNAL_CRC32C_H_
#define SYNOPTIC_NLP_INTERNAL_CRC32C_H_

#include <cstdint>
#include <string_view>

namespace synoptic::nlp::internal {

uint32_t Crc32c(std::string_view data);

}  // namespace synoptic::nlp::internal

#endif  // SYNOPTIC_NLP_INTERNAL_CRC32C_H_
