// Internals of the named-entity tagger (ner_model.h), shared by tagging
// (ner_model.cc) and training (ner_train.cc): labels, the gazetteer, the
// per-sentence token table and feature extraction, and the model itself.
#ifndef SYNOPTIC_NLP_INTERNAL_NER_INTERNAL_H_
#define SYNOPTIC_NLP_INTERNAL_NER_INTERNAL_H_

#include <algorithm>
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
  uint8_t doc_case = 0;     // kNerDocCap | kNerDocLower: the word elsewhere in the document
  // The run of capitalised words this word is in (joined by "of", "and",
  // "de", "the", "-", "&"; run_part 0 when not in one): BILU part plus 4 *
  // length bucket, and the words around it.
  uint8_t run_part = 0;
  uint16_t run_first = 0, run_last = 0;  // word indexes
};
// How a word is written elsewhere in its document (NerNoteSentence):
// capitalised not at a sentence start, or starting with a lower-case letter.
inline constexpr uint8_t kNerDocCap = 1, kNerDocLower = 2;
inline constexpr uint8_t kNerCap = 1, kNerAllCaps = 2, kNerDigit = 4,
                         kNerHyphen = 8, kNerPeriod = 16, kNerPunct = 32,
                         kNerFirst = 64;

class NerMemory;

// Records how the words of one sentence are capitalised (kNerDocCap,
// kNerDocLower by GazWordHash) into doc_case.
void NerNoteWords(std::span<const std::string_view> words, NerMemory* doc_case);
// Sets toks[i].doc_case from doc_case.
void NerApplyDocCase(const NerMemory& doc_case, std::vector<NerTok>* toks);

// Fills toks (resized to words.size()) for one sentence. No allocation once
// toks has the capacity.
void PrepareSentence(const Gazetteer& gaz, std::span<const std::string_view> words,
                     std::span<const Pos> pos, bool use_pos, std::vector<NerTok>* toks);

inline constexpr size_t kNerMaxFeatures = 80;
inline constexpr size_t kNerMaxHistoryFeatures = 8;
// The features of word i that do not depend on the labels chosen before it,
// given the class this word was last given in the document (0 = none, else
// 1 + class).
// Optional feature groups (NerModel::features; written to disk).
inline constexpr uint8_t kNerFeatDocCase = 1, kNerFeatRuns = 2;
size_t NerStaticFeatures(std::span<const NerTok> toks, size_t i, int memory, uint8_t groups,
                         uint64_t* out);
// The features of word i that do: the two previous labels (-1 = none)
// alone and with the word. At most kNerMaxHistoryFeatures.
size_t NerHistoryFeatures(std::span<const NerTok> toks, size_t i, int prev1, int prev2,
                          int memory, uint64_t* out);

// Beam search over BILOU label sequences (beam 1 = greedy). One lattice cell
// per kept hypothesis: its score, label and the cell it extends.
struct NerBeamItem {
  double score = 0;
  int16_t label = -1;  // -1: unused cell
  int32_t back = -1;   // index of the previous cell in the lattice
  bool gold = false;   // the gold prefix (training)
};
inline constexpr int kNerMaxBeam = 16;

