// Internals of the named-entity tagger (ner_model.h), shared by tagging
// (ner_model.cc) and training (ner_train.cc): labels, the gazetteer, the
// per-sentence token table and feature extraction, and the model itself.
#ifndef SYNOPTIC_NLP_INTERNAL_NER_INTERNAL_H_
#define SYNOPTIC_NLP_INTERNAL_NER_INTERNAL_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/nlp/ner_model.h"

namespace synoptic::nlp::internal {

// Labels: 0 = O, then per class B, I, L, U. Written to disk; never renumber.
inline constexpr int kNerLabels = 1 + 4 * kNerClasses;
enum NerPart : int { kB = 0, kI = 1, kL = 2, kU = 3 };
inline int NerLabel(NerClass c, NerPart p) { return 1 + 4 * static_cast<int>(c) + p; }
inline NerClass LabelClass(int label) { return static_cast<NerClass>((label - 1) / 4); }
inline int LabelPart(int label) { return (label - 1) % 4; }
// BILOU transition constraint: may `next` follow `prev` (-1: sentence start)?
bool NerAllowed(int prev, int next);

// Gazetteer categories (bits). Written to disk; never renumber.
enum GazBit : uint16_t {
  kGazCountry = 1 << 0,
  kGazCity = 1 << 1,
  kGazRegion = 1 << 2,     // first-level administrative divisions
  kGazDemonym = 1 << 3,
  kGazPerson = 1 << 4,     // full names of leaders and other actors
  kGazFirstName = 1 << 5,  // first word of such a name
  kGazLastName = 1 << 6,   // last word of such a name
  kGazOrg = 1 << 7,        // international organisations, armed groups
  kGazCapital = 1 << 8,
  kGazTitle = 1 << 9,      // cue words from nlp_lexicon.tsv
  kGazOrgHead = 1 << 10,
  kGazPlaceHead = 1 << 11,
  kGazTime = 1 << 12,      // months, weekdays
  kGazAgent = 1 << 13,     // Phoenix agent nouns ("police", "rebels")
  kGazActor = 1 << 14,     // other Phoenix country-file actors
};
inline constexpr int kGazCategories = 15;
inline constexpr int kGazMaxWords = 6;

// Word hash for gazetteer keys: ASCII-lowercased bytes.
uint64_t GazWordHash(std::string_view word);
// Key of a phrase given its words' GazWordHash values.
uint32_t GazPhraseKey(const uint64_t* word_hashes, size_t n);

struct Gazetteer {
  std::vector<uint32_t> keys;  // sorted, unique
  std::vector<uint16_t> bits;  // parallel
  uint16_t Find(uint32_t key) const;
};

// One word of the sentence being tagged, hashed once.
struct NerTok {
  uint64_t lower = 0, raw = 0, shape = 0, short_shape = 0;
  uint64_t suf2 = 0, suf3 = 0, suf4 = 0, pre3 = 0;
  uint64_t gaz_pos = 0;     // bit 4 * category + BILU part of a gazetteer match
  uint16_t gaz_word = 0;    // categories of the word alone
  uint8_t flags = 0;        // kNerCap ...
  uint8_t pos = 0;          // Pos, or 17 when not used
};
inline constexpr uint8_t kNerCap = 1, kNerAllCaps = 2, kNerDigit = 4,
                         kNerHyphen = 8, kNerPeriod = 16, kNerPunct = 32,
                         kNerFirst = 64;

// Fills toks (resized to words.size()) for one sentence. No allocation once
// toks has the capacity.
void PrepareSentence(const Gazetteer& gaz, std::span<const std::string_view> words,
                     std::span<const Pos> pos, bool use_pos, std::vector<NerTok>* toks);

inline constexpr size_t kNerMaxFeatures = 64;
// The features of word i given the two previous labels (-1 = none) and the
// class this word was last given in the document (0 = none, else 1 + class).
size_t NerFeatures(std::span<const NerTok> toks, size_t i, int prev1, int prev2,
                   int memory, uint64_t* out);

// Document memory: the class last given to a capitalised word in this
// document, in a fixed open-addressing table (no allocation per word).
class NerMemory {
 public:
  void Clear();
  int Get(uint64_t word) const;  // 0 = none, else 1 + class
  void Set(uint64_t word, int value);

 private:
  static constexpr size_t kSlots = 4096;
  std::array<uint64_t, kSlots> keys_{};
  std::array<uint8_t, kSlots> values_{};
  size_t used_ = 0;
};

}  // namespace synoptic::nlp::internal

namespace synoptic::nlp {

class NerModel {
 public:
  std::vector<uint64_t> keys;                                   // sorted
  std::vector<std::array<int16_t, internal::kNerLabels>> weights;  // parallel
  // Open-addressing index over keys (built at load): slot -> index + 1.
  std::vector<uint32_t> index;
  float scale = 1.0f;
  bool uses_pos = false;
  internal::Gazetteer gazetteer;
  std::string header;
  // Sentences tagged when the model was saved, re-tagged at load.
  struct SelfTest {
    std::vector<std::string> words;
    std::vector<uint8_t> pos;
    std::vector<uint8_t> labels;
  };
  std::vector<SelfTest> self_tests;

  const std::array<int16_t, internal::kNerLabels>* Find(uint64_t key) const;
  void BuildIndex();
};

struct NerWorkspace::Impl {
  std::vector<internal::NerTok> toks;
  std::vector<int> labels;
  internal::NerMemory memory;
};

namespace internal {

// Types a tagged span for the pipeline (see NerSpan::type).
EntityType NerEntityType(const NerModel& model, std::span<const std::string_view> words,
                         const NerSpan& span);
// The labels of one sentence (greedy, constrained); ws->impl().labels.
void NerDecode(const NerModel& model, std::span<const std::string_view> words,
               std::span<const Pos> pos, NerWorkspace* ws);
// Serialises a trained model (payload and file), and parses one.
std::string NerSerialize(const NerModel& m, const std::string& header_lines);
Result<std::shared_ptr<NerModel>> NerParse(std::string_view data, const std::string& path);

}  // namespace internal
}  // namespace synoptic::nlp

#endif  // SYNOPTIC_NLP_INTERNAL_NER_INTERNAL_H_
