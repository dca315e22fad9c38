// Word and sentence handling for the cross-document stage. The stories
// stage must not depend on the nlp stage's models, and it only needs a
// language-light bag of words: letters/digits runs, ASCII case folding and
// a short English stop list (other languages simply keep their function
// words, which IDF then down-weights).
#include "synoptic/stories/internal/text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>

#include "synoptic/core/hash.h"

namespace synoptic::stories::internal {
namespace {

constexpr std::string_view kStopwords[] = {
    "a",      "about",  "above", "after",  "again",   "against", "all",
    "also",   "am",     "an",    "and",    "any",     "are",     "as",
    "at",     "be",     "been",  "before", "being",   "between", "both",
    "but",    "by",     "can",   "could",  "did",     "do",      "does",
    "during", "each",   "for",   "from",   "further", "had",     "has",
    "have",   "having", "he",    "her",    "here",    "hers",    "him",
    "his",    "how",    "i",     "if",     "in",      "into",    "is",
    "it",     "its",    "just",  "may",    "me",      "might",   "more",
    "most",   "much",   "must",  "my",     "new",     "no",      "nor",
    "not",    "now",    "of",    "off",    "on",      "once",    "one",
    "only",   "or",     "other", "our",    "out",     "over",    "own",
    "said",   "same",   "says",  "she",    "should",  "so",      "some",
    "such",   "than",   "that",  "the",    "their",   "them",    "then",
    "there",  "these",  "they",  "this",   "those",   "through", "to",
    "too",    "under",  "until", "up",     "us",      "very",    "was",
    "we",     "were",   "what",  "when",   "where",   "which",   "while",
    "who",    "whom",   "why",   "will",   "with",    "would",   "you",
    "your",
};

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80;
}

// Typographic punctuation that UTF-8 spells with non-ASCII bytes: curly
// quotes and apostrophes, guillemets, dashes, ellipsis, no-break space.
// Returns its length in bytes at text[i], or 0. Reprints often differ from
// their original only in these, so they must not become part of words.
size_t PunctLen(std::string_view t, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(t[k]); };
  if (i + 1 < t.size() && b(i) == 0xC2 &&
      (b(i + 1) == 0xAB || b(i + 1) == 0xBB || b(i + 1) == 0xA0)) {
    return 2;
  }
  if (i + 2 < t.size() && b(i) == 0xE2 && b(i + 1) == 0x80) {
    const unsigned char c = b(i + 2);
    if ((c >= 0x90 && c <= 0x9F) || c == 0xA6 || c == 0xB9 || c == 0xBA) {
      return 3;
    }
  }
  return 0;
}

// U+2019 used as an apostrophe.
bool CurlyApostrophe(std::string_view t, size_t i) {
  return i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
         static_cast<unsigned char>(t[i + 1]) == 0x80 &&
         static_cast<unsigned char>(t[i + 2]) == 0x99;
}

}  // namespace

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

LowerWord::LowerWord(std::string_view w) : n_(std::min(w.size(), sizeof buf_)) {
  for (size_t i = 0; i < n_; ++i) {
    const char c = w[i];
    buf_[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
}

bool IsStopword(std::string_view w) {
  return std::binary_search(std::begin(kStopwords), std::end(kStopwords), w);
}

uint64_t WordHash(std::string_view lower_word) {
  return Hash64(lower_word, 0x5eed);
}

void SplitWords(std::string_view text, std::vector<Word>* out) {
  out->clear();
  // A word is at most this long for hashing; longer runs are junk (URLs,
  // base64) and are hashed on their prefix.
  constexpr size_t kMaxWord = 48;
  char buf[kMaxWord];
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!IsWordByte(c)) {
      ++i;
      continue;
    }
    if (const size_t p = PunctLen(text, i)) {
      i += p;
      continue;
    }
    size_t j = i;
    size_t len = 0;
    bool digits = true;
    while (j < n) {
      const auto d = static_cast<unsigned char>(text[j]);
      if (d >= 0x80 && PunctLen(text, j)) {
        // A curly apostrophe inside a word is an apostrophe; any other
        // typographic mark ends the word.
        if (CurlyApostrophe(text, j) && j > i && j + 3 < n &&
            IsWordByte(static_cast<unsigned char>(text[j + 3])) &&
            !PunctLen(text, j + 3)) {
          digits = false;
          if (len < kMaxWord) buf[len++] = '\'';
          j += 3;
          continue;
        }
        break;
      }
      if (IsWordByte(d)) {
        // fall through
      } else if ((d == '\'' || d == '-' || d == '.' || d == ',') && j + 1 < n &&
                 j > i && IsWordByte(static_cast<unsigned char>(text[j + 1])) &&
                 (d == '\'' || d == '-' ||
                  (text[j + 1] >= '0' && text[j + 1] <= '9' &&
                   text[j - 1] >= '0' && text[j - 1] <= '9'))) {
        // apostrophes and hyphens inside words, separators inside numbers
        if (d == ',' || d == '.') {
          ++j;
          continue;  // "12,000" hashes as "12000"
        }
      } else {
        break;
      }
      if (!(d >= '0' && d <= '9')) digits = false;
      if (len < kMaxWord) {
        buf[len++] = (d >= 'A' && d <= 'Z') ? static_cast<char>(d - 'A' + 'a')
                                            : static_cast<char>(d);
      }
      ++j;
    }
    std::string_view w(buf, len);
    // Possessive "'s" is not part of the word's identity.
    if (w.size() > 2 && w[w.size() - 2] == '\'' && w.back() == 's') {
      w.remove_suffix(2);
    }
    Word word;
    word.begin = static_cast<uint32_t>(i);
    word.end = static_cast<uint32_t>(j);
    word.hash = WordHash(w);
    word.stop = IsStopword(w);
    word.digits = digits;
    out->push_back(word);
    i = j;
  }
}

