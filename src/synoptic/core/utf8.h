// Small UTF-8 utilities used on hot paths and at the report edge.
//
// Pure functions, no allocation unless a std::string is returned, safe from
// any thread. Heavy Unicode work (normalisation, case folding, charsets,
// break iteration) goes through ICU in the stages that need it.
#ifndef SYNOPTIC_CORE_UTF8_H_
#define SYNOPTIC_CORE_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace synoptic::utf8 {

// True if s is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValid(std::string_view s);

// Replaces every ill-formed sequence with U+FFFD; returns how many were
// replaced in *replaced (may be null).
std::string Sanitize(std::string_view s, size_t* replaced);

// Decodes one code point at s[*pos], advancing *pos; returns U+FFFD and
// advances one byte on ill-formed input.
char32_t Next(std::string_view s, size_t* pos);
void Append(char32_t cp, std::string* out);

// Number of code points in s (s must be valid UTF-8).
size_t CountCodePoints(std::string_view s);

// Maps byte offsets of one text to code point offsets in O(1) per query
// after an O(n) build. Immutable after construction; thread-safe to read.
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view text);
  // byte_offset must be <= text.size(); offsets inside a code point map to
  // that code point's index.
  uint32_t ToCodePoint(uint32_t byte_offset) const;
  // Inverse: code point index -> byte offset (index <= CountCodePoints).
  uint32_t ToByte(uint32_t cp_index) const;

 private:
  std::vector<uint32_t> cp_at_byte_;   // size text.size()+1
  std::vector<uint32_t> byte_at_cp_;   // size ncp+1
};

}  // namespace synoptic::utf8

#endif  // SYNOPTIC_CORE_UTF8_H_
