// Fuzzes the dependency-parser model loader: damaged or hostile model bytes
// must be refused with a Status, never crash; a model that loads must parse
// a sentence into one projective tree. Each input is tried as a whole file
// and, wrapped with a correct length and CRC-32C, as a payload, so that the
// fuzzer gets past the checksum into the payload decoder.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "synoptic/nlp/dep_parser.h"

namespace {

uint32_t Crc32c(std::string_view data) {
  uint32_t crc = 0xffffffffu;
  for (const char c : data) {
    crc ^= static_cast<uint8_t>(c);
    for (int k = 0; k < 8; ++k)
      crc = (crc >> 1) ^ (0x82f63b78u & (0u - (crc & 1u)));
  }
  return ~crc;
}

void Check(std::string_view bytes) {
  auto m = synoptic::nlp::DecodeDepModel(bytes);
  if (!m.ok()) return;
  const std::vector<std::string_view> words = {"Talks", "resumed", "in",
                                               "Geneva", "."};
  const std::vector<synoptic::Pos> tags = {
      synoptic::Pos::kNoun, synoptic::Pos::kVerb, synoptic::Pos::kAdp,
      synoptic::Pos::kPropn, synoptic::Pos::kPunct};
  std::vector<uint32_t> heads(words.size());
  std::vector<uint8_t> labels(words.size());
  synoptic::nlp::DepWorkspace ws;
  synoptic::nlp::Parse(**m, words, tags, {}, &ws, heads, labels);
  size_t roots = 0;
  for (size_t i = 0; i < heads.size(); ++i) {
    if (heads[i] >= heads.size()) std::abort();
    roots += heads[i] == i;
    (void)synoptic::nlp::DepLabelName(**m, labels[i]);
  }
  if (roots != 1) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  Check(in);
  std::string file = "synoptic dep-model 1\n# fuzz\n\n";
  const uint64_t len = size;
  const uint32_t crc = Crc32c(in);
  file.append(reinterpret_cast<const char*>(&len), sizeof len);
  file.append(reinterpret_cast<const char*>(&crc), sizeof crc);
  file.append(in);
  Check(file);
  return 0;
}
