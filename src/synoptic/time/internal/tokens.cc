// One forward pass over the bytes; the only per-token work beyond the scan is
// a lexicon lookup for short ASCII words.
#include "synoptic/time/internal/tokens.h"

#include "synoptic/time/internal/foreign.h"

namespace synoptic::time::internal {
namespace {

bool IsAlpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// Length of a non-ASCII punctuation mark at s[i] (dashes, curly quotes,
// non-breaking space handled by the caller), 0 if none.
int NonAsciiMark(std::string_view s, size_t i, char* code) {
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char c = static_cast<unsigned char>(s[i + 2]);
    if (c == 0x93 || c == 0x94) {
      *code = kDash;
      return 3;
    }
    if (c >= 0x98 && c <= 0x9F) {
      *code = kQuote;
      return 3;
    }
  }
  return 0;
}

bool IsNbsp(std::string_view s, size_t i) {
  return i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 &&
         static_cast<unsigned char>(s[i + 1]) == 0xA0;
}

}  // namespace

void Tokenize(std::string_view s, std::vector<Tok>* out,
              const ForeignWords* foreign) {
  out->clear();
  const size_t n = s.size();
  size_t i = 0;
  bool space = true;
  bool brk = true;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
        c == '\v') {
      space = true;
      if (c == '\n') brk = true;
      ++i;
      continue;
    }
    if (IsNbsp(s, i)) {
      space = true;
      i += 2;
      continue;
    }
    Tok t;
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    t.break_before = brk;
    space = false;
    brk = false;
    char code = 0;
    if (IsDigit(c)) {
      size_t j = i;
      int64_t v = 0;
      while (j < n && IsDigit(static_cast<unsigned char>(s[j]))) {
        if (v < 100000000) v = v * 10 + (s[j] - '0');
        ++j;
      }
      t.kind = TokKind::kNum;
      t.num = static_cast<int32_t>(v > 99999999 ? 99999999 : v);
      t.ndigits = static_cast<uint8_t>(j - i > 255 ? 255 : j - i);
      // Ordinal and plural suffixes belong to the number: "13th", "1990s".
      auto letter_at = [&](size_t k) {
        return k < n && IsAlpha(static_cast<unsigned char>(s[k]));
      };
      if (j + 1 < n && letter_at(j) && letter_at(j + 1) && !letter_at(j + 2)) {
        char a = Lower(s[j]), b = Lower(s[j + 1]);
        // French "1er" ("1er janvier") too.
        if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
            (a == 'r' && b == 'd') || (a == 't' && b == 'h') ||
            (a == 'e' && b == 'r' && v == 1)) {
          t.ordinal = true;
          j += 2;
        }
      } else if (letter_at(j) && Lower(s[j]) == 's' && !letter_at(j + 1)) {
        t.plural_s = true;
        j += 1;
      }
      t.end = static_cast<uint32_t>(j);
      i = j;
    } else if (IsAlpha(c) || c >= 0x80) {
      if (c >= 0x80 && NonAsciiMark(s, i, &code) > 0) {
        t.kind = TokKind::kPunct;
        t.punct = code;
        i += 3;
        t.end = static_cast<uint32_t>(i);
        out->push_back(t);
        continue;
      }
      // "a.m." / "p.m." as one word.
      char lc = Lower(static_cast<char>(c));
      if ((lc == 'a' || lc == 'p') && i + 3 < n && s[i + 1] == '.' &&
          Lower(s[i + 2]) == 'm' && s[i + 3] == '.') {
        t.kind = TokKind::kWord;
        t.end = static_cast<uint32_t>(i + 4);
        t.lex.r[0] = Reading{Cat::kAmPm, static_cast<uint8_t>(lc == 'p'), 0};
        i += 4;
        out->push_back(t);
        continue;
      }
      size_t j = i;
      bool ascii = true;
      while (j < n) {
        unsigned char d = static_cast<unsigned char>(s[j]);
        if (IsAlpha(d)) {
          ++j;
        } else if (d >= 0x80) {
          char tmp;
          if (NonAsciiMark(s, j, &tmp) > 0 || IsNbsp(s, j)) break;
          ascii = false;
          ++j;
        } else {
          break;
        }
      }
      t.kind = TokKind::kWord;
      t.end = static_cast<uint32_t>(j);
      t.cap = c >= 'A' && c <= 'Z';
      if (ascii) t.lex = Lookup(s.substr(i, j - i));
      // A foreign reading fills a free slot ("mardi" is a holiday cue of
      // "Mardi Gras" in English and Tuesday in French).
      if (foreign && t.lex.r[1].cat == Cat::kNone) {
        const Readings f = foreign->Lookup(s.substr(i, j - i));
        const Reading& fr = f.r[0];
        if (fr.cat != Cat::kNone && fr.cat != t.lex.r[0].cat) {
          t.lex.r[t.lex.r[0].cat == Cat::kNone ? 0 : 1] = fr;
          t.foreign = true;
        }
      }
      i = j;
    } else {
      t.kind = TokKind::kPunct;
      t.punct = static_cast<char>(c);
      ++i;
      t.end = static_cast<uint32_t>(i);
    }
    out->push_back(t);
  }
}

}  // namespace synoptic::time::internal
