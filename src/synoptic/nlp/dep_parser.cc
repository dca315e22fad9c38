// Greedy arc-eager dependency parsing with an averaged perceptron.
//
// Transition system. Arc-eager (Nivre 2003) with the artificial root at the
// end of the buffer rather than at the bottom of the stack (Ballesteros &
// Nivre 2013, "Going to the roots of dependency parsing"): SHIFT pushes the
// buffer front b; LEFT-ARC(l) makes b the head of the stack top s and pops
// s (s must have no head yet); RIGHT-ARC(l) makes s the head of b and
// pushes b; REDUCE pops s (s must have a head). The root can only take left
// dependents, so whatever is left on the stack at the end hangs from it,
// and the parse always finishes with every word attached exactly once. The
// trees are projective by construction. UD wants one root word; when the
// classifier leaves several words under the root, the first one labelled
// "root" (else the first) keeps the root and the others hang from it as
// "parataxis" (Finish below). That keeps the tree projective: the extra
// roots and everything between them are already inside the root's span.
//
// Features. Zhang & Nivre (2011), "Transition-based dependency parsing with
// rich non-local features": words and tags of the stack top S0, the buffer
// N0..N2, S0's head and grandparent, the outermost two dependents on each
// side of S0 and the left ones of N0, with their labels, the S0-N0
// distance, the valencies and the label sets of the dependents; plus S1.
// Each template's values are mixed into a 64-bit hash with no string built.
//
// Model. Per feature a run of (class, int16 weight) pairs, found through an
// open-addressing table keyed by the feature hash. In memory (built at
// load; the file is unchanged) a run of 16 or more weights -- the frequent
// features, which have nearly every class -- is a dense, 64-byte aligned
// row of int16 over all classes, added with vector instructions (AVX2 when
// the CPU has it); shorter runs stay (weight, class) pairs of 4 bytes.
// Score looks up all of a configuration's features at once with prefetches,
// so their cache misses overlap. Scores are int32 sums, exact whatever the
// order of the additions, scaled back only for comparison.
//
// File format (version 1): the line "synoptic dep-model 1", "# " header
// lines saying how the model was made, an empty line, then little-endian
// binary: uint64 payload length, uint32 CRC-32C of the payload, payload =
//   uint32 label count, per label uint8 length + bytes;
//   float scale; uint32 feature count; per feature uint64 key, uint8 count,
//   count x (uint8 class, int16 weight), keys strictly increasing;
//   uint32 self-test count, per test uint16 n, n x (uint8 UPOS, uint8
//   length, bytes), n x (uint16 head, uint8 label).
// The self-tests are sentences written for this file, parsed at the end of
// training; the loader parses them again and refuses the file if anything
// comes out differently.
#include "synoptic/nlp/dep_parser.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "synoptic/core/hash.h"
#include "synoptic/nlp/internal/binary_io.h"
#include "synoptic/nlp/internal/crc32c.h"
#include "synoptic/nlp/internal/dep_internal.h"
#include "synoptic/nlp/internal/memory_hints.h"

