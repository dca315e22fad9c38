// A labelled dependency parser: greedy arc-eager transitions (root at the end
// of the buffer) scored by an averaged perceptron over hashed feature
// templates in the style of Zhang & Nivre (2011), trained with a dynamic
// oracle (Goldberg & Nivre 2012). Predicts Universal Dependencies relations
// (with subtypes such as "nsubj:pass"). Trained by `synoptic train parser`
// from UD CoNLL-U files; the model file records the data, settings and
// scores it was made with.
//
// Ownership and threads: a DepModel is immutable after loading and shared
// read-only by all threads (std::shared_ptr<const DepModel>). A DepWorkspace
// holds one thread's scratch buffers; give each thread its own and reuse it.
// Parse() allocates nothing per token once the workspace has grown to the
// longest sentence seen.
//
// Output: every word gets exactly one head; exactly one word is the root
// (head == its own index, label "root"); trees are projective.
#ifndef SYNOPTIC_NLP_DEP_PARSER_H_
#define SYNOPTIC_NLP_DEP_PARSER_H_

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

class DepModel;  // opaque; immutable after loading
class PosModel;  // pos_model.h

struct DepParseOptions {
  // Sentences longer than this are parsed in consecutive pieces of this
  // many words; the root of each later piece is attached to the root of the
  // first piece as "parataxis". Bounds the workspace memory.
  uint32_t max_words = 1024;
};

// Per-thread scratch for Parse(). Not thread-safe; reusable for any number
// of sentences and models.
class DepWorkspace {
 public:
  DepWorkspace();
  ~DepWorkspace();
  DepWorkspace(const DepWorkspace&) = delete;
  DepWorkspace& operator=(const DepWorkspace&) = delete;
  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// Parses one sentence. `words` are the word forms as written, `tags` their
// UPOS (same length). Writes heads[i] (index of word i's head; i itself for
// the root) and labels[i] (a label id, see DepLabelName). heads and labels
// must have words.size() elements; extra words (if tags is shorter) are
// ignored. An empty sentence writes nothing.
void Parse(const DepModel& model, std::span<const std::string_view> words,
           std::span<const Pos> tags, const DepParseOptions& options,
           DepWorkspace* workspace, std::span<uint32_t> heads,
           std::span<uint8_t> labels);

// Parses every sentence of an annotated document (after nlp::Annotate, which
// fills tokens, sentences and POS): sets tokens[i].head to the document
// index of token i's head (i itself for a sentence's root) and writes one
// label id per token into *labels (resized to tokens.size()). The quality
// recorded in models/MODELS.md needs the trained tagger's tags
// (NlpOptions::pos_model = "pos_en.bin"). Allocates per document only.
void ParseDocument(const DepModel& model, const DepParseOptions& options,
                   DepWorkspace* workspace, DocAnalysis* analysis,
                   std::vector<uint8_t>* labels);

// The relation name of a label id ("nsubj", "obl:tmod", ...); "dep" for an
// id the model does not have. Views live as long as the model.
std::string_view DepLabelName(const DepModel& model, uint8_t label);
// The label id of a relation name; -1 when the model has no such label.
int DepLabelId(const DepModel& model, std::string_view name);

struct DepTrainOptions {
  int iterations = 12;
  uint64_t seed = 1;  // shuffling and exploration
  // From this iteration on (1-based) the trainer follows its own
  // predictions with probability explore_p (dynamic-oracle training), so it
  // learns to recover from its own mistakes.
  int explore_from = 2;
  double explore_p = 0.9;
  // Features that took part in fewer updates than this are dropped from the
  // saved model; weights that round to zero are dropped too (size).
  int min_feature_count = 3;
  // Part-of-speech tags of the training sentences: 0 = gold tags; k >= 2 =
  // k-fold jackknifing (each fold tagged by a tagger trained on the others,
  // with the settings below), so that training sees tagger errors as they
  // occur at run time.
  int jackknife_folds = 5;
  int tagger_iterations = 8;
  // Training sentences longer than this are skipped (time; they are rare).
  uint32_t max_train_words = 200;
};

struct DepTrainReport {
  size_t sentences = 0;  // used for training
  size_t tokens = 0;
  size_t non_projective = 0;  // made projective by lifting (see .cc)
  size_t skipped = 0;         // no tree, bad heads or too long
  size_t labels = 0;
  size_t features = 0;        // kept in the saved model
  double jackknife_upos = 0;  // accuracy of the jackknifed training tags
  std::vector<double> dev_uas, dev_las;  // after each iteration
  uint64_t model_bytes = 0;
};

// Reads the CoNLL-U files (multiword token ranges and empty nodes skipped),
// trains, and writes the model to out_path with a header saying how it was
// made (`provenance`). `dev` (may be empty) is parsed after each iteration
// with tags from `dev_tagger` (gold tags when null) and scored (LAS on main
// relation types, punctuation included). Progress lines go to env->Log.
Result<DepTrainReport> TrainDepModel(
    Env* env, const std::vector<std::string>& train, const std::string& dev,
    const PosModel* dev_tagger, const DepTrainOptions& options,
    const std::string& provenance, const std::string& out_path);

// kNotFound when absent; kCorrupt when the bytes are damaged (checksum,
// sizes, self-test parses that do not come out as recorded); kNotSupported
// for another format version.
Result<std::shared_ptr<const DepModel>> LoadDepModel(Env* env,
                                                     const std::string& path);
// The same from bytes in memory (the file's whole content).
Result<std::shared_ptr<const DepModel>> DecodeDepModel(std::string_view bytes);

// The model file's header lines (how it was made).
std::string DepModelProvenance(const DepModel& model);

}  // namespace synoptic::nlp

#endif  // SYNOPTIC_NLP_DEP_PARSER_H_
