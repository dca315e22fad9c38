// A statistical part-of-speech tagger: an averaged perceptron (Collins 2002)
// over hashed word, affix, shape and context features, decoding greedily left
// to right with the two previous predicted tags as features. Trained by
// `synoptic train pos` from Universal Dependencies CoNLL-U files; the model
// file records the data, settings and scores it was made with.
//
// A PosModel is immutable after loading and shared read-only by all threads.
// Tag() allocates nothing per token (features are hashed on the fly).
#ifndef SYNOPTIC_NLP_POS_MODEL_H_
#define SYNOPTIC_NLP_POS_MODEL_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "synoptic/core/env.h"
#include "synoptic/core/status.h"
#include "synoptic/core/types.h"

namespace synoptic::nlp {

class PosModel;  // opaque

struct PosTrainOptions {
  int iterations = 8;
  uint64_t seed = 1;  // shuffling of the training sentences
  // Features seen fewer times than this in training are dropped from the
  // saved model (size; they rarely fire at test time).
  int min_feature_count = 2;
  // Words seen at least this often go into the model's lexicon of the tags
  // each word takes (its "ambiguity class", a feature for it and its
  // neighbours).
  int lexicon_min_count = 5;
  // 2: a second left-to-right pass that also sees the first pass's tags of
  // the next words (trained on first-pass tags jackknifed over
  // first_pass_folds folds); 1: the first pass only. Two passes gained only
  // 0.1 point of dev accuracy for twice the model size (models/MODELS.md).
  int passes = 1;
  int first_pass_folds = 5;
};

struct PosTrainReport {
  size_t sentences = 0;
  size_t tokens = 0;
  size_t features = 0;               // kept in the saved model
  std::vector<double> dev_accuracy;  // after each iteration (averaged weights)
  uint64_t model_bytes = 0;
};

// Reads the CoNLL-U files (multiword token ranges skipped; words and UPOS
// used), trains, and writes the model to out_path with a header saying how
// it was made (`provenance`). `dev` (may be empty) is scored after each
// iteration.
Result<PosTrainReport> TrainPosModel(Env* env,
                                     const std::vector<std::string>& train,
                                     const std::string& dev,
                                     const PosTrainOptions& options,
                                     const std::string& provenance,
                                     const std::string& out_path);

// kNotFound when absent, kCorrupt when the file is not a model of this
// version.
Result<std::shared_ptr<const PosModel>> LoadPosModel(Env* env,
                                                     const std::string& path);

// Tags one sentence's words (as written) into `out` (same length).
void TagWords(const PosModel& model, std::span<const std::string_view> words,
              std::span<Pos> out);

// The model file's header lines (how it was made).
std::string PosModelProvenance(const PosModel& model);

}  // namespace synoptic::nlp

#endif  // SYNOPTIC_NLP_POS_MODEL_H_