// Decodes n words. static_scores(i, double* s) sets s[kNerLabels] to the
// label-independent scores of word i; history_scores(i, prev1, prev2,
// double* s) adds the scores that depend on the two previous labels.
// lattice holds n * beam cells. With gold (training), decoding stops at the
// first word where no kept hypothesis is the gold prefix (early update,
// Collins & Roark 2004): returns the number of words decoded, whose best
// labels are in labels[0..returned). No allocation.
template <typename StaticScores, typename HistoryScores>
size_t NerBeamDecode(size_t n, int beam, StaticScores&& static_scores,
                     HistoryScores&& history_scores, const int* gold, NerBeamItem* lattice,
                     int* labels) {
  struct Cand {
    double score;
    int16_t label;
    int32_t back;
    bool gold;
  };
  Cand cand[kNerMaxBeam * kNerLabels];
  double base[kNerLabels], s[kNerLabels];
  size_t decoded = n;
  int prev_count = 0;
  for (size_t i = 0; i < n; ++i) {
    static_scores(i, base);
    const bool last = i + 1 == n;
    int nc = 0;
    const int hyps = i == 0 ? 1 : prev_count;
    for (int h = 0; h < hyps; ++h) {
      const NerBeamItem* prev = i == 0 ? nullptr : &lattice[(i - 1) * beam + h];
      const int p1 = prev ? prev->label : -1;
      const int p2 = prev && prev->back >= 0 ? lattice[prev->back].label : -1;
      for (int l = 0; l < kNerLabels; ++l) s[l] = base[l];
      history_scores(i, p1, p2, s);
      for (int l = 0; l < kNerLabels; ++l) {
        if (!NerAllowed(p1, l)) continue;
        if (last && l > 0 && (LabelPart(l) == kB || LabelPart(l) == kI)) continue;
        cand[nc++] = {(prev ? prev->score : 0) + s[l], static_cast<int16_t>(l),
                      static_cast<int32_t>(prev ? (i - 1) * beam + h : -1),
                      gold != nullptr && (prev == nullptr || prev->gold) && gold[i] == l};
      }
    }
    const int keep = nc < beam ? nc : beam;
    // Best first; ties by label then back pointer, so decoding is deterministic.
    std::partial_sort(cand, cand + keep, cand + nc, [](const Cand& a, const Cand& b) {
      if (a.score != b.score) return a.score > b.score;
      if (a.label != b.label) return a.label < b.label;
      return a.back < b.back;
    });
    bool gold_kept = false;
    for (int k = 0; k < beam; ++k) {
      NerBeamItem& it = lattice[i * beam + k];
      if (k < keep) {
        it.score = cand[k].score;
        it.label = cand[k].label;
        it.back = cand[k].back;
        it.gold = cand[k].gold;
        gold_kept |= it.gold;
      } else {
        it.label = -1;
        it.back = -1;
        it.gold = false;
      }
    }
    prev_count = keep;
    if (gold != nullptr && !gold_kept) {
      decoded = i + 1;
      break;
    }
  }
  // Follow the best last hypothesis back.
  int cell = static_cast<int>((decoded - 1) * beam);
  for (size_t i = decoded; i-- > 0;) {
    labels[i] = lattice[cell].label;
    cell = lattice[cell].back;
  }
  return decoded;
}

// Document memory: the class last given to a capitalised word in this
// document, in a fixed open-addressing table (no allocation per word).
class NerMemory {
 public:
  void Clear();
  int Get(uint64_t word) const;  // 0 = none, else 1 + class
  void Set(uint64_t word, int value);
  void Or(uint64_t word, int bits) { Set(word, Get(word) | bits); }

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
  bool rule_pos = false;  // its POS features come from the lexicon rules (Token::pos)
  int beam = 1;  // beam width of the decoder it was trained with (1: greedy)
  uint8_t features = 0;  // optional feature groups (kNerFeatDocCase ...)
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
  std::vector<internal::NerBeamItem> lattice;
  internal::NerMemory memory;
  internal::NerMemory doc_case;  // NerNoteSentence
};

namespace internal {

// Types a tagged span for the pipeline (see NerSpan::type).
EntityType NerEntityType(const NerModel& model, std::span<const std::string_view> words,
                         const NerSpan& span);
// The labels of one sentence (beam search of model.beam, constrained);
// ws->impl().labels.
void NerDecode(const NerModel& model, std::span<const std::string_view> words,
               std::span<const Pos> pos, NerWorkspace* ws);
// Serialises a trained model (payload and file), and parses one.
std::string NerSerialize(const NerModel& m, const std::string& header_lines);
Result<std::shared_ptr<NerModel>> NerParse(std::string_view data, const std::string& path);

}  // namespace internal
}  // namespace synoptic::nlp

#endif  // SYNOPTIC_NLP_INTERNAL_NER_INTERNAL_H_
