#include "synoptic/core/utf8.h"

namespace synoptic::utf8 {
namespace {

// Length of a well-formed sequence starting at s[pos], or 0 if ill-formed.
// Follows the Unicode table of well-formed byte sequences (Table 3-7).
size_t SequenceLength(std::string_view s, size_t pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return 1;
  auto cont = [&](size_t i, unsigned char lo, unsigned char hi) {
    if (pos + i >= s.size()) return false;
    const auto b = static_cast<unsigned char>(s[pos + i]);
    return b >= lo && b <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : 0;
  if (b0 == 0xE0) return cont(1, 0xA0, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
  if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) {
    return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (b0 == 0xED) return cont(1, 0x80, 0x9F) && cont(2, 0x80, 0xBF) ? 3 : 0;
  if (b0 == 0xF0) {
    return cont(1, 0x90, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF)
               ? 4 : 0;
  }
  if (b0 >= 0xF1 && b0 <= 0xF3) {
    return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF)
               ? 4 : 0;
  }
  if (b0 == 0xF4) {
    return cont(1, 0x80, 0x8F) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF)
               ? 4 : 0;
  }
  return 0;
}

}  // namespace

bool IsValid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t n = SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string Sanitize(std::string_view s, size_t* replaced) {
  std::string out;
  out.reserve(s.size());
  size_t bad = 0;
  size_t i = 0;
  while (i < s.size()) {
    const size_t n = SequenceLength(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++bad;
      ++i;
    } else {
      out.append(s.data() + i, n);
      i += n;
    }
  }
  if (replaced) *replaced = bad;
  return out;
}

char32_t Next(std::string_view s, size_t* pos) {
  const size_t i = *pos;
  const size_t n = SequenceLength(s, i);
  if (n == 0) {
    *pos = i + 1;
    return 0xFFFD;
  }
  *pos = i + n;
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  switch (n) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1Fu) << 6) | (b(1) & 0x3Fu);
    case 3: return ((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
    default:
      return ((b(0) & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) |
             ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
  }
}

void Append(char32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

OffsetMap::OffsetMap(std::string_view text) {
  cp_at_byte_.resize(text.size() + 1);
  byte_at_cp_.reserve(text.size() + 1);
  uint32_t cp = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool lead = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (lead) {
      byte_at_cp_.push_back(static_cast<uint32_t>(i));
      cp_at_byte_[i] = cp++;
    } else {
      cp_at_byte_[i] = cp == 0 ? 0 : cp - 1;
    }
  }
  cp_at_byte_[text.size()] = cp;
  byte_at_cp_.push_back(static_cast<uint32_t>(text.size()));
}

uint32_t OffsetMap::ToCodePoint(uint32_t byte_offset) const {
  if (byte_offset >= cp_at_byte_.size()) return cp_at_byte_.back();
  return cp_at_byte_[byte_offset];
}

uint32_t OffsetMap::ToByte(uint32_t cp_index) const {
  if (cp_index >= byte_at_cp_.size()) return byte_at_cp_.back();
  return byte_at_cp_[cp_index];
}

}  // namespace synoptic::utf8
