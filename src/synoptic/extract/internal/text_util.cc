// Text helpers. ToNfc is the only ICU user in extract (adapter).
#include "synoptic/extract/internal/text_util.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <cstring>

#include "synoptic/core/utf8.h"

namespace synoptic::extract::internal {
namespace {

// Length of a white-space sequence at s[i] (0 if none): ASCII space/control
// white space, U+00A0, U+1680, U+2000..U+200B, U+2028/29, U+202F, U+205F,
// U+3000, U+FEFF.
size_t SpaceLen(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
      c == '\v') {
    return 1;
  }
  if (c < 0xC2) return 0;
  if (c == 0xC2 && i + 1 < s.size() && (unsigned char)s[i + 1] == 0xA0) {
    return 2;
  }
  if (i + 2 >= s.size()) return 0;
  unsigned char c1 = s[i + 1], c2 = s[i + 2];
  if (c == 0xE2 && c1 == 0x80 &&
      (c2 <= 0x8B || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) {
    return 3;
  }
  if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;
  if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;
  if (c == 0xE1 && c1 == 0x9A && c2 == 0x80) return 3;
  if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return 3;
  return 0;
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

}  // namespace

void AppendCollapsed(std::string_view in, std::string* out,
                     bool* pending_space) {
  size_t i = 0;
  while (i < in.size()) {
    size_t n = SpaceLen(in, i);
    if (n > 0) {
      *pending_space = true;
      i += n;
      continue;
    }
    size_t j = i + 1;
    while (j < in.size() && SpaceLen(in, j) == 0) ++j;
    if (*pending_space && !out->empty() && out->back() != ' ') {
      out->push_back(' ');
    }
    *pending_space = false;
    out->append(in.data() + i, j - i);
    i = j;
  }
}

std::string_view Trim(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    size_t n = SpaceLen(s, b);
    if (n == 0) break;
    b += n;
  }
  size_t e = s.size();
  while (e > b) {
    // Step back over one code point and test it.
    size_t p = e - 1;
    while (p > b && ((unsigned char)s[p] & 0xC0) == 0x80) --p;
    if (SpaceLen(s, p) != e - p) break;
    e = p;
  }
  return s.substr(b, e - b);
}

std::string ToNfc(std::string_view s) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  if (U_FAILURE(ec) || nfc == nullptr) return std::string(s);
  icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  if (nfc->isNormalizedUTF8(piece, ec) && U_SUCCESS(ec)) return std::string(s);
  ec = U_ZERO_ERROR;
  std::string out;
  out.reserve(s.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, ec);
  if (U_FAILURE(ec)) return std::string(s);
  return out;
}

size_t CharCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool EqualsCi(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool StartsWithCi(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         EqualsCi(s.substr(0, prefix.size()), prefix);
}

bool ContainsCi(std::string_view s, std::string_view needle) {
  if (needle.empty()) return true;
  if (s.size() < needle.size()) return false;
  char first = AsciiLower(needle[0]);
  for (size_t i = 0; i + needle.size() <= s.size(); ++i) {
    if (AsciiLower(s[i]) == first &&
        EqualsCi(s.substr(i, needle.size()), needle)) {
      return true;
    }
  }
  return false;
}

bool IsValidUtf8NoNul(std::string_view s) {
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  const char* p = s.data();
  size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      // All ASCII and no zero byte: skip the word.
      if ((w & kHigh) == 0 && ((w - kOnes) & ~w & kHigh) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c == 0) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    // A run of non-ASCII bytes holds whole code points (continuation and
    // lead bytes are never ASCII): check it on its own.
    size_t j = i;
    while (j < n && static_cast<unsigned char>(p[j]) >= 0x80) ++j;
    if (!utf8::IsValid(s.substr(i, j - i))) return false;
    i = j;
  }
  return true;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

std::string NormKey(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    bool word = IsAsciiAlnum(c) || c >= 0x80;
    // Typographic apostrophes and quotes (U+2018..U+201D) separate words.
    if (c == 0xE2 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x9F) {
      word = false;
      i += 2;
    }
    if (word) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      // Latin-1 capitals (U+00C0..U+00DE but U+00D7) fold like ASCII:
      // "Ähnliche" and "ähnliche" give one key.
      if (c == 0xC3 && i + 1 < s.size()) {
        unsigned char d = s[i + 1];
        out.push_back(static_cast<char>(c));
        out.push_back(static_cast<char>(
            d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d));
        ++i;
        continue;
      }
      out.push_back(AsciiLower(static_cast<char>(c)));
    } else {
      space = true;
    }
  }
  return out;
}

