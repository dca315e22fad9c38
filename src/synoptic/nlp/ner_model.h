// A statistical named-entity tagger: an averaged perceptron over BILOU
// labels (Ratinov & Roth 2009), decoded by beam search and trained with the
// same decoder (early update), with word, affix, shape, context,
// part-of-speech, previous-label, gazetteer and document features. Trained by `synoptic train ner` on the
// non-held-out NER data in shared/data (GUM train, WNUT-17 train/dev,
// optionally Wikigold); the model file carries its gazetteer, its settings
// and self-test sentences that are re-tagged at load.
//
// A NerModel is immutable after loading and shared read-only by all threads.
// Tagging needs a NerWorkspace per thread; once the workspace has grown to
// the longest sentence, TagEntities allocates nothing (features are hashed
// on the fly into fixed arrays).
#ifndef SYNOPTIC_NLP_NER_MODEL_H_
#define SYNOPTIC_NLP_NER_MODEL_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/core/env.h"
#include "synoptic/core/status.h"
#include "synoptic/core/types.h"

namespace synoptic::nlp {

class NerModel;  // opaque
class PosModel;
class NlpModel;

// The model's entity classes. Written to disk; never renumber.
enum class NerClass : uint8_t {
  kPerson = 0,
  kOrg = 1,
  kPlace = 2,  // GPE, LOC or FAC: told apart after tagging (NerSpan::type)
  kEvent = 3,
  kMisc = 4,   // other names: works, products, laws, nationalities, ...
};
inline constexpr int kNerClasses = 5;

struct NerSpan {
  uint32_t first = 0;  // word index
  uint32_t end = 0;    // one past the last word
  NerClass cls = NerClass::kMisc;
  // The pipeline type: kPlace becomes kGpe (a country, region, city or
  // capital in the gazetteer), kFac (a facility head word such as "Airport")
  // or kLoc; kMisc becomes kNorp (a demonym), kLaw (a law head word) or
  // kOther.
  EntityType type = EntityType::kOther;
};

// Per-thread scratch of TagEntities. Reusable across sentences and
// documents; not thread-safe. Call BeginDocument() between documents (the
// tagger remembers how it labelled a word earlier in the same document).
class NerWorkspace {
 public:
  NerWorkspace();
  ~NerWorkspace();
  NerWorkspace(const NerWorkspace&) = delete;
  NerWorkspace& operator=(const NerWorkspace&) = delete;
  void BeginDocument();

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Shows the workspace one sentence of the document before any is tagged
// (call it for every sentence after BeginDocument): the tagger looks at how
// a capitalised word is written elsewhere in the document (lower case, or
// capitalised inside a sentence). Without it those features are absent.
void NoteDocumentSentence(std::span<const std::string_view> words, NerWorkspace* ws);

// Tags one sentence. `pos` holds the words' tags from pos_en.bin, or from
// the lexicon rules (NerUsesRulePos); ignored by a model trained without
// them (may then be empty).
// Appends the entities found to *out (word indexes into `words`).
void TagEntities(const NerModel& model, std::span<const std::string_view> words,
                 std::span<const Pos> pos, NerWorkspace* ws,
                 std::vector<NerSpan>* out);

// True when the model was trained with part-of-speech features from
// pos_en.bin (a PosModel); NerUsesRulePos: from the lexicon rules of the
// pipeline's default tagger (Token::pos), which cost nothing extra.
bool NerUsesPos(const NerModel& model);
bool NerUsesRulePos(const NerModel& model);

// Where the training data and the gazetteer sources are (all by path; an
// empty path is skipped).
struct NerTrainSources {
  std::vector<std::string> gum_train;  // GUM CoNLL-U documents (Entity=)
  std::vector<std::string> gum_dev;    // scored after every iteration
  std::vector<std::string> wnut;       // WNUT-17 "word<TAB>BIO-tag" files
  std::vector<std::string> conll;      // CoNLL-2003-style PER/ORG/LOC/MISC
  std::string gazetteers_dir;          // shared/data/gazetteers
  std::string petrarch_dir;            // .../petrarch2-dictionaries
  std::string actors_kb;               // models/actors_kb.tsv
  std::string lexicon;                 // models/nlp_lexicon.tsv (cue words)
  std::string iso_codes_dir;           // Debian iso-codes JSON folder
};

struct NerTrainOptions {
  int iterations = 10;
  uint64_t seed = 1;  // shuffling of the training documents
  // Features updated fewer times than this are dropped from the saved model.
  int min_feature_count = 2;
  // Averaged weights of smaller magnitude (in units of the largest weight
  // / 32000) are dropped too (size).
  int min_abs_weight = 2;
  // Beam width of the decoder, in training (early update) and in the saved
  // model (1: greedy with a dynamic oracle; at most 16). Beam 4 gained
  // about 4 points of GUM dev F1 over greedy.
  int beam = 4;
  // Optional feature groups: 1 = how a capitalised word is written elsewhere
  // in the document, 2 = the run of capitalised words a word is in (its
  // last word, first word and the words around it).
  int feature_groups = 1;
  // Beam training update: false = early update (Collins & Roark 2004: stop
  // where the gold prefix falls off the beam); true = max-violation (Huang
  // et al. 2012: decode the whole sentence, then update the prefixes at the
  // word where the best hypothesis outscores the gold prefix the most).
  bool max_violation = false;
  // Part-of-speech features from this tagger (pos_en.bin); null: none.
  const PosModel* tagger = nullptr;
  // Or from the lexicon rules of this model (the pipeline's default
  // tagger); used when tagger is null.
  const NlpModel* rule_tagger = nullptr;
};

struct NerTrainReport {
  size_t documents = 0, sentences = 0, tokens = 0, mentions = 0;
  size_t gazetteer_entries = 0;
  size_t features = 0;  // kept in the saved model
  // GUM dev after each iteration: exact span and class F1 over person,
  // organisation and place, on GUM's own tokens.
  std::vector<double> dev_f1;
  double dev_precision = 0, dev_recall = 0;  // after the last iteration
  uint64_t model_bytes = 0;
};

// Reads the sources, trains, and writes the model to out_path with a header
// saying how it was made (`provenance`).
Result<NerTrainReport> TrainNerModel(Env* env, const NerTrainSources& sources,
                                     const NerTrainOptions& options,
                                     const std::string& provenance,
                                     const std::string& out_path);

// kNotFound when absent; kNotSupported for another format version; kCorrupt
// when the checksum, the layout or the self-test fails.
Result<std::shared_ptr<const NerModel>> LoadNerModel(Env* env,
                                                     const std::string& path);

// The model file's header lines (how it was made).
std::string NerModelProvenance(const NerModel& model);

}  // namespace synoptic::nlp

#endif  // SYNOPTIC_NLP_NER_MODEL_H_
