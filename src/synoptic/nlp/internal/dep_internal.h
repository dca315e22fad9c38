// Internals of the dependency parser (dep_parser.h), shared by the parsing
// code (dep_parser.cc) and the trainer (dep_train.cc): the arc-eager parse
// state with its feature templates, the loaded model, and the file format.
#ifndef SYNOPTIC_NLP_INTERNAL_DEP_INTERNAL_H_
#define SYNOPTIC_NLP_INTERNAL_DEP_INTERNAL_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/core/status.h"
#include "synoptic/core/types.h"
#include "synoptic/nlp/dep_parser.h"

namespace synoptic::nlp {
namespace dep {

// Classes: 0 SHIFT, 1 REDUCE, 2 + 2l LEFT-ARC(l), 3 + 2l RIGHT-ARC(l).
// Written to disk as class numbers; never renumber.
inline constexpr int kShift = 0;
inline constexpr int kReduce = 1;
inline constexpr int kLeft = 2;
inline constexpr int kRight = 3;
inline constexpr int kMaxLabels = 126;  // classes fit in a uint8
inline constexpr size_t kMaxFeatures = 96;
inline constexpr std::string_view kMagic = "synoptic dep-model 1\n";

inline int ClassOf(int action, int label) {
  return action < kLeft ? action : action + 2 * label;
}
inline int ActionOf(int cls) { return cls < kLeft ? cls : kLeft + (cls % 2); }
inline int LabelOf(int cls) { return cls < kLeft ? -1 : (cls - kLeft) / 2; }
inline int NumClasses(int labels) { return kLeft + 2 * labels; }

struct TokInfo {
  uint64_t word = 0;        // hash of the lower-cased form, digits as 0
  uint64_t mixed_word = 0;  // word through the feature hash's mixer
  uint8_t pos = 0;          // Pos value; 17 = the artificial root
};

// Fills `out` (resized to words.size() + 1, the last entry the root).
void MakeTokens(std::span<const std::string_view> words,
                std::span<const Pos> tags, std::vector<TokInfo>* out);

// The arc-eager configuration with the artificial root at the END of the
// buffer (Ballesteros & Nivre 2013): words 0..n-1, root n. The buffer is
// always the suffix b..n, so only its front index is kept. Left and right
// dependents are tracked incrementally for the feature templates.
class ParseState {
 public:
  // `toks` has n + 1 entries (root last) and must outlive the state's use.
  void Init(std::span<const TokInfo> toks);
  bool Terminal() const { return b_ == n_ && stack_.empty(); }
  bool CanShift() const { return b_ < n_; }
  bool CanReduce() const { return !stack_.empty() && head_[Top()] >= 0; }
  bool CanLeft() const { return !stack_.empty() && head_[Top()] < 0; }
  bool CanRight() const { return !stack_.empty() && b_ < n_; }
  // Whether class `cls` may be applied; the root label is only given by
  // the artificial root.
  bool Allowed(int cls, int root_label) const;
  void Apply(int cls);
  // Feature hashes of the configuration; returns how many (<= kMaxFeatures).
  size_t Features(uint64_t* out) const;
  // Makes the finished parse a tree with one root word (see .cc) and writes
  // heads (own index for the root) and labels.
  void Finish(int root_label, int side_label, std::span<uint32_t> heads,
              std::span<uint8_t> labels);

  int n() const { return n_; }
  int b() const { return b_; }
  int Top() const { return stack_.back(); }
  const std::vector<int32_t>& stack() const { return stack_; }
  int32_t head(int i) const { return head_[i]; }
  bool on_stack(int i) const { return on_stack_[i] != 0; }

 private:
  void AddArc(int h, int d, int label);

  const TokInfo* toks_ = nullptr;
  int n_ = 0;
  int b_ = 0;
  std::vector<int32_t> stack_;
  std::vector<uint8_t> on_stack_;
  std::vector<int32_t> head_;
  std::vector<uint8_t> label_;
  std::vector<int32_t> l1_, l2_, r1_, r2_;   // outermost two dependents
  std::vector<uint8_t> lval_, rval_;         // dependent counts (capped)
  std::vector<uint64_t> lset_[2], rset_[2];  // dependents' label bit sets
};

// Weights of the saved model: per feature a short run of (class, weight)
// pairs, found through an open-addressing table.
// A feature with many weights (most of the frequent ones have nearly every
// class) gets a dense row of DepModel::stride int16 weights instead, so
// that adding it is a few vector additions over contiguous memory.
struct Slot {
  uint32_t check = 0;   // high half of the key (0 = empty slot)
  uint32_t packed = 0;  // first entry (low 24 bits) | count << 24; count 0:
                        // dense row number (low 24 bits)
};

// Runs of at least this many weights become dense rows.
inline constexpr size_t kDenseMin = 16;
// Dense rows are a multiple of this many classes (64 bytes).
inline constexpr int kRowBlock = 32;

// One (class, weight) pair of a feature's run, both in one 4-byte word so
// that a run is one or two cache lines.
struct Entry {
  int16_t weight = 0;
  uint8_t cls = 0;
  uint8_t unused = 0;
};

}  // namespace dep

class DepModel {
 public:
  std::vector<std::string> labels;
  int root_label = -1;
  int side_label = -1;  // "parataxis" (or "dep"): extra roots hang by it
  int classes = 0;
  float scale = 1.0f;
  std::vector<dep::Slot> slots;  // power-of-two size
  std::vector<dep::Entry> entries;  // the runs of the sparse features
  // Dense rows of `stride` weights (classes rounded up to kRowBlock; the
  // rest zero), from dense_base on (64-byte aligned).
  std::vector<int16_t> dense;
  size_t dense_base = 0;
  int stride = 0;
  bool use_avx2 = false;  // the CPU has AVX2 (a faster Score, same sums)
  std::string header;

  // Adds the weights of the features into scores, which must have `stride`
  // elements (those past `classes` get zeros added). All the features'
  // slots are looked up together, with prefetches, so that their cache
  // misses overlap; the sums are integers, so the order does not matter.
  void Score(const uint64_t* feats, size_t n, int32_t* scores) const;
};

namespace dep {

// One feature's weights as written to the file.
struct FeatureWeights {
  uint64_t key = 0;
  std::vector<std::pair<uint8_t, int16_t>> weights;  // (class, weight)
};

// Sentences of our own, parsed after training; the results are stored in
// the model and re-checked at load.
struct SelfTest {
  std::vector<std::string> words;
  std::vector<Pos> tags;
  std::vector<uint32_t> heads;
  std::vector<uint8_t> labels;
};
std::vector<SelfTest> SelfTestSentences();

// Builds the in-memory model (hash table) from its parts. Fails on duplicate
// keys, bad classes or too many entries.
Status BuildModel(std::vector<std::string> labels, float scale,
                  const std::vector<FeatureWeights>& features, DepModel* m);

// The file: kMagic, "# " header lines, an empty line, then little-endian
// uint64 payload length, uint32 CRC-32C of the payload, payload (see .cc).
std::string EncodeModel(const DepModel& m,
                        const std::vector<FeatureWeights>& features,
                        const std::vector<SelfTest>& tests);

uint32_t Crc32c(std::string_view data);

// Parses toks (MakeTokens) greedily with the model into heads and labels.
void ParseWithModel(const DepModel& m, std::span<const TokInfo> toks,
                    ParseState* state, std::vector<int32_t>* scores,
                    std::span<uint32_t> heads, std::span<uint8_t> labels);

}  // namespace dep
}  // namespace synoptic::nlp

#endif  // SYNOPTIC_NLP_INTERNAL_DEP_INTERNAL_H_
