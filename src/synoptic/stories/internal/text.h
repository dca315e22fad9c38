// Text helpers for the cross-document stage: word normalisation, sentence
// splitting and sparse TF-IDF vectors. Pure functions on values; safe from
// any thread.
#ifndef SYNOPTIC_STORIES_INTERNAL_TEXT_H_
#define SYNOPTIC_STORIES_INTERNAL_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "synoptic/core/types.h"

namespace synoptic::stories::internal {

// A word of a text: byte span and the hash of its normalised form (ASCII
// lower-cased; other bytes kept as they are).
struct Word {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint64_t hash = 0;
  bool stop = false;    // a function word
  bool digits = false;  // all digits
};

// Splits `text` into words (runs of letters, digits, apostrophes inside a
// word, and any non-ASCII byte). Clears and fills *out.
void SplitWords(std::string_view text, std::vector<Word>* out);

// Lower-cased ASCII copy of a word (for small-vocabulary lookups).
std::string Lower(std::string_view s);

// The same without allocating, for lookups in short word lists inside
// loops over words: the word lower-cased into an inline buffer. Longer
// words are cut, which never makes them equal to a listed word.
class LowerWord {
 public:
  explicit LowerWord(std::string_view w);
  LowerWord(const LowerWord&) = delete;
  LowerWord& operator=(const LowerWord&) = delete;
  std::string_view view() const { return {buf_, n_}; }
  bool operator==(std::string_view other) const { return view() == other; }

 private:
  char buf_[32];
  size_t n_ = 0;
};
bool IsStopword(std::string_view lower_word);
uint64_t WordHash(std::string_view lower_word);

// Sentence spans of a document: DocAnalysis::sentences when present, else
// split on . ! ? followed by space and on paragraph breaks.
std::vector<ByteSpan> SentenceSpans(const DocAnalysis& a);

// Trims ASCII whitespace from both ends of a span of `text`, after clamping
// the span to the text.
ByteSpan Trim(std::string_view text, ByteSpan s);

// Sparse vector sorted by key with unique keys.
using SparseVec = std::vector<std::pair<uint64_t, float>>;

double Dot(const SparseVec& a, const SparseVec& b);
void NormalizeL2(SparseVec* v);

// Document frequencies over a corpus and the IDF derived from them.
class Idf {
 public:
  void AddDocument(const std::vector<uint64_t>& distinct_terms);
  double Weight(uint64_t term) const;  // log((N+1)/(df+1)) + 1
  uint32_t documents() const { return n_; }

 private:
  uint32_t n_ = 0;
  std::unordered_map<uint64_t, uint32_t> df_;
};

// Content terms (non-stop words, numbers of 4 digits or fewer kept: years
// matter) of text[span], as hashes; duplicates kept.
void ContentTerms(std::string_view text, ByteSpan span,
                  std::vector<Word>* scratch, std::vector<uint64_t>* out);

// TF-IDF vector (sublinear tf), L2-normalised. `boost` multiplies the
// weight of the terms in `boosted` (e.g. the title and first paragraph).
SparseVec TfIdf(const std::vector<uint64_t>& terms,
                const std::vector<uint64_t>& boosted, double boost,
                const Idf& idf);

}  // namespace synoptic::stories::internal

#endif  // SYNOPTIC_STORIES_INTERNAL_TEXT_H_
