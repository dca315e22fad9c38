// A light tokenizer for the TIMEX3 tagger: words, digit runs and single
// punctuation marks with byte offsets, each word looked up once in the
// lexicon. Independent of the nlp stage's tokens on purpose: the tagger must
// work on bare text, and it needs "13th", "1990s", "a.m." as single units.
// Thread-safety: pure functions.
#ifndef SYNOPTIC_TIME_INTERNAL_TOKENS_H_
#define SYNOPTIC_TIME_INTERNAL_TOKENS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "synoptic/time/internal/lexicon.h"

namespace synoptic::time::internal {

enum class TokKind : uint8_t { kWord, kNum, kPunct };

// Punct codes for non-ASCII marks.
inline constexpr char kDash = 'D';   // en dash, em dash
inline constexpr char kQuote = 'Q';  // curly quotes and apostrophes

struct Tok {
  uint32_t begin = 0;
  uint32_t end = 0;
  int32_t num = -1;  // value of a digit run (capped at 99,999,999)
  TokKind kind = TokKind::kPunct;
  uint8_t ndigits = 0;
  bool ordinal = false;       // "13th"
  bool plural_s = false;      // "1990s"
  bool space_before = false;  // whitespace separates it from the previous token
  bool break_before = false;  // a line break precedes it
  bool cap = false;           // starts with an upper-case ASCII letter
  bool foreign = false;       // its readings come from the ForeignWords
  char punct = 0;             // the mark for kPunct (ASCII, kDash, kQuote)
  Readings lex;               // lexicon readings for words

  bool Has(Cat c) const { return lex.r[0].cat == c || lex.r[1].cat == c; }
  const Reading* Get(Cat c) const {
    if (lex.r[0].cat == c) return &lex.r[0];
    if (lex.r[1].cat == c) return &lex.r[1];
    return nullptr;
  }
};

class ForeignWords;

// Tokenizes text into *out (cleared first; its capacity is reused). Words
// the English table does not know are looked up in `foreign` (month and
// weekday names of the document's language) when it is given.
void Tokenize(std::string_view text, std::vector<Tok>* out,
              const ForeignWords* foreign = nullptr);

}  // namespace synoptic::time::internal

#endif  // SYNOPTIC_TIME_INTERNAL_TOKENS_H_
