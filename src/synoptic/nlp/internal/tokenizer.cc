// Tokenizer: one left-to-right scan over code points, emitting tokens with
// exact byte offsets. This file is the nlp stage's only ICU adapter
// (character classes and lowercasing).
//
// A word is a run of letters/digits/marks that may also absorb a joiner when
// a letter or digit follows it: a hyphen ("Jong-un", "long-range"), an
// apostrophe inside a word ("O'Brien"; but "'s" at the end is split off),
// and for numbers '.', ',', '/', ':' ("1,000.5", "9/13", "23:18"). Dotted
// acronyms ("U.S.", "e.g.") keep their periods; a single capital followed by
// a period is an initial ("V."); lexicon words marked abbr ("Dr", "Sept")
// take their period. Everything else is one token per code point, except
// runs of '.' and '-' ("...", "--").
#include <unicode/uchar.h>

#include <cstring>

#include "synoptic/core/utf8.h"
#include "synoptic/nlp/internal/nlp_internal.h"

namespace synoptic::nlp::internal {
namespace {

bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  if (u_isalnum(static_cast<UChar32>(c))) return true;
  const int32_t gc = u_charType(static_cast<UChar32>(c));
  return gc == U_NON_SPACING_MARK || gc == U_COMBINING_SPACING_MARK;
}

bool IsSpace(char32_t c) {
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
  if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF) return true;
  return u_isUWhiteSpace(static_cast<UChar32>(c)) ||
         u_charType(static_cast<UChar32>(c)) == U_CONTROL_CHAR;
}

bool IsDigit(char32_t c) {
  return c < 0x80 ? (c >= '0' && c <= '9') : u_isdigit(static_cast<UChar32>(c));
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool IsQuoteChar(char32_t c) {
  switch (c) {
    case '"':
    case '\'':
    case '`':
    case 0x201C:
    case 0x201D:
    case 0x2018:
    case 0x2019:
    case 0x00AB:
    case 0x00BB:
    case 0x201E:
    case 0x201A:
    case 0x2039:
    case 0x203A:
    case 0x201F:
    case 0x201B:
      return true;
    default:
      return false;
  }
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) ||
         u_istitle(static_cast<UChar32>(c));
}
bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(static_cast<UChar32>(c));
}

char32_t PeekAt(std::string_view s, size_t pos, size_t* next) {
  if (pos >= s.size()) {
    *next = pos;
    return 0;
  }
  size_t p = pos;
  char32_t c = utf8::Next(s, &p);
  *next = p;
  return c;
}

uint8_t WordFlags(std::string_view w) {
  uint8_t flags = 0;
  size_t p = 0;
  int letters = 0;
  int upper = 0;
  bool first = true;
  while (p < w.size()) {
    char32_t c = utf8::Next(w, &p);
    if (first) {
      if (IsUpper(c)) flags |= kTokCapitalized;
      if (IsDigit(c)) flags |= kTokDigit;
      first = false;
    }
    if (IsLetter(c)) {
      ++letters;
      if (IsUpper(c)) ++upper;
    }
  }
  if (letters >= 2 && upper == letters) flags |= kTokAllCaps;
  return flags;
}

// If text[pos..] (just after an apostrophe) is a clitic ("s", "re", "ve",
// "ll", "d", "m") not followed by a word character, returns its end; else 0.
size_t CliticEnd(std::string_view text, size_t pos) {
  for (std::string_view c : {"s", "re", "ve", "ll", "d", "m"}) {
    if (text.size() - pos < c.size()) continue;
    bool match = true;
    for (size_t i = 0; i < c.size(); ++i) {
      const char ch = text[pos + i];
      if (ch != c[i] && ch != c[i] - 32) match = false;
    }
    if (!match) continue;
    size_t n;
    const char32_t f = PeekAt(text, pos + c.size(), &n);
    if (!IsWordChar(f)) return pos + c.size();
  }
  return 0;
}

}  // namespace

