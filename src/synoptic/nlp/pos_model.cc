// Averaged perceptron POS tagger.
//
// Features are templates over the word (lower-cased form, 1- to 4-letter
// suffixes, first letter, a compressed shape such as "Xx" or "d.d"), its
// neighbours two words either side, and the two previous predicted tags.
// Each feature is a 64-bit hash of (template, value), so extraction needs
// no string building and no allocation. While tagging, what several
// features need of a word (its lower-cased form, ambiguity class and shape)
// is worked out once per word in a window of five words (WordWindow), the
// hashes that depend only on the previous tags come from a table, and a
// word's weights are looked up all at once, with prefetches, in an
// open-addressing table built at load (PosModel::BuildIndex).
//
// Training is the standard averaged perceptron: on a wrong guess the gold
// tag's weights go up and the guessed tag's down, and every weight's
// running sum is kept lazily (with the step of its last change) so that the
// saved weights are the average over all steps, which generalises far
// better than the last ones.
//
// Besides, a lexicon gives the tags each frequent training word was seen
// with (its ambiguity class); the classes of the word and of its neighbours
// are features, which gives the left-to-right tagger a view of the likely
// tags to its right. Optionally (PosTrainOptions::passes = 2) a second pass
// re-tags the sentence with the first pass's tags of the next words as
// features, trained on first-pass tags jackknifed over the training data;
// its weights live in the same table under distinct (bijectively remapped)
// feature hashes.
//
// File format (version 2): the line "synoptic pos-model 2", header lines
// starting with "# " (provenance), an empty line, then little-endian binary:
// uint64 payload length, uint32 CRC-32C of the payload, payload = uint32
// pass count (1 or 2), uint32 feature count, float scale, per feature
// (sorted by hash) a uint64 hash and 17 int16 weights (weight = int16 *
// scale); uint32 lexicon size, per word (sorted by hash) a uint64 hash and a
// uint32 tag mask.
#include "synoptic/nlp/pos_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <random>
#include <sstream>
#include <unordered_map>

#include "synoptic/core/hash.h"
#include "synoptic/nlp/internal/conllu.h"
#include "synoptic/nlp/internal/binary_io.h"
#include "synoptic/nlp/internal/crc32c.h"
#include "synoptic/nlp/internal/memory_hints.h"
#include "synoptic/nlp/internal/nlp_internal.h"
#include "synoptic/nlp/internal/pos_train.h"

namespace synoptic::nlp {

inline constexpr int kTags = 17;  // Pos values kX..kVerb
inline constexpr std::string_view kMagic = "synoptic pos-model 2\n";

// The tags each frequent training word was seen with ("ambiguity class"),
// keyed by the hash of the lower-cased word.
struct TagLexicon {
  std::vector<uint64_t> keys;  // sorted
  std::vector<uint32_t> masks;  // bit t = tag t

  uint32_t Find(uint64_t key) const {
    const auto it = std::lower_bound(keys.begin(), keys.end(), key);
    if (it == keys.end() || *it != key) return 0;
    return masks[static_cast<size_t>(it - keys.begin())];
  }
};

class PosModel {
 public:
  TagLexicon lexicon;
  int passes = 1;  // 2: a second pass sees the first pass's tags
  std::vector<uint64_t> keys;                          // sorted
  std::vector<std::array<int16_t, kTags>> weights;     // parallel to keys
  float scale = 1.0f;
  std::string header;

  // Built from keys by BuildIndex(): an open-addressing table (linear
  // probing, at most half full) from a feature hash to its index in keys,
  // so that a lookup is one or two cache lines instead of a binary search.
  struct Slot {
    uint64_t key = 0;
    uint32_t index = kEmpty;  // kEmpty: a free slot
    uint32_t unused = 0;
  };
  static constexpr uint32_t kEmpty = 0xffffffffu;
  std::vector<Slot> slots;  // power-of-two size

  void BuildIndex() {
    size_t cap = 16;
    while (cap < keys.size() * 2) cap <<= 1;
    slots.assign(cap, Slot{});
    const uint64_t mask = cap - 1;
    for (size_t i = 0; i < keys.size(); ++i) {
      uint64_t pos = SlotOf(keys[i]) & mask;
      while (slots[pos].index != kEmpty) pos = (pos + 1) & mask;
      slots[pos] = Slot{keys[i], static_cast<uint32_t>(i), 0};
    }
  }