TextShape ShapeOf(std::string_view s) {
  TextShape t;
  bool in_word = false;
  size_t last_visible = std::string_view::npos;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + len > s.size()) len = s.size() - i;
    ++t.chars;
    // Non-ASCII counts as a word character except the General Punctuation
    // and symbol blocks (lead byte 0xE2: U+2000..U+2FFF).
    bool alnum = IsAsciiAlnum(c) || (c >= 0x80 && c != 0xE2);
    // CJK ideographs and kana (U+3040..U+9FFF) are written without spaces:
    // each counts as a word, and the full-width stops end sentences.
    bool cjk = len == 3 && c >= 0xE3 && c <= 0xE9 &&
               !(c == 0xE3 && (unsigned char)s[i + 1] == 0x80);
    if (cjk) in_word = false;
    std::string_view cp = s.substr(i, len);
    bool wide_stop =
        cp == "\xE3\x80\x82" || cp == "\xEF\xBC\x81" || cp == "\xEF\xBC\x9F";
    if (wide_stop) {
      ++t.sentences;
      alnum = false;
    }
    if (c == 0xEF && len == 3)
      alnum = false;  // full-width punctuation and forms
    if (alnum && !in_word) {
      ++t.words;
      if ((c >= 'A' && c <= 'Z') ||
          (c == 0xC3 && len == 2 && (unsigned char)s[i + 1] < 0x9F)) {
        ++t.cap_words;
      }
    }
    if (c >= '0' && c <= '9') t.has_digit = true;
    in_word =
        alnum || (in_word && (c == '\'' || c == '-') && i + 1 < s.size() &&
                  IsAsciiAlnum((unsigned char)s[i + 1]));
    if (c == ',') ++t.commas;
    if (c == '.' || c == '!' || c == '?') {
      bool end = i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '"' ||
                 (unsigned char)s[i + 1] == 0xE2;
      // "U.S." "J." and title abbreviations ("Dr.", "Gov.") are not
      // sentence ends.
      bool abbrev = c == '.' && i + 1 < s.size() && i >= 2 &&
                    (s[i - 2] == '.' || s[i - 2] == ' ') && s[i - 1] >= 'A' &&
                    s[i - 1] <= 'Z';
      if (c == '.' && !abbrev) {
        size_t w = i;
        while (w > 0 && IsAsciiAlnum((unsigned char)s[w - 1])) --w;
        std::string_view word = s.substr(w, i - w);
        static constexpr std::string_view kAbbrev[] = {
            "Dr",   "Mr",  "Mrs", "Ms",  "St",  "Jr", "Sr",
            "Prof", "Gen", "Gov", "Sen", "Rep", "Lt", "Col",
            "Capt", "Sgt", "No",  "vs",  "Mt",  "Rev"};
        for (std::string_view a : kAbbrev) abbrev |= word == a;
      }
      if (end && !abbrev && !(i + 1 < s.size() && s[i + 1] == '.'))
        ++t.sentences;
    }
    if (c != ' ' && c != '\t') last_visible = i + len - 1;
    i += len;
  }
  // Last visible code point, skipping closing quotes and brackets.
  if (last_visible != std::string_view::npos) {
    size_t e = last_visible + 1;
    while (e > 0) {
      size_t p = e - 1;
      while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80) --p;
      std::string_view cp = s.substr(p, e - p);
      if (cp == "\"" || cp == "'" || cp == "\xE2\x80\x9D" ||
          cp == "\xE2\x80\x99" || cp == "\xC2\xBB" || cp == "*") {
        e = p;
        continue;
      }
      if (cp == "." || cp == "!" || cp == "?" || cp == "\xE2\x80\xA6" ||
          cp == "\xE3\x80\x82" || cp == "\xEF\xBC\x81" ||
          cp == "\xEF\xBC\x9F") {
        t.ends_terminal = true;
        t.ends_question = cp == "?" || cp == "\xEF\xBC\x9F";
      }
      break;
    }
  }
  if (t.ends_terminal && t.sentences == 0) t.sentences = 1;
  return t;
}

}  // namespace synoptic::extract::internal