namespace synoptic::nlp {

using internal::Prefetch;

namespace dep {
namespace {

constexpr uint8_t kRootPos = 17;
constexpr uint8_t kNonePos = 18;
constexpr uint64_t kRootWord = 0x2f1d0c3b5a697887ULL;
constexpr uint64_t kNoneWord = 0x61c8864680b583ebULL;
constexpr uint8_t kNoLabel = 0xFF;

constexpr uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// A template id and up to three values: the feature hash is
//   H(t, a) = Mix((t + 1) * 0x9e3779b97f4a7c15 ^ Mix(a)),
//   H(t, a, b) = Mix(H(t, a) ^ (b * 0xbf58476d1ce4e5b9 + 0x94d049bb133111eb)),
//   H(t, a, b, c) = Mix(H(t, a, b) ^ (c * 0x94d049bb133111eb + K)),
//   K = 0xbf58476d1ce4e5b9.
// The first value is passed as Mix(a) already (Mixed): the parser mixes
// each word once per sentence (TokInfo::mixed_word), small values come from
// a table, and a value used by several templates is mixed once. The hashes
// are the model's keys: they must never change.
struct Mixed {
  uint64_t m;
};
inline Mixed M(uint64_t a) { return Mixed{Mix(a)}; }
inline uint64_t H(uint64_t t, Mixed a) {
  return Mix((t + 1) * 0x9e3779b97f4a7c15ULL ^ a.m);
}
inline uint64_t H(uint64_t t, Mixed a, uint64_t b) {
  return Mix(H(t, a) ^ (b * 0xbf58476d1ce4e5b9ULL + 0x94d049bb133111ebULL));
}
inline uint64_t H(uint64_t t, Mixed a, uint64_t b, uint64_t c) {
  return Mix(H(t, a, b) ^ (c * 0x94d049bb133111ebULL + 0xbf58476d1ce4e5b9ULL));
}

// Mix(v) for v < 256 (tags, labels, counts), made at compile time.
constexpr std::array<uint64_t, 256> MakeSmallMixes() {
  std::array<uint64_t, 256> t{};
  for (uint64_t v = 0; v < t.size(); ++v) t[v] = Mix(v);
  return t;
}
constexpr std::array<uint64_t, 256> kSmallMixes = MakeSmallMixes();
inline Mixed MS(uint64_t v) { return Mixed{kSmallMixes[v & 0xff]}; }

// Z&N's distance, bucketed: 1, 2, 3, 4, 5-9, 10+; 7 = N0 is the root.
inline uint64_t Distance(int s0, int n0, int n) {
  if (s0 < 0) return 0;
  if (n0 == n) return 7;
  const int d = n0 - s0;
  return d < 5 ? static_cast<uint64_t>(d) : (d < 10 ? 5 : 6);
}

using internal::Get;
using internal::Put;

}  // namespace

uint32_t Crc32c(std::string_view data) { return internal::Crc32c(data); }

void MakeTokens(std::span<const std::string_view> words,
                std::span<const Pos> tags, std::vector<TokInfo>* out) {
  const size_t n = std::min(words.size(), tags.size());
  out->resize(n + 1);
  char buf[64];
  for (size_t i = 0; i < n; ++i) {
    const std::string_view w = words[i];
    const size_t len = std::min(w.size(), sizeof buf);
    for (size_t k = 0; k < len; ++k) {
      char c = w[k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c >= '0' && c <= '9') c = '0';
      buf[k] = c;
    }
    (*out)[i].word = Hash64(std::string_view(buf, len), 0x5eed);
    (*out)[i].mixed_word = Mix((*out)[i].word);
    const auto p = static_cast<uint8_t>(tags[i]);
    (*out)[i].pos = p < kRootPos ? p : 0;
  }
  (*out)[n] = TokInfo{kRootWord, Mix(kRootWord), kRootPos};
}

void ParseState::Init(std::span<const TokInfo> toks) {
  toks_ = toks.data();
  n_ = static_cast<int>(toks.size()) - 1;
  b_ = 0;
  const size_t m = toks.size();
  stack_.clear();
  on_stack_.assign(m, 0);
  head_.assign(m, -1);
  label_.assign(m, kNoLabel);
  l1_.assign(m, -1);
  l2_.assign(m, -1);
  r1_.assign(m, -1);
  r2_.assign(m, -1);
  lval_.assign(m, 0);
  rval_.assign(m, 0);
  for (int k = 0; k < 2; ++k) {
    lset_[k].assign(m, 0);
    rset_[k].assign(m, 0);
  }
}

bool ParseState::Allowed(int cls, int root_label) const {
  switch (ActionOf(cls)) {
    case kShift:
      return CanShift();
    case kReduce:
      return CanReduce();
    case kLeft:
      return CanLeft() && (b_ == n_ || LabelOf(cls) != root_label);
    default:
      return CanRight() && LabelOf(cls) != root_label;
  }
}

void ParseState::AddArc(int h, int d, int label) {
  head_[d] = h;
  label_[d] = static_cast<uint8_t>(label);
  const uint64_t bit = uint64_t{1} << (label & 63);
  if (d < h) {
    if (l1_[h] < 0 || d < l1_[h]) {
      l2_[h] = l1_[h];
      l1_[h] = d;
    } else if (l2_[h] < 0 || d < l2_[h]) {
      l2_[h] = d;
    }
    if (lval_[h] < 255) ++lval_[h];
    lset_[label >> 6][h] |= bit;
  } else {
    if (r1_[h] < 0 || d > r1_[h]) {
      r2_[h] = r1_[h];
      r1_[h] = d;
    } else if (r2_[h] < 0 || d > r2_[h]) {
      r2_[h] = d;
    }
    if (rval_[h] < 255) ++rval_[h];
    rset_[label >> 6][h] |= bit;
  }
}

void ParseState::Apply(int cls) {
  switch (ActionOf(cls)) {
    case kShift:
      on_stack_[b_] = 1;
      stack_.push_back(b_++);
      break;
    case kReduce:
      on_stack_[Top()] = 0;
      stack_.pop_back();
      break;
    case kLeft:
      AddArc(b_, Top(), LabelOf(cls));
      on_stack_[Top()] = 0;
      stack_.pop_back();
      break;
    default:
      AddArc(Top(), b_, LabelOf(cls));
      on_stack_[b_] = 1;
      stack_.push_back(b_++);
      break;
  }
}

size_t ParseState::Features(uint64_t* f) const {
  const int s0 = stack_.empty() ? -1 : stack_.back();
  const int s1 = stack_.size() >= 2 ? stack_[stack_.size() - 2] : -1;
  const int n0 = b_;
  const int n1 = b_ + 1 <= n_ ? b_ + 1 : -1;
  const int n2 = b_ + 2 <= n_ ? b_ + 2 : -1;
  const int s0h = s0 >= 0 ? head_[s0] : -1;
  const int s0h2 = s0h >= 0 && s0h < n_ ? head_[s0h] : -1;
  const int s0l = s0 >= 0 ? l1_[s0] : -1;
  const int s0l2 = s0 >= 0 ? l2_[s0] : -1;
  const int s0r = s0 >= 0 ? r1_[s0] : -1;
  const int s0r2 = s0 >= 0 ? r2_[s0] : -1;
  const int n0l = l1_[n0];
  const int n0l2 = l2_[n0];
  // Values for the second and third arguments of H, and Mix()ed values for
  // the first (see Mixed): the same hashes with fewer Mix calls.
  constexpr Mixed kNoneWordMixed{Mix(kNoneWord)};
  const auto W = [&](int i) -> uint64_t {
    return i < 0 ? kNoneWord : toks_[i].word;
  };
  const auto P = [&](int i) -> uint64_t {
    return i < 0 ? kNonePos : toks_[i].pos;
  };
  const auto L = [&](int i) -> uint64_t {
    return i < 0 ? kNoLabel : label_[i];
  };
  const auto MW = [&](int i) -> Mixed {
    return i < 0 ? kNoneWordMixed : Mixed{toks_[i].mixed_word};
  };
  const auto MP = [&](int i) -> Mixed { return MS(P(i)); };
  const auto ML = [&](int i) -> Mixed { return MS(L(i)); };
  const uint64_t s0p = P(s0), n0w = W(n0), n0p = P(n0);
  const uint64_t n1p = P(n1), n2p = P(n2);
  const Mixed ms0w = MW(s0), ms0p = MS(s0p), mn0w = MW(n0), mn0p = MS(n0p);
  const Mixed mn1w = MW(n1), mn1p = MS(n1p), mn2w = MW(n2), mn2p = MS(n2p);
  const uint64_t s0wp = H(100, ms0w, s0p), n0wp = H(100, mn0w, n0p);
  const Mixed ms0wp = M(s0wp), mn0wp = M(n0wp);
  size_t k = 0;
  f[k++] = H(0, MS(0));
  // Single words.
  f[k++] = H(1, ms0wp);
  f[k++] = H(2, ms0w);
  f[k++] = H(3, ms0p);
  f[k++] = H(4, mn0wp);
  f[k++] = H(5, mn0w);
  f[k++] = H(6, mn0p);
  f[k++] = H(7, mn1w, n1p);
  f[k++] = H(8, mn1w);
  f[k++] = H(9, mn1p);
  f[k++] = H(10, mn2w, n2p);
  f[k++] = H(11, mn2w);
  f[k++] = H(12, mn2p);
  // Word pairs.
  f[k++] = H(13, ms0wp, n0wp);
  f[k++] = H(14, ms0wp, n0w);
  f[k++] = H(15, ms0w, n0wp);
  f[k++] = H(16, ms0wp, n0p);
  f[k++] = H(17, ms0p, n0wp);
  f[k++] = H(18, ms0w, n0w);
  f[k++] = H(19, ms0p, n0p);
  f[k++] = H(20, mn0p, n1p);
  // Three tags.
  f[k++] = H(21, mn0p, n1p, n2p);
  f[k++] = H(22, ms0p, n0p, n1p);
  f[k++] = H(23, MP(s0h), s0p, n0p);
  f[k++] = H(24, ms0p, P(s0l), n0p);
  f[k++] = H(25, ms0p, P(s0r), n0p);
  f[k++] = H(26, ms0p, n0p, P(n0l));
  // Distance.
  const uint64_t d = Distance(s0, n0, n_);
  f[k++] = H(27, ms0w, d);
  f[k++] = H(28, ms0p, d);
  f[k++] = H(29, mn0w, d);
  f[k++] = H(30, mn0p, d);
  f[k++] = H(31, ms0w, n0w, d);
  f[k++] = H(32, ms0p, n0p, d);
  // Valency.
  const uint64_t s0vl = s0 >= 0 ? std::min<uint64_t>(lval_[s0], 7) : 8;
  const uint64_t s0vr = s0 >= 0 ? std::min<uint64_t>(rval_[s0], 7) : 8;
  const uint64_t n0vl = std::min<uint64_t>(lval_[n0], 7);
  f[k++] = H(33, ms0w, s0vr);
  f[k++] = H(34, ms0p, s0vr);
  f[k++] = H(35, ms0w, s0vl);
  f[k++] = H(36, ms0p, s0vl);
  f[k++] = H(37, mn0w, n0vl);
  f[k++] = H(38, mn0p, n0vl);
  // Second-order unigrams.
  f[k++] = H(39, MW(s0h));
  f[k++] = H(40, MP(s0h));
  f[k++] = H(41, ML(s0));
  f[k++] = H(42, MW(s0l));
  f[k++] = H(43, MP(s0l));
  f[k++] = H(44, ML(s0l));
  f[k++] = H(45, MW(s0r));
  f[k++] = H(46, MP(s0r));
  f[k++] = H(47, ML(s0r));
  f[k++] = H(48, MW(n0l));
  f[k++] = H(49, MP(n0l));
  f[k++] = H(50, ML(n0l));
  // Third order.
  f[k++] = H(51, MW(s0h2));
  f[k++] = H(52, MP(s0h2));
  f[k++] = H(53, ML(s0h));
  f[k++] = H(54, MW(s0l2));
  f[k++] = H(55, MP(s0l2));
  f[k++] = H(56, ML(s0l2));
  f[k++] = H(57, MW(s0r2));
  f[k++] = H(58, MP(s0r2));
  f[k++] = H(59, ML(s0r2));
  f[k++] = H(60, MW(n0l2));
  f[k++] = H(61, MP(n0l2));
  f[k++] = H(62, ML(n0l2));
  f[k++] = H(63, ms0p, P(s0l), P(s0l2));
  f[k++] = H(64, ms0p, P(s0r), P(s0r2));
  f[k++] = H(65, ms0p, P(s0h), P(s0h2));
  f[k++] = H(66, mn0p, P(n0l), P(n0l2));
  // Label sets.
  const auto set = [](const std::vector<uint64_t>* v, int i) -> uint64_t {
    return i < 0 ? 1 : Mix(v[0][i]) ^ (v[1][i] * 0x9e3779b97f4a7c15ULL);
  };
  const uint64_t s0sr = set(rset_, s0), s0sl = set(lset_, s0),
                 n0sl = set(lset_, n0);
  f[k++] = H(67, ms0w, s0sr);
  f[k++] = H(68, ms0p, s0sr);
  f[k++] = H(69, ms0w, s0sl);
  f[k++] = H(70, ms0p, s0sl);
  f[k++] = H(71, mn0w, n0sl);
  f[k++] = H(72, mn0p, n0sl);
  // The second stack word (arc-eager keeps attached words on the stack).
  const uint64_t s1p = P(s1);
  f[k++] = H(73, MW(s1), s1p);
  f[k++] = H(74, MS(s1p), s0p, n0p);
  f[k++] = H(75, MS(s1p), L(s1), s0p);
  f[k++] = H(76, MS(s1 >= 0 && head_[s1] >= 0 ? 1 : 0),
             s0 >= 0 && head_[s0] >= 0 ? 1 : 0, n0p);
  return k;
}

void ParseState::Finish(int root_label, int side_label,
                        std::span<uint32_t> heads, std::span<uint8_t> labels) {
  int primary = -1;
  for (int i = 0; i < n_; ++i) {
    if (head_[i] != n_) continue;
    if (primary < 0 ||
        (label_[primary] != root_label && label_[i] == root_label)) {
      primary = i;
    }
  }
  for (int i = 0; i < n_; ++i) {
    if (head_[i] < 0) head_[i] = n_;  // unreachable after a full parse
    if (head_[i] == n_ && i != primary) {
      if (primary < 0) {
        primary = i;
      } else {
        head_[i] = primary;
        if (label_[i] == root_label || label_[i] == kNoLabel) {
          label_[i] = static_cast<uint8_t>(side_label);
        }
      }
    }
  }
  for (int i = 0; i < n_; ++i) {
    heads[i] = static_cast<uint32_t>(head_[i] == n_ ? i : head_[i]);
    labels[i] = i == primary ? static_cast<uint8_t>(root_label) : label_[i];
  }
}

void ParseWithModel(const DepModel& m, std::span<const TokInfo> toks,
                    ParseState* state, std::vector<int32_t>* scores,
                    std::span<uint32_t> heads, std::span<uint8_t> labels) {
  state->Init(toks);
  scores->resize(static_cast<size_t>(m.stride));
  uint64_t feats[kMaxFeatures];
  while (!state->Terminal()) {
    const size_t nf = state->Features(feats);
    std::fill(scores->begin(), scores->end(), 0);
    m.Score(feats, nf, scores->data());
    // The best class that Allowed() permits, the first on ties: the same
    // test with the action's legality worked out once, not per class.
    const int32_t* sc = scores->data();
    int best = -1;
    int32_t best_score = 0;
    const auto consider = [&](int c) {
      if (best < 0 || sc[c] > best_score) {
        best = c;
        best_score = sc[c];
      }
    };
    if (state->CanShift()) consider(kShift);
    if (state->CanReduce()) consider(kReduce);
    const bool left = state->CanLeft(), right = state->CanRight();
    const bool root_left = state->b() == state->n();
    if (left || right) {
      const int n_labels = (m.classes - kLeft) / 2;
      for (int l = 0; l < n_labels; ++l) {
        if (left && (root_left || l != m.root_label)) {
          consider(ClassOf(kLeft, l));
        }
        if (right && l != m.root_label) consider(ClassOf(kRight, l));
      }
    }
    if (best < 0) break;  // cannot happen: some action is always legal
    state->Apply(best);
  }
  state->Finish(m.root_label, m.side_label, heads, labels);
}

Status BuildModel(std::vector<std::string> labels, float scale,
                  const std::vector<FeatureWeights>& features, DepModel* m) {
  if (labels.empty() || labels.size() > static_cast<size_t>(kMaxLabels)) {
    return Corrupt("label count out of range");
  }
  m->labels = std::move(labels);
  m->root_label = m->side_label = -1;
  int dep_label = -1;
  for (size_t i = 0; i < m->labels.size(); ++i) {
    if (m->labels[i] == "root") m->root_label = static_cast<int>(i);
    if (m->labels[i] == "parataxis") m->side_label = static_cast<int>(i);
    if (m->labels[i] == "dep") dep_label = static_cast<int>(i);
  }
  if (m->root_label < 0) return Corrupt("no \"root\" label");
  if (m->side_label < 0)
    m->side_label = dep_label >= 0 ? dep_label : m->root_label;
  m->classes = NumClasses(static_cast<int>(m->labels.size()));
  m->scale = scale;
  size_t entries = 0;
  for (const FeatureWeights& f : features) entries += f.weights.size();
  if (entries >= (size_t{1} << 24)) return Corrupt("too many weights");
  size_t cap = 16;
  while (cap < features.size() * 2) cap <<= 1;
  m->slots.assign(cap, Slot{});
  m->stride = (m->classes + kRowBlock - 1) / kRowBlock * kRowBlock;
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  m->use_avx2 = __builtin_cpu_supports("avx2");
#endif
  const auto stride = static_cast<size_t>(m->stride);
  // A run with a class twice stays sparse (its weights are added one by
  // one, and their sum might not fit an int16).
  const auto dense_ok = [&](const FeatureWeights& f) {
    if (f.weights.size() < kDenseMin) return false;
    uint64_t seen[4] = {};
    for (const auto& [cls, w] : f.weights) {
      if (seen[cls >> 6] >> (cls & 63) & 1) return false;
      seen[cls >> 6] |= uint64_t{1} << (cls & 63);
    }
    return true;
  };
  std::vector<uint8_t> is_dense(features.size());
  size_t rows = 0;
  entries = 0;
  for (size_t i = 0; i < features.size(); ++i) {
    is_dense[i] = dense_ok(features[i]) ? 1 : 0;
    rows += is_dense[i];
    entries += is_dense[i] ? 0 : features[i].weights.size();
  }
  m->entries.assign(entries, Entry{});
  size_t entry = 0;
  constexpr size_t kAlign = 64 / sizeof(int16_t);
  m->dense.assign(rows * stride + kAlign, 0);
  const auto addr = reinterpret_cast<uintptr_t>(m->dense.data());
  m->dense_base = ((64 - addr % 64) % 64) / sizeof(int16_t);
  size_t row = 0;
  const uint64_t mask = cap - 1;
  for (size_t i = 0; i < features.size(); ++i) {
    const FeatureWeights& f = features[i];
    if (f.weights.empty() || f.weights.size() > 255)
      return Corrupt("bad weight run");
    uint32_t check = static_cast<uint32_t>(f.key >> 32);
    if (check == 0) check = 1;
    uint64_t pos = f.key & mask;
    // Exact duplicates are refused by the caller (sorted keys); two keys
    // that agree in both halves used here would be a 2^-64 event.
    while (m->slots[pos].check != 0) pos = (pos + 1) & mask;
    for (const auto& [cls, w] : f.weights) {
      if (cls >= m->classes) return Corrupt("weight for an unknown class");
    }
    if (is_dense[i]) {
      m->slots[pos] = Slot{check, static_cast<uint32_t>(row)};
      int16_t* r = m->dense.data() + m->dense_base + row * stride;
      for (const auto& [cls, w] : f.weights) r[cls] = w;
      ++row;
      continue;
    }
    m->slots[pos] =
        Slot{check, static_cast<uint32_t>(entry) |
                        static_cast<uint32_t>(f.weights.size()) << 24};
    for (const auto& [cls, w] : f.weights) {
      m->entries[entry++] = Entry{w, cls, 0};
    }
  }
  return Status::Ok();
}

std::string EncodeModel(const DepModel& m,
                        const std::vector<FeatureWeights>& features,
                        const std::vector<SelfTest>& tests) {
  std::string p;
  Put(&p, static_cast<uint32_t>(m.labels.size()));
  for (const std::string& l : m.labels) {
    Put(&p, static_cast<uint8_t>(l.size()));
    p += l;
  }
  Put(&p, m.scale);
  Put(&p, static_cast<uint32_t>(features.size()));
  for (const FeatureWeights& f : features) {
    Put(&p, f.key);
    Put(&p, static_cast<uint8_t>(f.weights.size()));
    for (const auto& [cls, w] : f.weights) {
      Put(&p, cls);
      Put(&p, w);
    }
  }
  Put(&p, static_cast<uint32_t>(tests.size()));
  for (const SelfTest& t : tests) {
    Put(&p, static_cast<uint16_t>(t.words.size()));
    for (size_t i = 0; i < t.words.size(); ++i) {
      Put(&p, static_cast<uint8_t>(t.tags[i]));
      Put(&p, static_cast<uint8_t>(t.words[i].size()));
      p += t.words[i];
    }
    for (size_t i = 0; i < t.words.size(); ++i) {
      Put(&p, static_cast<uint16_t>(t.heads[i]));
      Put(&p, t.labels[i]);
    }
  }
  std::string file(kMagic);
  file += m.header;
  file += "\n";
  Put(&file, static_cast<uint64_t>(p.size()));
  Put(&file, Crc32c(p));
  file += p;
  return file;
}

std::vector<SelfTest> SelfTestSentences() {
  // Written for this purpose (news-style English); tags by hand.
  static constexpr const char* kSents[][2] = {
      {"The council approved the new budget on Monday .",
       "DET NOUN VERB DET ADJ NOUN ADP PROPN PUNCT"},
      {"Officials said they would not comment on the report .",
       "NOUN VERB PRON AUX PART VERB ADP DET NOUN PUNCT"},
      {"Heavy rain is expected in the north , forecasters warned .",
       "ADJ NOUN AUX VERB ADP DET NOUN PUNCT NOUN VERB PUNCT"},
  };
  std::vector<SelfTest> out;
  for (const auto& s : kSents) {
    SelfTest t;
    std::string_view words(s[0]), tags(s[1]);
    while (!words.empty()) {
      const size_t sp = words.find(' ');
      t.words.emplace_back(words.substr(0, sp));
      words.remove_prefix(sp == std::string_view::npos ? words.size() : sp + 1);
    }
    while (!tags.empty()) {
      const size_t sp = tags.find(' ');
      static constexpr std::string_view kNames[] = {
          "X",     "ADJ",   "ADP",   "ADV", "AUX",  "CCONJ",
          "DET",   "INTJ",  "NOUN",  "NUM", "PART", "PRON",
          "PROPN", "PUNCT", "SCONJ", "SYM", "VERB"};
      const std::string_view name = tags.substr(0, sp);
      Pos p = Pos::kX;
      for (size_t k = 0; k < std::size(kNames); ++k) {
        if (kNames[k] == name) p = static_cast<Pos>(k);
      }
      t.tags.push_back(p);
      tags.remove_prefix(sp == std::string_view::npos ? tags.size() : sp + 1);
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace dep

namespace {

#if defined(__GNUC__) || defined(__clang__)
#define SYN_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define SYN_ALWAYS_INLINE inline
#endif

// Adds the weights of the found features (Slot::packed values) into scores:
// dense rows as whole-row additions in blocks of a fixed size, which the
// compiler vectorises, sparse runs one by one.
SYN_ALWAYS_INLINE void AddFound(const DepModel& m, const uint32_t* found,
                                size_t nf, int32_t* scores) {
  const int16_t* const rows = m.dense.data() + m.dense_base;
  const auto row_size = static_cast<size_t>(m.stride);
  for (size_t r = 0; r < nf; ++r) {
    const uint32_t count = found[r] >> 24;
    if (count == 0) {
      const int16_t* row = rows + (found[r] & 0xffffffu) * row_size;
      for (size_t b = 0; b < row_size; b += dep::kRowBlock) {
        for (int c = 0; c < dep::kRowBlock; ++c) scores[b + c] += row[b + c];
      }
      continue;
    }
    const dep::Entry* e = m.entries.data() + (found[r] & 0xffffffu);
    const dep::Entry* const end = e + count;
    for (; e < end; ++e) scores[e->cls] += e->weight;
  }
}

void AddFoundGeneric(const DepModel& m, const uint32_t* found, size_t nf,
                     int32_t* scores) {
  AddFound(m, found, nf, scores);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SYN_HAVE_AVX2_PATH 1
// The same compiled for AVX2 (eight int16 -> int32 widening additions per
// instruction); used when the CPU has it (DepModel::use_avx2). Integer sums,
// so the result is the same.
__attribute__((target("avx2"))) void AddFoundAvx2(const DepModel& m,
                                                  const uint32_t* found,
                                                  size_t nf, int32_t* scores) {
  AddFound(m, found, nf, scores);
}
#endif

}  // namespace

void DepModel::Score(const uint64_t* feats, size_t n, int32_t* scores) const {
  const uint64_t mask = slots.size() - 1;
  const dep::Slot* const table = slots.data();
  const dep::Entry* const runs = entries.data();
  const int16_t* const rows = dense.data() + dense_base;
  const auto row_size = static_cast<size_t>(stride);
  // In batches: prefetch every feature's home slot, then probe them and
  // prefetch the weights found, then add the weights. The lookups of a
  // batch are independent, so their cache misses overlap instead of
  // following one another.
  uint32_t found[dep::kMaxFeatures];
  while (n > 0) {
    const size_t batch = std::min(n, dep::kMaxFeatures);
    for (size_t k = 0; k < batch; ++k) Prefetch(table + (feats[k] & mask));
    size_t nf = 0;
    for (size_t k = 0; k < batch; ++k) {
      const uint64_t key = feats[k];
      uint32_t check = static_cast<uint32_t>(key >> 32);
      if (check == 0) check = 1;
      for (uint64_t pos = key & mask;; pos = (pos + 1) & mask) {
        const dep::Slot& s = table[pos];
        if (s.check == 0) break;
        if (s.check != check) continue;
        if (s.packed >> 24 == 0) {
          const int16_t* r = rows + (s.packed & 0xffffffu) * row_size;
          for (size_t b = 0; b < row_size; b += dep::kRowBlock) Prefetch(r + b);
        } else {
          const dep::Entry* e = runs + (s.packed & 0xffffffu);
          Prefetch(e);
          Prefetch(e + (s.packed >> 24) - 1);
        }
        found[nf++] = s.packed;
        break;
      }
    }
#ifdef SYN_HAVE_AVX2_PATH
    if (use_avx2) {
      AddFoundAvx2(*this, found, nf, scores);
    } else {
      AddFoundGeneric(*this, found, nf, scores);
    }
#else
    AddFoundGeneric(*this, found, nf, scores);
#endif
    feats += batch;
    n -= batch;
  }
}

struct DepWorkspace::Impl {
  dep::ParseState state;
  std::vector<dep::TokInfo> toks;
  std::vector<int32_t> scores;
  // ParseDocument's per-sentence views.
  std::vector<std::string_view> words;
  std::vector<Pos> tags;
  std::vector<uint32_t> heads;
};

DepWorkspace::DepWorkspace() : impl_(std::make_unique<Impl>()) {}
DepWorkspace::~DepWorkspace() = default;

void Parse(const DepModel& model, std::span<const std::string_view> words,
           std::span<const Pos> tags, const DepParseOptions& options,
           DepWorkspace* workspace, std::span<uint32_t> heads,
           std::span<uint8_t> labels) {
  const size_t n =
      std::min({words.size(), tags.size(), heads.size(), labels.size()});
  if (n == 0) return;
  DepWorkspace::Impl& ws = workspace->impl();
  const size_t piece = std::max<uint32_t>(options.max_words, 1);
  uint32_t first_root = 0;
  for (size_t start = 0; start < n; start += piece) {
    const size_t len = std::min(piece, n - start);
    dep::MakeTokens(words.subspan(start, len), tags.subspan(start, len),
                    &ws.toks);
    const auto h = heads.subspan(start, len);
    const auto l = labels.subspan(start, len);
    dep::ParseWithModel(model, ws.toks, &ws.state, &ws.scores, h, l);
    uint32_t root = 0;
    for (size_t i = 0; i < len; ++i) {
      h[i] += static_cast<uint32_t>(start);
      if (h[i] == start + i) root = static_cast<uint32_t>(start + i);
    }
    if (start == 0) {
      first_root = root;
    } else {
      heads[root] = first_root;
      labels[root] = static_cast<uint8_t>(model.side_label);
    }
  }
}

void ParseDocument(const DepModel& model, const DepParseOptions& options,
                   DepWorkspace* workspace, DocAnalysis* a,
                   std::vector<uint8_t>* labels) {
  labels->assign(a->tokens.size(), 0);
  DepWorkspace::Impl& ws = workspace->impl();
  const std::string_view text(a->doc.text);
  for (const Sentence& s : a->sentences) {
    const uint32_t end = std::min<uint32_t>(
        s.end_token, static_cast<uint32_t>(a->tokens.size()));
    if (s.first_token >= end) continue;
    ws.words.clear();
    ws.tags.clear();
    for (uint32_t t = s.first_token; t < end; ++t) {
      const Token& tok = a->tokens[t];
      const uint32_t b =
          std::min<uint32_t>(tok.begin, static_cast<uint32_t>(text.size()));
      const uint32_t e = std::min<uint32_t>(std::max(tok.end, b),
                                            static_cast<uint32_t>(text.size()));
      ws.words.push_back(text.substr(b, e - b));
      ws.tags.push_back(tok.pos);
    }
    const size_t n = ws.words.size();
    ws.heads.assign(n, 0);
    // Parse() uses ws.toks/state/scores only, not these buffers.
    Parse(model, ws.words, ws.tags, options, workspace, ws.heads,
          std::span<uint8_t>(*labels).subspan(s.first_token, n));
    for (size_t i = 0; i < n; ++i)
      a->tokens[s.first_token + i].head = s.first_token + ws.heads[i];
  }
}

std::string_view DepLabelName(const DepModel& model, uint8_t label) {
  return label < model.labels.size() ? std::string_view(model.labels[label])
                                     : std::string_view("dep");
}

int DepLabelId(const DepModel& model, std::string_view name) {
  for (size_t i = 0; i < model.labels.size(); ++i) {
    if (model.labels[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string DepModelProvenance(const DepModel& model) {
  std::string out;
  std::string_view h(model.header);
  while (!h.empty()) {
    const size_t nl = h.find('\n');
    std::string_view line = h.substr(0, nl);
    if (line.substr(0, 2) == "# ") line.remove_prefix(2);
    out += line;
    out += '\n';
    h.remove_prefix(nl == std::string_view::npos ? h.size() : nl + 1);
  }
  return out;
}

Result<std::shared_ptr<const DepModel>> DecodeDepModel(std::string_view in) {
  if (in.substr(0, dep::kMagic.size()) != dep::kMagic) {
    if (in.substr(0, 19) == "synoptic dep-model ") {
      return NotSupported("dep-model: unknown format version");
    }
    return Corrupt("not a synoptic dep-model file");
  }
  in.remove_prefix(dep::kMagic.size());
  auto m = std::make_shared<DepModel>();
  while (!in.empty() && in[0] == '#') {
    const size_t nl = in.find('\n');
    if (nl == std::string_view::npos)
      return Corrupt("dep-model: truncated header");
    m->header += std::string(in.substr(0, nl + 1));
    in.remove_prefix(nl + 1);
  }
  if (in.empty() || in[0] != '\n') return Corrupt("dep-model: no header end");
  in.remove_prefix(1);
  uint64_t len = 0;
  uint32_t crc = 0;
  if (!dep::Get(&in, &len) || !dep::Get(&in, &crc) || len != in.size()) {
    return Corrupt("dep-model: payload length does not match the file");
  }
  if (dep::Crc32c(in) != crc) return Corrupt("dep-model: checksum mismatch");
  uint32_t n_labels = 0;
  if (!dep::Get(&in, &n_labels) || n_labels == 0 ||
      n_labels > static_cast<uint32_t>(dep::kMaxLabels)) {
    return Corrupt("dep-model: bad label count");
  }
  std::vector<std::string> labels;
  for (uint32_t i = 0; i < n_labels; ++i) {
    uint8_t l = 0;
    if (!dep::Get(&in, &l) || in.size() < l)
      return Corrupt("dep-model: truncated labels");
    labels.emplace_back(in.substr(0, l));
    in.remove_prefix(l);
  }
  float scale = 0;
  uint32_t n_feats = 0;
  if (!dep::Get(&in, &scale) || !dep::Get(&in, &n_feats) || !(scale > 0) ||
      n_feats > in.size() / 12) {
    return Corrupt("dep-model: bad feature count");
  }
  std::vector<dep::FeatureWeights> feats(n_feats);
  for (uint32_t i = 0; i < n_feats; ++i) {
    dep::FeatureWeights& f = feats[i];
    uint8_t count = 0;
    if (!dep::Get(&in, &f.key) || !dep::Get(&in, &count) || count == 0 ||
        in.size() < size_t{count} * 3) {
      return Corrupt("dep-model: truncated weights");
    }
    if (i > 0 && f.key <= feats[i - 1].key)
      return Corrupt("dep-model: keys out of order");
    f.weights.resize(count);
    for (auto& [cls, w] : f.weights) {
      (void)dep::Get(&in, &cls);
      (void)dep::Get(&in, &w);
    }
  }
  SYN_RETURN_IF_ERROR(
      dep::BuildModel(std::move(labels), scale, feats, m.get()));
  uint32_t n_tests = 0;
  if (!dep::Get(&in, &n_tests) || n_tests > 64)
    return Corrupt("dep-model: bad self-tests");
  DepWorkspace ws;
  std::vector<std::string_view> views;
  std::vector<uint32_t> heads;
  std::vector<uint8_t> out_labels;
  for (uint32_t t = 0; t < n_tests; ++t) {
    uint16_t n = 0;
    if (!dep::Get(&in, &n) || n == 0 || n > 256) {  // bounds load time
      return Corrupt("dep-model: bad self-test");
    }
    std::vector<std::string> words(n);
    std::vector<Pos> tags(n);
    for (uint16_t i = 0; i < n; ++i) {
      uint8_t p = 0, l = 0;
      if (!dep::Get(&in, &p) || !dep::Get(&in, &l) || p > 16 || in.size() < l) {
        return Corrupt("dep-model: truncated self-test");
      }
      tags[i] = static_cast<Pos>(p);
      words[i] = std::string(in.substr(0, l));
      in.remove_prefix(l);
    }
    views.assign(words.begin(), words.end());
    heads.assign(n, 0);
    out_labels.assign(n, 0);
    Parse(*m, views, tags, DepParseOptions{}, &ws, heads, out_labels);
    for (uint16_t i = 0; i < n; ++i) {
      uint16_t h = 0;
      uint8_t l = 0;
      if (!dep::Get(&in, &h) || !dep::Get(&in, &l)) {
        return Corrupt("dep-model: truncated self-test");
      }
      if (h != heads[i] || l != out_labels[i]) {
        return Corrupt(
            "dep-model: self-test parse differs from the recorded one");
      }
    }
  }
  if (!in.empty()) return Corrupt("dep-model: trailing bytes");
  return std::shared_ptr<const DepModel>(std::move(m));
}

Result<std::shared_ptr<const DepModel>> LoadDepModel(Env* env,
                                                     const std::string& path) {
  auto data = env->ReadFile(path, uint64_t{256} << 20);
  if (!data.ok()) {
    return Status(data.status().code(), path + ": " + data.status().message());
  }
  auto m = DecodeDepModel(*data);
  if (!m.ok()) {
    return Status(m.status().code(), path + ": " + m.status().message());
  }
  return m;
}

}  // namespace synoptic::nlp