  // Where the probe for `key` starts (the keys are hashes already; the
  // high bits are mixed in so that nearby keys do not cluster).
  static uint64_t SlotOf(uint64_t key) { return key ^ (key >> 29); }
  const Slot* Home(uint64_t key) const {
    return &slots[SlotOf(key) & (slots.size() - 1)];
  }

  // The weights of the feature, null when the model does not have it.
  const std::array<int16_t, kTags>* Find(uint64_t key) const {
    const uint64_t mask = slots.size() - 1;
    for (uint64_t pos = SlotOf(key) & mask;; pos = (pos + 1) & mask) {
      const Slot& s = slots[pos];
      if (s.index == kEmpty) return nullptr;
      if (s.key == key) return &weights[s.index];
    }
  }
};

namespace {

constexpr size_t kMaxFeatures = 48;

// Lower-cased view of a word in a stack buffer; long words are cut.
// (Not copyable: `view` points into `buf`.)
struct Lowered {
  char buf[64];
  std::string_view view;
  Lowered() = default;
  explicit Lowered(std::string_view w) { Set(w); }
  Lowered(const Lowered&) = delete;
  Lowered& operator=(const Lowered&) = delete;
  std::string_view Set(std::string_view w) {
    const size_t n = std::min(w.size(), sizeof buf);
    for (size_t i = 0; i < n; ++i) {
      const char c = w[i];
      buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    view = std::string_view(buf, n);
    return view;
  }
};

// "Xx", "x", "X", "d", "d.d", "Xx-Xx": letter classes with runs collapsed.
std::string_view Shape(std::string_view w, char* buf, size_t cap) {
  size_t n = 0;
  char last = 0;
  for (size_t i = 0; i < w.size() && n < cap; ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    char k;
    if (c >= 'A' && c <= 'Z') {
      k = 'X';
    } else if (c >= 'a' && c <= 'z') {
      k = 'x';
    } else if (c >= '0' && c <= '9') {
      k = 'd';
    } else if (c >= 0x80) {
      k = 'u';
    } else {
      k = static_cast<char>(c);
    }
    if (k != last) buf[n++] = k;
    last = k;
  }
  return std::string_view(buf, n);
}

std::string_view Suffix(std::string_view w, size_t k) {
  return w.size() > k ? w.substr(w.size() - k) : w;
}

uint64_t F(uint64_t tmpl, std::string_view value) {
  return Hash64(value, 0x9e3779b97f4a7c15ULL * (tmpl + 1));
}

uint64_t F2(uint64_t tmpl, std::string_view a, std::string_view b) {
  return Hash64(b, F(tmpl, a));
}

std::string_view TagName(int t) {
  static constexpr std::string_view kNames[] = {
      "X", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN",
      "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "<s>"};
  return kNames[t];
}

uint64_t LexKey(std::string_view lower) { return Hash64(lower, 0x1e7c0ffeeULL); }

// Ambiguity class of a lower-cased word as a feature value: the tag bits,
// or a marker for words not in the lexicon.
uint64_t AmbiguityClass(const TagLexicon& lex, std::string_view lower) {
  if (lower.empty()) return uint64_t{1} << 40;
  const uint32_t m = lex.Find(LexKey(lower));
  return m ? m : uint64_t{1} << 41;
}

uint64_t F3(uint64_t tmpl, uint64_t a, uint64_t b) {
  const uint64_t k[2] = {a, b};
  return Hash64(std::string_view(reinterpret_cast<const char*>(k), sizeof k),
                0x9e3779b97f4a7c15ULL * (tmpl + 1));
}

// Word classes: hyphen, digit, capital first, all capitals, period.
uint64_t Flags(std::string_view w) {
  uint64_t f = 0;
  bool lower = false;
  for (const char c : w) {
    if (c == '-') f |= 1;
    if (c >= '0' && c <= '9') f |= 2;
    if (c == '.') f |= 16;
    if (c >= 'a' && c <= 'z') lower = true;
  }
  if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') f |= lower ? 4 : 8;
  return f;
}

// The second pass's copy of a first-pass feature (a bijection, so distinct
// features stay distinct and the two passes share one table).
inline uint64_t SecondPass(uint64_t f) {
  return (f ^ 0x7f4a7c159e3779b9ULL) * 0x9e3779b97f4a7c15ULL;
}

// Words i, i + 1 and i + 2 as the first pass tagged them (kTags past the end).
constexpr size_t kFirstPassWindow = 3;

// What the features of words i - 2 .. i + 2 need of each word, worked out
// once per word as the tagger moves right (not once per feature that looks
// at it): its lower-cased form, its ambiguity class and its shape.
class WordWindow {
 public:
  static constexpr size_t kSize = 5;  // words i - 2 .. i + 2

  // Prepares words 0 and 1 of a new sentence.
  void Start(const TagLexicon& lex, std::span<const std::string_view> words) {
    lex_ = &lex;
    words_ = words;
    for (size_t k = 0; k < 2 && k < words.size(); ++k) Fill(k);
  }
  // Moves to word i (called for i = 0, 1, 2, ... in turn, before Features
  // of word i): prepares word i + 2.
  void MoveTo(size_t i) {
    if (i + 2 < words_.size()) Fill(i + 2);
  }

  struct Word {
    Lowered lower;
    uint64_t ac = 0;  // AmbiguityClass of lower
    char shape_buf[24];
    std::string_view shape;  // Shape of the word as written
  };
  // Word k, which must be within two words of the current one and inside
  // the sentence.
  const Word& At(size_t k) const { return slots_[k % kSize]; }

 private:
  void Fill(size_t k) {
    Word& w = slots_[k % kSize];
    w.lower.Set(words_[k]);
    w.ac = AmbiguityClass(*lex_, w.lower.view);
    w.shape = Shape(words_[k], w.shape_buf, sizeof w.shape_buf);
  }

  const TagLexicon* lex_ = nullptr;
  std::span<const std::string_view> words_;
  Word slots_[kSize];
};

// The hashes of the features (and of the first halves of the pair
// features) that depend only on the previous tags, made once: 18 tag
// values (17 = none) instead of a hash per word.
struct TagHashes {
  uint64_t empty;            // F(0, "")
  uint64_t position[2];      // F(15, "inner"), F(15, "first")
  uint64_t prev[kTags + 1];  // F(6, prev1)
  uint64_t prev_pair[kTags + 1][kTags + 1];  // F2(7, prev2, prev1)
  uint64_t prev_word[kTags + 1];     // F(8, prev1)
  uint64_t prev_next[kTags + 1];     // F(31, prev1)
  uint64_t prev_suffix[kTags + 1];   // F(32, prev1)

  TagHashes() {
    empty = F(0, "");
    position[0] = F(15, "inner");
    position[1] = F(15, "first");
    for (int t = 0; t <= kTags; ++t) {
      prev[t] = F(6, TagName(t));
      prev_word[t] = F(8, TagName(t));
      prev_next[t] = F(31, TagName(t));
      prev_suffix[t] = F(32, TagName(t));
      for (int u = 0; u <= kTags; ++u) {
        prev_pair[u][t] = F2(7, TagName(u), TagName(t));
      }
    }
  }
  static const TagHashes& Get() {
    static const TagHashes kTables;  // immutable after the first call
    return kTables;
  }
};

// Features of word i given the previous two predicted tags (17 = none).
// `first` (null in the first pass) holds the first pass's tags of words i,
// i + 1, i + 2: the second pass adds what was guessed to the right.
// `window` has been moved to word i.
size_t Features(const WordWindow& window,
                std::span<const std::string_view> words, size_t i, int prev1,
                int prev2, const int* first, uint64_t* out) {
  size_t n = 0;
  const WordWindow::Word& cur = window.At(i);
  const Lowered& w0 = cur.lower;
  const std::string_view shape = cur.shape;
  const std::string_view none = "<none>";
  constexpr uint64_t kNoneClass = uint64_t{1} << 42;
  const auto lower_at = [&](long k) -> std::string_view {
    if (k < 0 || static_cast<size_t>(k) >= words.size()) return none;
    return window.At(static_cast<size_t>(k)).lower.view;
  };
  const auto ac_at = [&](long k) -> uint64_t {
    if (k < 0 || static_cast<size_t>(k) >= words.size()) return kNoneClass;
    return window.At(static_cast<size_t>(k)).ac;
  };
  const TagHashes& th = TagHashes::Get();
  out[n++] = th.empty;
  out[n++] = F(1, w0.view);
  out[n++] = F(2, Suffix(w0.view, 3));
  out[n++] = F(3, Suffix(w0.view, 2));
  out[n++] = F(16, Suffix(w0.view, 4));
  out[n++] = F(17, Suffix(w0.view, 1));
  out[n++] = F(4, words[i].substr(0, 1));
  out[n++] = F(5, shape);
  out[n++] = th.prev[prev1];
  out[n++] = th.prev_pair[prev2][prev1];
  out[n++] = Hash64(w0.view, th.prev_word[prev1]);  // F2(8, prev1, w0)
  out[n++] = Hash64(shape, th.position[i == 0 ? 1 : 0]);  // F2(15, ...)
  const uint64_t ac0 = cur.ac;
  out[n++] = F3(21, ac0, 0);
  out[n++] = F3(22, ac0, static_cast<uint64_t>(prev1));
  out[n++] = F(27, w0.view.substr(0, 1));
  out[n++] = F(28, w0.view.substr(0, 2));
  out[n++] = F(29, w0.view.substr(0, 3));
  out[n++] = F3(30, Flags(words[i]), i == 0);
  out[n++] = Hash64(Suffix(w0.view, 3), th.prev_suffix[prev1]);  // F2(32)
  const long li = static_cast<long>(i);
  const std::string_view wm1 = lower_at(li - 1);
  out[n++] = F(9, wm1);
  out[n++] = F(10, Suffix(wm1, 3));
  out[n++] = F2(18, wm1, w0.view);
  out[n++] = F3(26, ac_at(li - 1), 0);

  const std::string_view wp1 = lower_at(li + 1);
  out[n++] = F(11, wp1);
  out[n++] = F(12, Suffix(wp1, 3));
  out[n++] = F2(19, w0.view, wp1);
  out[n++] = Hash64(wp1, th.prev_next[prev1]);  // F2(31, prev1, wp1)
  const uint64_t ac1 = ac_at(li + 1);
  out[n++] = F3(23, ac1, 0);
  out[n++] = F3(24, ac0, ac1);
  out[n++] = F3(33, ac1, static_cast<uint64_t>(prev1));
  out[n++] = F(13, lower_at(li - 2));
  const std::string_view wp2 = lower_at(li + 2);
  out[n++] = F(14, wp2);
  out[n++] = F3(25, ac_at(li + 2), ac1);
  if (i + 1 < words.size()) {
    out[n++] = F(20, window.At(i + 1).shape);
  }
  if (first != nullptr) {
    for (size_t k = 0; k < n; ++k) out[k] = SecondPass(out[k]);
    const auto t0 = static_cast<uint64_t>(first[0]);
    const auto t1 = static_cast<uint64_t>(first[1]);
    const auto t2 = static_cast<uint64_t>(first[2]);
    out[n++] = F3(40, t0, 0);
    out[n++] = F3(41, t1, 0);
    out[n++] = F3(42, t1, t2);
    out[n++] = F3(43, static_cast<uint64_t>(prev1) << 8 | t1, 0);
    out[n++] = F3(44, LexKey(w0.view), t1);
    out[n++] = F3(45, t0, t1);
  }
  return n;
}

// ---- training ----

struct TrainWeight {
  std::array<float, kTags> w{};
  std::array<double, kTags> total{};
  std::array<int64_t, kTags> stamp{};
  uint32_t count = 0;
};

class Trainer {
 public:
  int Predict(const uint64_t* feats, size_t n, bool averaged) const {
    std::array<double, kTags> score{};
    for (size_t k = 0; k < n; ++k) {
      const auto it = weights_.find(feats[k]);
      if (it == weights_.end()) continue;
      const TrainWeight& tw = it->second;
      for (int t = 0; t < kTags; ++t) {
        score[t] += averaged ? (tw.total[t] + (step_ - tw.stamp[t]) * tw.w[t]) /
                                   std::max<int64_t>(step_, 1)
                             : tw.w[t];
      }
    }
    return static_cast<int>(std::max_element(score.begin(), score.end()) -
                            score.begin());
  }

  void Update(const uint64_t* feats, size_t n, int gold, int guess) {
    ++step_;
    for (size_t k = 0; k < n; ++k) {
      TrainWeight& tw = weights_[feats[k]];
      ++tw.count;
      if (gold == guess) continue;
      for (int t : {gold, guess}) {
        tw.total[t] += (step_ - tw.stamp[t]) * tw.w[t];
        tw.stamp[t] = step_;
        tw.w[t] += t == gold ? 1.0f : -1.0f;
      }
    }
  }

  // Averaged weights of the features seen often enough (appended to kept),
  // and the largest of them.
  void Collect(int min_count,
               std::vector<std::pair<uint64_t, std::array<float, kTags>>>* kept,
               float* max_abs) const {
    for (const auto& [key, tw] : weights_) {
      if (tw.count < static_cast<uint32_t>(min_count)) continue;
      std::array<float, kTags> avg{};
      bool any = false;
      for (int t = 0; t < kTags; ++t) {
        avg[t] = static_cast<float>(
            (tw.total[t] + (step_ - tw.stamp[t]) * tw.w[t]) / step_);
        any |= std::fabs(avg[t]) > 1e-4f;
        *max_abs = std::max(*max_abs, std::fabs(avg[t]));
      }
      if (any) kept->emplace_back(key, avg);
    }
  }

 private:
  std::unordered_map<uint64_t, TrainWeight> weights_;
  int64_t step_ = 0;
};

using internal::Get;
using internal::GetHeader;
using internal::Put;


// Tags a sentence with averaged trainer weights: the first pass, then the
// second when `second` is given.
void TagTrain(const Trainer& first, const Trainer* second, const TagLexicon& lex,
              std::span<const std::string_view> words, std::vector<int>* out) {
  uint64_t feats[kMaxFeatures];
  out->assign(words.size(), 0);
  int p1 = kTags, p2 = kTags;
  WordWindow ww;
  ww.Start(lex, words);
  for (size_t i = 0; i < words.size(); ++i) {
    ww.MoveTo(i);
    const size_t n = Features(ww, words, i, p1, p2, nullptr, feats);
    (*out)[i] = first.Predict(feats, n, true);
    p2 = p1;
    p1 = (*out)[i];
  }
  if (second == nullptr) return;
  const std::vector<int> guess = *out;
  p1 = p2 = kTags;
  int window[kFirstPassWindow];
  ww.Start(lex, words);
  for (size_t i = 0; i < words.size(); ++i) {
    for (size_t k = 0; k < kFirstPassWindow; ++k) {
      window[k] = i + k < guess.size() ? guess[i + k] : kTags;
    }
    ww.MoveTo(i);
    const size_t n = Features(ww, words, i, p1, p2, window, feats);
    (*out)[i] = second->Predict(feats, n, true);
    p2 = p1;
    p1 = (*out)[i];
  }
}

double Accuracy(const Trainer& first, const Trainer* second, const TagLexicon& lex,
                std::span<const internal::UdSentence> sents) {
  size_t ok = 0, all = 0;
  std::vector<std::string_view> words;
  std::vector<int> tags;
  for (const internal::UdSentence& s : sents) {
    words.assign(s.words.begin(), s.words.end());
    TagTrain(first, second, lex, words, &tags);
    for (size_t i = 0; i < words.size(); ++i) ok += tags[i] == static_cast<int>(s.upos[i]);
    all += words.size();
  }
  return all ? static_cast<double>(ok) / all : 0;
}

// Trains `t` on `sents` for `iterations`: the first pass when `guesses` is
// null, else the second, with guesses[j] the first-pass tags of sents[j].
// After each iteration the dev accuracy (of `dev_first` then `t` for the
// second pass) is appended to dev_acc when dev is not empty.
void TrainPass(Trainer* t, std::span<const internal::UdSentence* const> sents,
               const std::vector<std::vector<int>>* guesses, const TagLexicon& lex,
               int iterations, std::mt19937_64* rng, std::span<const internal::UdSentence> dev,
               const Trainer* dev_first, std::vector<double>* dev_acc) {
  std::vector<size_t> order(sents.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t feats[kMaxFeatures];
  std::vector<std::string_view> words;
  WordWindow ww;
  for (int it = 0; it < iterations; ++it) {
    std::shuffle(order.begin(), order.end(), *rng);
    for (size_t si : order) {
      const internal::UdSentence& s = *sents[si];
      words.assign(s.words.begin(), s.words.end());
      int p1 = kTags, p2 = kTags;
      int window[kFirstPassWindow];
      ww.Start(lex, words);
      for (size_t i = 0; i < words.size(); ++i) {
        ww.MoveTo(i);
        const int* first = nullptr;
        if (guesses != nullptr) {
          const std::vector<int>& g = (*guesses)[si];
          for (size_t k = 0; k < kFirstPassWindow; ++k) {
            window[k] = i + k < g.size() ? g[i + k] : kTags;
          }
          first = window;
        }
        const size_t n = Features(ww, words, i, p1, p2, first, feats);
        const int guess = t->Predict(feats, n, false);
        t->Update(feats, n, static_cast<int>(s.upos[i]), guess);
        p2 = p1;
        p1 = guess;  // train on its own history, as it will tag
      }
    }
    if (!dev.empty() && dev_acc != nullptr) {
      dev_acc->push_back(guesses ? Accuracy(*dev_first, t, lex, dev) : Accuracy(*t, nullptr, lex, dev));
    }
  }
}

// The lexicon: words seen at least min_count times, with the tags that make
// up at least 5% of their uses.
TagLexicon BuildLexicon(std::span<const internal::UdSentence* const> sents, int min_count) {
  std::unordered_map<uint64_t, std::array<uint32_t, kTags>> counts;
  for (const internal::UdSentence* s : sents) {
    for (size_t i = 0; i < s->words.size(); ++i) {
      const Lowered w(s->words[i]);
      ++counts[LexKey(w.view)][static_cast<size_t>(s->upos[i])];
    }
  }
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  for (const auto& [key, c] : counts) {
    uint32_t total = 0;
    for (uint32_t x : c) total += x;
    if (total < static_cast<uint32_t>(min_count)) continue;
    uint32_t mask = 0;
    for (int t = 0; t < kTags; ++t) {
      if (c[t] > 0 && c[t] * 20 >= total) mask |= 1u << t;
    }
    entries.emplace_back(key, mask);
  }
  std::sort(entries.begin(), entries.end());
  TagLexicon lex;
  for (const auto& [key, mask] : entries) {
    lex.keys.push_back(key);
    lex.masks.push_back(mask);
  }
  return lex;
}

}  // namespace

namespace internal {

std::shared_ptr<const PosModel> TrainPosOnSentences(
    std::span<const UdSentence* const> sents, std::span<const UdSentence> dev,
    const PosTrainOptions& options, PosTrainReport* report) {
  report->sentences = sents.size();
  report->tokens = 0;
  for (const UdSentence* s : sents) report->tokens += s->words.size();
  auto m = std::make_shared<PosModel>();
  m->lexicon = BuildLexicon(sents, options.lexicon_min_count);
  m->passes = options.passes >= 2 ? 2 : 1;
  const TagLexicon& lex = m->lexicon;
  std::mt19937_64 rng(options.seed);
  Trainer first;
  TrainPass(&first, sents, nullptr, lex, options.iterations, &rng, dev, nullptr,
            m->passes == 1 ? &report->dev_accuracy : nullptr);
  std::vector<std::pair<uint64_t, std::array<float, kTags>>> kept;
  float max_abs = 0;
  first.Collect(options.min_feature_count, &kept, &max_abs);
  if (m->passes == 2) {
    // First-pass tags of the training sentences, jackknifed: each fold is
    // tagged by a first pass trained on the others, so the second pass
    // learns from first-pass tags as wrong as they are on new text.
    std::vector<std::vector<int>> guesses(sents.size());
    const size_t k = static_cast<size_t>(std::max(2, options.first_pass_folds));
    std::vector<std::string_view> words;
    for (size_t fold = 0; fold < k; ++fold) {
      const size_t lo = fold * sents.size() / k, hi = (fold + 1) * sents.size() / k;
      std::vector<const UdSentence*> rest;
      for (size_t i = 0; i < sents.size(); ++i) {
        if (i < lo || i >= hi) rest.push_back(sents[i]);
      }
      Trainer t;
      TrainPass(&t, rest, nullptr, lex, options.iterations, &rng, {}, nullptr, nullptr);
      for (size_t i = lo; i < hi; ++i) {
        words.assign(sents[i]->words.begin(), sents[i]->words.end());
        TagTrain(t, nullptr, lex, words, &guesses[i]);
      }
    }
    Trainer second;
    TrainPass(&second, sents, &guesses, lex, options.iterations, &rng, dev, &first,
              &report->dev_accuracy);
    second.Collect(options.min_feature_count, &kept, &max_abs);
  }
  std::sort(kept.begin(), kept.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  m->scale = max_abs > 0 ? max_abs / 32000.0f : 1.0f;
  for (size_t i = 0; i < kept.size(); ++i) {
    if (i > 0 && kept[i].first == kept[i - 1].first) continue;  // 2^-64
    m->keys.push_back(kept[i].first);
    std::array<int16_t, kTags> q{};
    for (int t = 0; t < kTags; ++t) {
      q[t] = static_cast<int16_t>(std::lround(kept[i].second[t] / m->scale));
    }
    m->weights.push_back(q);
  }
  m->BuildIndex();
  report->features = m->keys.size();
  return m;
}

}  // namespace internal

Result<PosTrainReport> TrainPosModel(Env* env,
                                     const std::vector<std::string>& train,
                                     const std::string& dev,
                                     const PosTrainOptions& options,
                                     const std::string& provenance,
                                     const std::string& out_path) {
  std::vector<internal::UdSentence> sents;
  for (const std::string& p : train) {
    SYN_ASSIGN_OR_RETURN(std::vector<internal::UdSentence> s, internal::ReadConllu(env, p));
    for (internal::UdSentence& x : s) sents.push_back(std::move(x));
  }
  std::vector<internal::UdSentence> dev_sents;
  if (!dev.empty()) {
    SYN_ASSIGN_OR_RETURN(dev_sents, internal::ReadConllu(env, dev));
  }
  std::vector<const internal::UdSentence*> ptrs;
  for (const internal::UdSentence& s : sents) ptrs.push_back(&s);
  PosTrainReport report;
  const std::shared_ptr<const PosModel> model =
      internal::TrainPosOnSentences(ptrs, dev_sents, options, &report);
  const PosModel& m = *model;

  std::string file(kMagic);
  std::istringstream prov(provenance);
  std::string line;
  while (std::getline(prov, line)) file += "# " + line + "\n";
  file += "# trained on " + std::to_string(report.sentences) + " sentences, " +
          std::to_string(report.tokens) + " tokens; " +
          std::to_string(options.iterations) + " iterations, seed " +
          std::to_string(options.seed) + ", features kept (seen >= " +
          std::to_string(options.min_feature_count) +
          " times): " + std::to_string(report.features) + "; lexicon of " +
          std::to_string(m.lexicon.keys.size()) + " words (seen >= " +
          std::to_string(options.lexicon_min_count) + " times); " +
          (m.passes == 2 ? "two passes (the second sees the first's tags, jackknifed over " +
                               std::to_string(std::max(2, options.first_pass_folds)) +
                               " folds in training)"
                         : std::string("one pass")) +
          "\n";
  for (size_t i = 0; i < report.dev_accuracy.size(); ++i) {
    char buf[80];
    std::snprintf(buf, sizeof buf, "# dev UPOS accuracy after iteration %zu: %.4f\n",
                  i + 1, report.dev_accuracy[i]);
    file += buf;
  }
  file += "\n";
  std::string payload;
  Put(&payload, static_cast<uint32_t>(m.passes));
  Put(&payload, static_cast<uint32_t>(m.keys.size()));
  Put(&payload, m.scale);
  for (size_t i = 0; i < m.keys.size(); ++i) {
    Put(&payload, m.keys[i]);
    for (int16_t q : m.weights[i]) Put(&payload, q);
  }
  Put(&payload, static_cast<uint32_t>(m.lexicon.keys.size()));
  for (size_t i = 0; i < m.lexicon.keys.size(); ++i) {
    Put(&payload, m.lexicon.keys[i]);
    Put(&payload, m.lexicon.masks[i]);
  }
  Put(&file, static_cast<uint64_t>(payload.size()));
  Put(&file, internal::Crc32c(payload));
  file += payload;
  report.model_bytes = file.size();
  SYN_RETURN_IF_ERROR(env->WriteFile(out_path, file));
  return report;
}

Result<std::shared_ptr<const PosModel>> LoadPosModel(Env* env,
                                                     const std::string& path) {
  SYN_ASSIGN_OR_RETURN(std::string data, env->ReadFile(path, uint64_t{64} << 20));
  std::string_view in(data);
  if (in.substr(0, kMagic.size()) != kMagic) {
    if (in.substr(0, 19) == "synoptic pos-model ") {
      return NotSupported(path + ": pos-model format version other than 2");
    }
    return Corrupt(path + ": not a synoptic pos-model file");
  }
  in.remove_prefix(kMagic.size());
  auto m = std::make_shared<PosModel>();
  if (const char* bad = GetHeader(&in, &m->header)) {
    return Corrupt(path + ": " + bad);
  }
  uint64_t len = 0;
  uint32_t crc = 0;
  if (!Get(&in, &len) || !Get(&in, &crc) || len != in.size()) {
    return Corrupt(path + ": payload length does not match the file");
  }
  if (internal::Crc32c(in) != crc) return Corrupt(path + ": checksum mismatch");
  uint32_t passes = 0;
  if (!Get(&in, &passes) || passes < 1 || passes > 2) return Corrupt(path + ": bad pass count");
  m->passes = static_cast<int>(passes);
  uint32_t n = 0;
  if (!Get(&in, &n) || !Get(&in, &m->scale) ||
      in.size() < static_cast<size_t>(n) * (8 + 2 * kTags) + 4) {
    return Corrupt(path + ": size does not match its feature count");
  }
  m->keys.resize(n);
  m->weights.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    Get(&in, &m->keys[i]);
    for (int t = 0; t < kTags; ++t) Get(&in, &m->weights[i][t]);
    if (i > 0 && m->keys[i] <= m->keys[i - 1]) {
      return Corrupt(path + ": features out of order");
    }
  }
  uint32_t lex = 0;
  if (!Get(&in, &lex) || in.size() != static_cast<size_t>(lex) * 12) {
    return Corrupt(path + ": size does not match its lexicon count");
  }
  m->lexicon.keys.resize(lex);
  m->lexicon.masks.resize(lex);
  for (uint32_t i = 0; i < lex; ++i) {
    Get(&in, &m->lexicon.keys[i]);
    Get(&in, &m->lexicon.masks[i]);
    if (i > 0 && m->lexicon.keys[i] <= m->lexicon.keys[i - 1]) {
      return Corrupt(path + ": lexicon out of order");
    }
  }
  m->BuildIndex();
  return std::shared_ptr<const PosModel>(std::move(m));
}

namespace {

using internal::Prefetch;

// The best tag for the features (the first on ties): their weights are
// looked up together, with prefetches, so that the cache misses overlap;
// the sums are integers, so the order does not matter.
int BestTag(const PosModel& model, const uint64_t* feats, size_t n) {
  for (size_t k = 0; k < n; ++k) Prefetch(model.Home(feats[k]));
  const std::array<int16_t, kTags>* found[kMaxFeatures];
  size_t nf = 0;
  for (size_t k = 0; k < n; ++k) {
    const auto* w = model.Find(feats[k]);
    if (w == nullptr) continue;
    Prefetch(w->data());
    Prefetch(w->data() + kTags - 1);
    found[nf++] = w;
  }
  std::array<int32_t, kTags> score{};
  for (size_t k = 0; k < nf; ++k) {
    for (int t = 0; t < kTags; ++t) score[t] += (*found[k])[t];
  }
  return static_cast<int>(std::max_element(score.begin(), score.end()) -
                          score.begin());
}

}  // namespace

void TagWords(const PosModel& model, std::span<const std::string_view> words,
              std::span<Pos> out) {
  uint64_t feats[kMaxFeatures];
  const size_t len = std::min(words.size(), out.size());
  words = words.first(len);
  WordWindow window;
  // The first pass writes its tags into out; the second overwrites them left
  // to right, still reading the first pass's tags at and right of i.
  int first[kFirstPassWindow];
  for (int pass = 0; pass < model.passes; ++pass) {
    int p1 = kTags, p2 = kTags;
    window.Start(model.lexicon, words);
    for (size_t i = 0; i < len; ++i) {
      const int* first_ptr = nullptr;
      if (pass == 1) {
        for (size_t k = 0; k < kFirstPassWindow; ++k) {
          first[k] = i + k < len ? static_cast<int>(out[i + k]) : kTags;
        }
        first_ptr = first;
      }
      window.MoveTo(i);
      const size_t n = Features(window, words, i, p1, p2, first_ptr, feats);
      const int best = BestTag(model, feats, n);
      out[i] = static_cast<Pos>(best);
      p2 = p1;
      p1 = best;
    }
  }
}

std::string PosModelProvenance(const PosModel& model) { return model.header; }

}  // namespace synoptic::nlp