std::vector<ByteSpan> SentenceSpans(const DocAnalysis& a) {
  std::vector<ByteSpan> out;
  const std::string& t = a.doc.text;
  if (!a.sentences.empty()) {
    for (const Sentence& s : a.sentences) {
      if (s.span.end <= t.size() && s.span.begin < s.span.end) {
        out.push_back(s.span);
      }
    }
    return out;
  }
  size_t start = 0;
  const size_t n = t.size();
  auto flush = [&](size_t end) {
    ByteSpan s =
        Trim(t, {static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
    if (!s.empty()) out.push_back(s);
  };
  for (size_t i = 0; i < n; ++i) {
    const char c = t[i];
    if (c == '\n' && i + 1 < n && t[i + 1] == '\n') {
      flush(i);
      start = i + 2;
      ++i;
    } else if ((c == '.' || c == '!' || c == '?') && i + 1 < n &&
               (t[i + 1] == ' ' || t[i + 1] == '\n')) {
      // Skip single-letter initials and a few abbreviations ("Mr.", "U.S.").
      size_t k = i;
      while (k > start && std::isalpha(static_cast<unsigned char>(t[k - 1])))
        --k;
      const std::string_view prev(t.data() + k, i - k);
      if (c == '.' && (prev.size() == 1 || prev == "Mr" || prev == "Mrs" ||
                       prev == "Ms" || prev == "Dr" || prev == "St" ||
                       prev == "Gen" || prev == "Sen" || prev == "Rep")) {
        continue;
      }
      flush(i + 1);
      start = i + 1;
    }
  }
  flush(n);
  return out;
}

ByteSpan Trim(std::string_view text, ByteSpan s) {
  auto ws = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  };
  // Spans come from other stages' output: clamp rather than trust.
  s.end = std::min<uint32_t>(s.end, static_cast<uint32_t>(text.size()));
  s.begin = std::min(s.begin, s.end);
  while (s.begin < s.end && ws(text[s.begin])) ++s.begin;
  while (s.end > s.begin && ws(text[s.end - 1])) --s.end;
  return s;
}

double Dot(const SparseVec& a, const SparseVec& b) {
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (a[i].first > b[j].first) {
      ++j;
    } else {
      sum += static_cast<double>(a[i].second) * b[j].second;
      ++i;
      ++j;
    }
  }
  return sum;
}

void NormalizeL2(SparseVec* v) {
  double norm = 0;
  for (const auto& [k, w] : *v) norm += static_cast<double>(w) * w;
  if (norm <= 0) return;
  const double inv = 1.0 / std::sqrt(norm);
  for (auto& kv : *v) kv.second = static_cast<float>(kv.second * inv);
}

void Idf::AddDocument(const std::vector<uint64_t>& distinct_terms) {
  ++n_;
  for (uint64_t t : distinct_terms) ++df_[t];
}

double Idf::Weight(uint64_t term) const {
  const auto it = df_.find(term);
  const double df = it == df_.end() ? 0 : it->second;
  return std::log((n_ + 1.0) / (df + 1.0)) + 1.0;
}

void ContentTerms(std::string_view text, ByteSpan span,
                  std::vector<Word>* scratch, std::vector<uint64_t>* out) {
  out->clear();
  if (span.end > text.size() || span.begin > span.end) return;
  SplitWords(text.substr(span.begin, span.size()), scratch);
  for (const Word& w : *scratch) {
    if (w.stop) continue;
    const uint32_t len = w.end - w.begin;
    if (w.digits ? len > 4 : len < 2) continue;
    out->push_back(w.hash);
  }
}

SparseVec TfIdf(const std::vector<uint64_t>& terms,
                const std::vector<uint64_t>& boosted, double boost,
                const Idf& idf) {
  std::vector<uint64_t> sorted = terms;
  std::sort(sorted.begin(), sorted.end());
  std::vector<uint64_t> b = boosted;
  std::sort(b.begin(), b.end());
  b.erase(std::unique(b.begin(), b.end()), b.end());
  SparseVec v;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    double w =
        (1.0 + std::log(static_cast<double>(j - i))) * idf.Weight(sorted[i]);
    if (std::binary_search(b.begin(), b.end(), sorted[i])) w *= boost;
    v.emplace_back(sorted[i], static_cast<float>(w));
    i = j;
  }
  NormalizeL2(&v);
  return v;
}

}  // namespace synoptic::stories::internal