std::string_view LowerInto(std::string_view word, char* buf, size_t cap) {
  size_t n = 0;
  size_t p = 0;
  while (p < word.size()) {
    const unsigned char b = static_cast<unsigned char>(word[p]);
    if (b < 0x80) {
      if (n + 1 > cap) return {};
      buf[n++] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++p;
      continue;
    }
    char32_t c = utf8::Next(word, &p);
    char32_t l = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    char tmp[4];
    size_t k = 0;
    if (l < 0x800) {
      tmp[k++] = static_cast<char>(0xC0 | (l >> 6));
      tmp[k++] = static_cast<char>(0x80 | (l & 0x3F));
    } else if (l < 0x10000) {
      tmp[k++] = static_cast<char>(0xE0 | (l >> 12));
      tmp[k++] = static_cast<char>(0x80 | ((l >> 6) & 0x3F));
      tmp[k++] = static_cast<char>(0x80 | (l & 0x3F));
    } else {
      tmp[k++] = static_cast<char>(0xF0 | (l >> 18));
      tmp[k++] = static_cast<char>(0x80 | ((l >> 12) & 0x3F));
      tmp[k++] = static_cast<char>(0x80 | ((l >> 6) & 0x3F));
      tmp[k++] = static_cast<char>(0x80 | (l & 0x3F));
    }
    if (n + k > cap) return {};
    std::memcpy(buf + n, tmp, k);
    n += k;
  }
  return std::string_view(buf, n);
}

void Tokenize(const NlpModel& model, DocAnalysis* a) {
  const std::string_view text = a->doc.text;
  std::vector<Token>& out = a->tokens;
  out.reserve(text.size() / 5 + 16);
  char lower_buf[64];
  size_t pos = 0;
  auto emit = [&](size_t b, size_t e, uint8_t flags) {
    Token t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    t.flags = flags;
    out.push_back(t);
  };
  while (pos < text.size()) {
    size_t next;
    const char32_t c = PeekAt(text, pos, &next);
    if (IsSpace(c)) {
      pos = next;
      continue;
    }
    if (IsWordChar(c)) {
      const size_t start = pos;
      const bool numeric = IsDigit(c);
      bool dotted = false;      // has an internal acronym period ("U.S")
      int segment_letters = 0;  // letters since start or last '.'
      bool single_segments = true;
      pos = next;
      segment_letters = 1;
      while (pos < text.size()) {
        size_t n1;
        const char32_t d = PeekAt(text, pos, &n1);
        if (IsWordChar(d)) {
          ++segment_letters;
          pos = n1;
          continue;
        }
        size_t n2;
        const char32_t e = PeekAt(text, n1, &n2);
        if (IsHyphen(d) && IsWordChar(e)) {
          pos = n2;
          segment_letters = 1;
          single_segments = false;
          continue;
        }
        if (IsApostrophe(d) && IsLetter(e)) {
          if (CliticEnd(text, n1) != 0) break;  // "'s", "'re", "'ll" ...
          pos = n2;
          ++segment_letters;
          continue;
        }
        if (numeric && (d == '.' || d == ',' || d == '/' || d == ':') &&
            IsDigit(e)) {
          pos = n2;
          continue;
        }
        // "U.S", "e.g", and "Ph.D" (a two-letter capitalised first part).
        const bool short_segment =
            segment_letters == 1 ||
            (segment_letters == 2 && !dotted && IsUpper(c));
        if (d == '.' && !numeric && single_segments && short_segment &&
            IsLetter(e)) {
          size_t n3;
          const char32_t f = PeekAt(text, n2, &n3);
          if (f == '.') {  // "U.S", then the loop sees the next period
            dotted = true;
            pos = n2;
            segment_letters = 1;
            continue;
          }
        }
        break;
      }
      // A period that belongs to the word: acronym, initial, abbreviation.
      if (pos < text.size() && text[pos] == '.' && !numeric) {
        const std::string_view w = text.substr(start, pos - start);
        bool take = false;
        if (dotted && segment_letters == 1) {
          take = true;
        } else if (segment_letters == 1 && w.size() == 1 && IsUpper(c)) {
          take = true;  // initial "V."
        } else {
          std::string_view lw = LowerInto(w, lower_buf, sizeof(lower_buf));
          const LexEntry* le = lw.empty() ? nullptr : model.Find(lw);
          take = le != nullptr && (le->cues & kCueAbbr) != 0;
        }
        if (take) ++pos;
      }
      emit(start, pos, WordFlags(text.substr(start, pos - start)));
      continue;
    }
    // Possessive / contraction ("'s", "'re") glued to the previous word.
    if (IsApostrophe(c) && !out.empty() && out.back().end == pos) {
      const size_t clitic_end = CliticEnd(text, next);
      if (clitic_end != 0) {
        emit(pos, clitic_end, 0);
        pos = clitic_end;
        continue;
      }
    }
    // Runs of periods and hyphens form one token ("...", "--").
    if (c == '.' || c == '-') {
      size_t e = next;
      while (e < text.size() && text[e] == static_cast<char>(c)) ++e;
      emit(pos, e, kTokPunct);
      pos = e;
      continue;
    }
    uint8_t flags = kTokPunct;
    if (IsQuoteChar(c)) flags |= kTokQuote;
    emit(pos, next, flags);
    pos = next;
  }
}

}  // namespace synoptic::nlp::internal
